import type { CountryCode } from 'libphonenumber-js';
import type { AnswerFinder } from '@core/answers/port.ts';
import type { Db } from '@core/db/database.ts';
import { StaffDirectory } from '@core/staff/users.ts';
import { ClassifierAdmin } from './classification/rules-admin.ts';
import { ClassificationService } from './classification/service.ts';
import { systemClock, type Clock } from './clock.ts';
import { sendOverdueDigests } from './complaints/alarms.ts';
import { ComplaintHandling } from './complaints/handling.ts';
import { ComplaintService } from './complaints/service.ts';
import { Deadlines } from './deadlines/deadlines.ts';
import { SubmissionLimiter } from './intake/rate-limit.ts';
import { createMailer, type Mailer } from './outbox/mailer.ts';
import { Outbox, type OutboxOptions } from './outbox/outbox.ts';
import { Routing } from './routing/routing.ts';
import { RoutingSettings } from './routing/settings.ts';
import { Satisfaction } from './satisfaction/satisfaction.ts';
import { Deflection } from './suggestions/deflection.ts';
import { ArticleFeedback } from './articles/article-feedback.ts';
import { Insights } from './insights/insights.ts';
import { InsightsStore } from './insights/store.ts';
import { Customers } from './customers/customers.ts';
import { runJob } from './scheduler/jobs.ts';
import { SearchFollowups } from './search-followups/report.ts';
import type { ErasureStep } from '@core/privacy/erasure.ts';
import { Privacy } from './privacy/privacy.ts';
import { erasureSteps } from './privacy/steps.ts';
import { attachmentFiles } from './privacy/steps/attachments.ts';
import { purgeMailBefore } from './mail-in/erase.ts';
import { Attachments } from './attachments/attachments.ts';
import { defaultAttachmentLimits, type AttachmentLimits } from './attachments/limits.ts';
import { temporaryDataDir } from './attachments/files.ts';
import { LostLinks } from './lost-link/lost-link.ts';
import { TriageDesk } from './triage/desk.ts';

export { feedbackMigrations } from './migrations.ts';

export interface FeedbackOptions {
  db: Db;
  /** Suggested answers for complaints, from the knowledge base (the composition root wires search in). */
  answers?: AnswerFinder;
  siteUrl: string;
  clock?: Clock;
  /** Either a mailer, or an SMTP URL (unset: mails stay in the outbox). */
  mailer?: Mailer;
  smtpUrl?: string;
  mailFrom?: string;
  /** Gets the overdue alarm of an unassigned complaint (SERVICE_DESK_EMAIL); default service-desk@kestrel-home.example. */
  serviceDeskEmail?: string;
  /** Each overdue alarm is also POSTed here as JSON through the outbox (ALERT_WEBHOOK_URL); unset: none. */
  alertWebhookUrl?: string;
  /** Complaints a client address may send per minute; default 5. */
  rateLimitPerMinute?: number;
  outbox?: OutboxOptions;
  /** Region for customers' phone numbers written without a country code (PHONE_REGION); default FI. */
  phoneRegion?: string;
  /** Days after closing before a complaint's personal data is erased (CONTACT_RETENTION_DAYS); default 1095. */
  retentionDays?: number;
  /** DATA_DIR, for erasure steps that remove files. */
  dataDir?: string;
  /** Erasure steps of other rooms (search analytics), run with the complaint room's own. */
  erasureSteps?: readonly ErasureStep[];
  /** TRIAGE_CONFIDENCE: below it a new complaint waits for the service desk instead of going to a team; unset, every complaint is routed. */
  triageConfidence?: number;
  /** ATTACHMENT_MAX_BYTES and ATTACHMENT_MAX_FILES. */
  attachmentLimits?: AttachmentLimits;
  log?: (line: string) => void;
}

