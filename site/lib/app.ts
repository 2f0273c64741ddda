import path from 'node:path';
import { adminMigrations, createAdmin, type AdminServices } from '@admin/admin.ts';
import { config, type Config } from '@core/config/config.ts';
import { openParseCache, parseCacheFile } from '@core/content/parse-cache.ts';
import { ParsePool } from '@core/content/parse-pool.ts';
import { ContentStore } from '@core/content/store.ts';
import { Popularity, popularityMigrations } from '@core/content/popularity.ts';
import { openDatabase, type Db } from '@core/db/database.ts';
import { publishMaxBodyBytes } from '@core/http/limited-body.ts';
import { formatDiagnostic, type Diagnostic } from '@core/markdown/diagnostic.ts';
import { fileOffsetClock } from '@feedback/clock.ts';
import { ensureDemoComplaints } from '@feedback/complaints/demo.ts';
import { createFeedback, feedbackMigrations, type FeedbackServices } from '@feedback/feedback.ts';
import { startMailIn, type MailIn } from '@feedback/mail-in/start.ts';
import { SearchAnalytics, searchAnalyticsMigrations } from '@search/analytics.ts';
import { createAnswerFinder } from '@search/answers.ts';
import { SearchInsights } from '@search/insights.ts';
import { SearchIndexer } from '@search/indexer.ts';
import type { SearchEngine } from '@search/port.ts';
import { selectEngine } from '@search/select-engine.ts';

/** Everything a request handler needs, built once per process: the composition root. */
export interface App {
  config: Config;
  db: Db;
  content: ContentStore;
  popularity: Popularity;
  search: { engine: SearchEngine; indexer: SearchIndexer; analytics: SearchAnalytics; insights: SearchInsights };
  admin: AdminServices;
  /** Complaints: intake, classification, routing, deadlines, outbox; its scheduler runs every minute (KB_SCHEDULER_INTERVAL_MS). */
  feedback: FeedbackServices;
  /** Email as a channel, when INBOUND_SMTP_PORT or IMAP_URL is set. */
  mailIn: MailIn | undefined;
  /** Settles when the search index has caught up with the content at start-up. */
  ready: Promise<void>;
}

function reportProblems(file: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) console.warn(`[content] left out: ${formatDiagnostic(file, d)}`);
}

function createApp(): App {
  const cfg = config();
  publishMaxBodyBytes(cfg.KB_MAX_BODY_BYTES);
  const db = openDatabase(path.join(cfg.dataDir, 'kb.sqlite'), [...popularityMigrations, ...searchAnalyticsMigrations, ...adminMigrations, ...feedbackMigrations]);
  // Parse results survive restarts, so a start parses only changed files (decision 0008); optional.
  const parseCache = openParseCache(parseCacheFile(cfg.dataDir));
  const content = new ContentStore(cfg.contentDir, { cache: parseCache });
  content.on('invalid', reportProblems);
  content.loadAll();
  if (cfg.KB_WATCH) content.watch();
  const load = content.lastLoad;
  console.info(`[kb] ${content.all().length} articles from ${cfg.contentDir} in ${load?.ms} ms (${load?.parsed} parsed, ${load?.cached} from the cache); ${content.problems.size} files left out`);
  const parser = new ParsePool();
  const admin = createAdmin({ db, content, contentDir: cfg.contentDir, nodeEnv: cfg.NODE_ENV, parser });
  // KB_CLOCK_FILE (never in production): the browser tests move the complaint clock of a running server.
  const clock = cfg.KB_CLOCK_FILE ? fileOffsetClock(cfg.KB_CLOCK_FILE) : undefined;
  if (cfg.KB_CLOCK_FILE) console.warn(`[complaints] test clock: the offset in ${cfg.KB_CLOCK_FILE} is added to the time (KB_CLOCK_FILE)`);
  const engine = selectEngine(cfg);
  const feedback = createFeedback({ db, clock, answers: createAnswerFinder(engine, content), siteUrl: cfg.siteUrl, smtpUrl: cfg.SMTP_URL, mailFrom: cfg.MAIL_FROM,
    serviceDeskEmail: cfg.SERVICE_DESK_EMAIL, alertWebhookUrl: cfg.ALERT_WEBHOOK_URL, rateLimitPerMinute: cfg.COMPLAINT_RATE_LIMIT, phoneRegion: cfg.PHONE_REGION,
    dataDir: cfg.dataDir, attachmentLimits: { maxBytes: cfg.ATTACHMENT_MAX_BYTES, maxFiles: cfg.ATTACHMENT_MAX_FILES } });
  const stopScheduler = feedback.startScheduler(cfg.KB_SCHEDULER_INTERVAL_MS);
  const mailIn = startMailIn({ db, feedback, config: cfg });
  // A saved article closes the editors' tasks on it (made from readers' votes and staff reports).
  content.on('change', (event) => {
    if (event.type === 'upsert') feedback.articleFeedback.articleSaved(event.article.id);
  });
  const demo = ensureDemoComplaints(feedback.complaints, cfg.NODE_ENV);
  if (demo) console.info(`[complaints] filed ${demo} demo complaints (NODE_ENV=development only)`);
  const indexer = new SearchIndexer(engine, content, path.join(cfg.dataDir, 'search', `manifest-${engine.name}.json`));
  const started = Date.now();
  const ready = indexer.start().then(({ indexed, removed }) => {
    console.info(`[search] ${engine.name} engine ready in ${Date.now() - started} ms (${indexed} indexed, ${removed} removed)`);
  }).catch((error: unknown) => {
    // Pages and complaints must keep working when search cannot start; search answers 503 meanwhile.
    console.error(`[search] ${engine.name} engine failed to start:`, error instanceof Error ? error.message : error);
  });
  // On a stop signal, write the search index and close the database cleanly, so a restart loads the
  // index instead of re-analysing the articles changed since the last save.
  const shutdown = (signal: NodeJS.Signals) => {
    stopScheduler();
    void mailIn?.stop();
    content.close();
    void parser.close();
    indexer.stop();
    void indexer.idle().then(() => engine.close()).catch(() => undefined).finally(() => {
      db.close();
      parseCache?.close();
      process.kill(process.pid, signal);
    });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return {
    config: cfg,
    db,
    content,
    popularity: new Popularity(db),
    search: { engine, indexer, analytics: new SearchAnalytics(db), insights: new SearchInsights(db) },
    admin,
    feedback,
    mailIn,
    ready: Promise.all([ready, admin.ready]).then(() => undefined),
  };
}

const key = Symbol.for('kb.app');
const holder = globalThis as unknown as Record<symbol, App | undefined>;

/** The process-wide app; created on first use so build-time imports do not open the database. */
export function app(): App {
  holder[key] ??= createApp();
  return holder[key];
}
