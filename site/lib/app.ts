import path from 'node:path';
import { adminMigrations, createAdmin, type AdminServices } from '@admin/admin.ts';
import { config, type Config } from '@core/config/config.ts';
import { openParseCache, parseCacheFile } from '@core/content/parse-cache.ts';
import { ParsePool } from '@core/content/parse-pool.ts';
import { ContentStore } from '@core/content/store.ts';
import { Popularity, popularityMigrations } from '@core/content/popularity.ts';
import { openDatabase, type Db } from '@core/db/database.ts';
import { publishMaxBodyBytes } from '@core/http/limited-body.ts';
import { logEvent } from '@core/log/log.ts';
import { formatDiagnostic, type Diagnostic } from '@core/markdown/diagnostic.ts';
import { fileOffsetClock } from '@feedback/clock.ts';
import { ensureDemoComplaints } from '@feedback/complaints/demo.ts';
import { createFeedback, feedbackMigrations, type FeedbackServices } from '@feedback/feedback.ts';
import { startMailIn, type MailIn } from '@feedback/mail-in/start.ts';
import { SearchAnalytics, searchAnalyticsMigrations } from '@search/analytics.ts';
import { searchQueryTexts } from '@search/analytics-erasure.ts';
import { createAnswerFinder } from '@search/answers.ts';
import { AskedAsLearning } from '@search/asked-as/learning.ts';
import { SearchInsights } from '@search/insights.ts';
import { SearchIndexer } from '@search/indexer.ts';
import type { SearchEngine } from '@search/port.ts';
import { selectEngine } from '@search/select-engine.ts';
import { PageCache } from './page-cache.ts';

/** Everything a request handler needs, built once per process: the composition root. */
export interface App {
  config: Config;
  db: Db;
  content: ContentStore;
  /** Anonymous article pages as rendered, emptied by every content change (site/lib/cached-article-page.ts). */
  pages: PageCache;
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
  for (const d of diagnostics) logEvent('warn', 'content.left_out', { file, line: d.line, column: d.column, message: `[content] left out: ${formatDiagnostic(file, d)}` });
}

/** The complaint room's notes (rounds, retraining, escalations) as JSON lines like every other log. */
const complaintsNote = (line: string) => logEvent('info', 'complaints.note', { message: line });