export interface FeedbackServices {
  clock: Clock;
  complaints: ComplaintService;
  /** What staff may see of complaints and every action they take on them. */
  handling: ComplaintHandling;
  classification: ClassificationService;
  routing: Routing;
  deadlines: Deadlines;
  /** The admins' changes to teams, routing rules, deadlines and business hours (permission `routing:manage`). */
  routingSettings: RoutingSettings;
  /** The admins' changes to keyword rules and the classifier's retraining (permission `classifier:manage`). */
  classifierAdmin: ClassifierAdmin;
  outbox: Outbox;
  deflection: Deflection;
  /** One record per customer across every channel: search, history, merges. */
  customers: Customers;
  /** The customer's data: download, erasure by the customer or an administrator, the retention period. */
  privacy: Privacy;
  /** Photos and receipts sent with complaints: checks, storage, reads decided in the query, erasure. */
  attachments: Attachments;
  /** "Lost your link?": mails an address's open complaints' tracking links to it, rate limited, same answer for everyone. */
  lostLinks: LostLinks;
  /** The service desk's queue of complaints the classifier was unsure of (permission `complaints:triage`). */
  triage: TriageDesk;
  /** Customers' 1–5 ratings of resolved complaints, and the staff's statistics of them. */
  satisfaction: Satisfaction;
  /** Product insights: complaints per category, product and week, rising groups, deadlines, satisfaction (permission `insights:read`). */
  insights: Insights;
  /** Public searches followed in the same visit by a complaint, for the editors' search insights. */
  searchFollowups: SearchFollowups;
  /** "Was this helpful?" votes, staff problem reports, the editors' ranking and its tasks. */
  articleFeedback: ArticleFeedback;
  /** Votes on articles: per client address, a separate budget. */
  voteLimiter: SubmissionLimiter;
  limiter: SubmissionLimiter;
  /** Customer replies on the tracking page: a separate, more generous budget. */
  replyLimiter: SubmissionLimiter;
  /** One round of the scheduler: escalate overdue complaints, remove old contact details, save learnt corrections, send the outbox. */
  tick(): Promise<TickResult>;
  /** Starts the every-minute scheduler; returns a function that stops it. */
  startScheduler(intervalMs?: number): () => void;
}

export interface TickResult {
  escalated: string[];
  /** Teams whose lead got the daily digest of overdue unassigned complaints this round. */
  digests: string[];
  /** Closed complaints whose personal data was erased this round (the retention period). */
  anonymized: number;
  modelSaved: boolean;
  retrained: boolean;
  outbox: { sent: number; kept: number; done: number; retried: number; dead: number };
}

/** Retrain from all examples once this many staff corrections have come in since the last training. */
const retrainAfterCorrections = 10;