function createApp(): App {
  const cfg = config();
  publishMaxBodyBytes(cfg.KB_MAX_BODY_BYTES);
  const db = openDatabase(path.join(cfg.dataDir, 'kb.sqlite'), [...popularityMigrations, ...searchAnalyticsMigrations, ...adminMigrations, ...feedbackMigrations]);
  // Parse results survive restarts, so a start parses only changed files (decision 0008); optional.
  const parseCache = openParseCache(parseCacheFile(cfg.dataDir));
  const content = new ContentStore(cfg.contentDir, { cache: parseCache });
  content.on('invalid', reportProblems);
  const parser = new ParsePool({ size: cfg.KB_PARSE_WORKERS, timeoutMs: cfg.KB_PARSE_TIMEOUT_MS, maxQueue: cfg.KB_PARSE_QUEUE });
  const pages = new PageCache(cfg.KB_PAGE_CACHE_BYTES, content);
  // Files the parse cache lacks (all of them on a first start) are parsed in the pool's workers, on every core.
  const contentLoaded = content.loadAllInParallel(parser).then(() => {
    if (cfg.KB_WATCH) content.watch();
    if (cfg.KB_WATCH && cfg.KB_RECONCILE_INTERVAL_MS) {
      content.reconcileEvery(cfg.KB_RECONCILE_INTERVAL_MS, (files) => logEvent('warn', 'content.reconciled', { files, message: `[content] reconciliation: ${files} files on disk differed from what was loaded; reloaded` }));
    }
    const load = content.lastLoad;
    logEvent('info', 'content.loaded', { articles: content.count(), ms: load?.ms, parsed: load?.parsed, cached: load?.cached, unread: load?.unread, leftOut: content.problems.size,
      message: `[kb] ${content.count()} articles from ${cfg.contentDir} in ${load?.ms} ms (${load?.parsed} parsed, ${load?.cached} from the cache, ${load?.unread} of them unchanged on disk and not read); ${content.problems.size} files left out` });
  });
  const admin = createAdmin({ db, content, contentDir: cfg.contentDir, nodeEnv: cfg.NODE_ENV, parser });
  // KB_CLOCK_FILE (never in production): the browser tests move the complaint clock of a running server.
  const clock = cfg.KB_CLOCK_FILE ? fileOffsetClock(cfg.KB_CLOCK_FILE) : undefined;
  if (cfg.KB_CLOCK_FILE) logEvent('warn', 'complaints.test_clock', { message: `[complaints] test clock: the offset in ${cfg.KB_CLOCK_FILE} is added to the time (KB_CLOCK_FILE)` });
  const engine = selectEngine(cfg);
  const feedback = createFeedback({ db, clock, answers: createAnswerFinder(engine, content), siteUrl: cfg.siteUrl, smtpUrl: cfg.SMTP_URL, mailFrom: cfg.MAIL_FROM,
    serviceDeskEmail: cfg.SERVICE_DESK_EMAIL, alertWebhookUrl: cfg.ALERT_WEBHOOK_URL, rateLimitPerMinute: cfg.COMPLAINT_RATE_LIMIT, phoneRegion: cfg.PHONE_REGION,
    outbox: { baseDelayMs: cfg.KB_OUTBOX_RETRY_MS }, log: complaintsNote, retentionDays: cfg.CONTACT_RETENTION_DAYS, dataDir: cfg.dataDir, erasureSteps: [searchQueryTexts],
    triageConfidence: cfg.TRIAGE_CONFIDENCE, attachmentLimits: { maxBytes: cfg.ATTACHMENT_MAX_BYTES, maxFiles: cfg.ATTACHMENT_MAX_FILES } });
  const stopScheduler = feedback.startScheduler(cfg.KB_SCHEDULER_INTERVAL_MS);
  const mailIn = startMailIn({ db, feedback, config: cfg });
  // A saved article closes the editors' tasks on it (made from readers' votes and staff reports); the
  // articles arriving while the content loads are not saves.
  void contentLoaded.then(() =>
    content.on('change', (event) => {
      if (event.type === 'upsert') feedback.articleFeedback.articleSaved(event.article.id);
    }),
  );
  const demo = ensureDemoComplaints(feedback.complaints, cfg.NODE_ENV);
  if (demo) complaintsNote(`[complaints] filed ${demo} demo complaints (NODE_ENV=development only)`);
  const indexer = new SearchIndexer(engine, content, path.join(cfg.dataDir, 'search', `manifest-${engine.name}.json`));
  const started = Date.now();
  // The words customers asked with, learned from opened results (docs/search.md, "Asked as").
  const learning = new AskedAsLearning(db, engine, () => new Map(content.all().filter((a) => a.meta.status === 'published').map((a) => [a.id, a.meta.audience])), {
    halfLifeDays: cfg.SEARCH_ASKED_AS_HALF_LIFE_DAYS, maxPhrases: cfg.SEARCH_ASKED_AS_MAX_PHRASES, minVisitors: cfg.SEARCH_ASKED_AS_MIN_VISITORS });
  let stopLearning = () => {};
  const popularity = new Popularity(db);
  const stopViews = popularity.flushEvery(cfg.KB_VIEW_FLUSH_MS);
  const ready = contentLoaded.then(() => indexer.start()).then(async ({ indexed, removed }) => {
    const ms = Date.now() - started;
    logEvent('info', 'search.ready', { engine: engine.name, ms, indexed, removed, message: `[search] ${engine.name} engine ready in ${ms} ms (${indexed} indexed, ${removed} removed)` });
    await learning.restore();
    stopLearning = learning.start(cfg.SEARCH_ASKED_AS_REFRESH_MS);
  }).catch((error: unknown) => {
    // Pages and complaints must keep working when search cannot start; search answers 503 meanwhile.
    logEvent('error', 'search.failed', { engine: engine.name, error: error instanceof Error ? error.message : String(error) });
  });
  // On a stop signal, write the search index and close the database cleanly, so a restart loads the
  // index instead of re-analysing the articles changed since the last save.
  const shutdown = (signal: NodeJS.Signals) => {
    const stopping = Date.now();
    logEvent('info', 'server.stopping', { signal });
    stopScheduler();
    stopLearning();
    stopViews();
    void mailIn?.stop();
    content.close();
    void parser.close();
    indexer.stop();
    void indexer.idle().then(() => engine.close()).catch(() => undefined).finally(() => {
      db.close();
      parseCache?.close();
      logEvent('info', 'server.stopped', { signal, ms: Date.now() - stopping });
      process.kill(process.pid, signal);
    });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return {
    config: cfg,
    db,
    content,
    pages,
    popularity,
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