/** Builds the complaint room: seeds defaults into empty tables, wires the outbox and the scheduler. */
export function createFeedback(options: FeedbackOptions): FeedbackServices {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => console.info(line));
  const mailer = options.mailer ?? createMailer(options.smtpUrl, options.mailFrom ?? 'Kestrel Help Center <help@kestrel-home.example>');
  const outbox = new Outbox(db, clock, mailer, { log, ...options.outbox, webhook: { url: options.alertWebhookUrl, ...options.outbox?.webhook } });
  log(mailer.kind === 'smtp' ? '[complaints] mail goes out through SMTP_URL' : '[complaints] SMTP_URL is not set: mails are kept in the outbox table');
  const routing = new Routing(db);
  routing.seed();
  const deadlines = new Deadlines(db);
  deadlines.seed();
  const classification = new ClassificationService(db);
  try {
    classification.init();
  } catch (error) {
    // Complaints are still taken (unclassified, retried from the outbox) when the model cannot load.
    log(`[complaints] the classifier could not start: ${error instanceof Error ? error.message : error}`);
  }
  const deflection = new Deflection(db, clock);
  const customers = new Customers({ db, clock, routing, staff: new StaffDirectory(db), phoneRegion: (options.phoneRegion ?? 'FI') as CountryCode });
  const linked = customers.linkUnlinked();
  if (linked) log(`[complaints] linked ${linked} earlier complaint${linked === 1 ? '' : 's'} to customer records`);
  const complaints = new ComplaintService({ db, clock, outbox, routing, deadlines, classification, deflection, siteUrl: options.siteUrl, serviceDeskEmail: options.serviceDeskEmail,
    triageConfidence: options.triageConfidence, onIntake: (contact) => customers.attach(contact), log });
  const retentionDays = options.retentionDays ?? 1095;
  const attachmentsDir = options.dataDir ?? temporaryDataDir();
  const attachments = new Attachments({ db, clock, dataDir: attachmentsDir, limits: options.attachmentLimits ?? defaultAttachmentLimits });
  const privacy = new Privacy({ db, clock, outbox, siteUrl: options.siteUrl, retentionDays, dataDir: options.dataDir,
    steps: [...erasureSteps, attachmentFiles(attachmentsDir), ...(options.erasureSteps ?? [])],
    afterErasure: () => classification.reload() });
  const handling = new ComplaintHandling({ db, clock, complaints, routing, staff: new StaffDirectory(db), answers: options.answers, log });
  const lostLinks = new LostLinks({ db, clock, outbox, complaints });
  const triage = new TriageDesk({ db, complaints, routing });
  const routingSettings = new RoutingSettings({ db, routing, deadlines, staff: new StaffDirectory(db) });
  const classifierAdmin = new ClassifierAdmin({ db, classification });
  const satisfaction = new Satisfaction({ db, clock, complaints: complaints.store, routing, staff: new StaffDirectory(db) });
  const insights = new Insights({ store: new InsightsStore(db), clock, routing });
  const articleFeedback = new ArticleFeedback({ db, clock, staff: new StaffDirectory(db) });
  const voteLimiter = new SubmissionLimiter(30, 'article-votes');
  const limiter = new SubmissionLimiter(options.rateLimitPerMinute ?? 5);
  const replyLimiter = new SubmissionLimiter(Math.max(20, (options.rateLimitPerMinute ?? 5) * 4), 'complaint-replies');

  let lastRetrain = 0;
  async function tick(): Promise<TickResult> {
    const escalated = await runJob('escalation', () => complaints.escalateOverdue(), [], log);
    const digests = await runJob('digests', () => sendOverdueDigests({ store: complaints.store, routing, deadlines, outbox, clock, db, siteUrl: options.siteUrl }), [], log);
    if (digests.length) log(`[complaints] daily overdue digest written for ${digests.join(', ')}`);
    const anonymized = await runJob('retention', () => {
      // Stored mail goes by its arrival; what it said lives on in its complaint, erased with it.
      purgeMailBefore(db, new Date(clock.now().getTime() - retentionDays * 86_400_000).toISOString());
      return privacy.purgeExpired().complaints;
    }, 0, log);
    if (anonymized) log(`[complaints] erased the personal data of ${anonymized} complaint${anonymized === 1 ? '' : 's'} closed over ${retentionDays} days ago`);
    const upkeep = await runJob('classifier', () => {
      const hourAgo = clock.now().getTime() - 3_600_000;
      if (classification.ready && lastRetrain < hourAgo && classification.correctionsSinceTraining() >= retrainAfterCorrections) {
        const r = classification.retrain();
        lastRetrain = clock.now().getTime();
        log(`[complaints] classifier retrained on ${r.examples} examples in ${r.ms} ms`);
        return { modelSaved: false, retrained: true };
      }
      const modelSaved = classification.persist();
      if (!modelSaved && classification.refresh()) log('[complaints] took up a newer classifier model from the database');
      return { modelSaved, retrained: false };
    }, { modelSaved: false, retrained: false }, log);
    const sent = await runJob('outbox', () => outbox.process(), { sent: 0, kept: 0, done: 0, retried: 0, dead: 0 }, log);
    return { escalated, digests, anonymized, ...upkeep, outbox: sent };
  }

  function startScheduler(intervalMs = 60_000): () => void {
    let busy = false;
    const run = () => {
      if (busy) return;
      busy = true;
      tick()
        .catch((error: unknown) => log(`[complaints] scheduler round failed: ${error instanceof Error ? error.message : error}`))
        .finally(() => {
          busy = false;
        });
    };
    const timer = setInterval(run, intervalMs);
    timer.unref();
    // A first round soon after start-up sends what was left in the outbox.
    const first = setTimeout(run, 1000);
    first.unref();
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }

  return { clock, complaints, customers, privacy, attachments, lostLinks, triage, handling, classification, routing, deadlines, routingSettings, classifierAdmin, outbox, deflection, satisfaction, insights, articleFeedback, searchFollowups: new SearchFollowups(db), voteLimiter, limiter, replyLimiter, tick, startScheduler };
}
