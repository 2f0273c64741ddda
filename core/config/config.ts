import path from 'node:path';
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

/** Every setting the portal reads from the environment, with defaults that run on a fresh machine. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  KB_CONTENT_DIR: z.string().min(1).default('./content'),
  /** Public origin used for absolute links (sitemap, mails); defaults to the local address. */
  SITE_URL: optionalUrl,
  MEILI_HOST: optionalUrl,
  MEILI_API_KEY: z.string().optional(),
  SMTP_URL: optionalUrl,
  /** Sender of customer and staff mails. */
  MAIL_FROM: z.string().min(3).default('Kestrel Help Center <help@kestrel-home.example>'),
  /** Gets the overdue alarm of a complaint nobody is assigned to (the service desk on duty); see docs/complaints.md. */
  SERVICE_DESK_EMAIL: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().email().default('service-desk@kestrel-home.example')),
  /** Optional: every overdue alarm is also POSTed here as JSON (no customer details), through the outbox with its retries. */
  ALERT_WEBHOOK_URL: optionalUrl.refine((v) => v === undefined || /^https?:\/\//i.test(v), 'must be an http:// or https:// URL'),
  /** Complaints one client address may send per minute (form and API); raised by the intake benchmark. */
  /** Region (ISO 3166 code) for customers' phone numbers written without a country code; see docs/customers.md. */
  PHONE_REGION: z.string().trim().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as FI').default('FI'),
  COMPLAINT_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5),
  /** Days after a complaint is closed before the personal data in it is erased (contact details and free text); the privacy article shows it. */
  CONTACT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(1095),
  /** Answers (articles, reply templates) not reviewed for this many days are flagged to editors on the answer desk. */
  KB_ANSWER_REVIEW_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Watch the content directory and apply changes made on disk while the server runs. */
  KB_WATCH: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Bytes of anonymous article pages kept rendered in memory (least recently used dropped first); 0 turns the cache off. */
  KB_PAGE_CACHE_BYTES: z.coerce.number().int().min(0).max(4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Bytes of search results kept for identical questions until the index changes (least recently used dropped first); 0 turns the cache off. */
  KB_SEARCH_CACHE_BYTES: z.coerce.number().int().min(0).max(4 * 1024 * 1024 * 1024).default(16 * 1024 * 1024),
  /** While watching, how often the content directory is compared with what is loaded (size and mtime), to catch what the watcher missed; 0 turns it off. */
  KB_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** How often article views counted in memory are written to the database (they are also written at shutdown). */
  KB_VIEW_FLUSH_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /**
   * Set only when a reverse proxy in front of the portal sets X-Forwarded-For (appending the address it
   * saw, or replacing the header) and clients cannot reach the portal's port directly. Then the client
   * address for per-address limits is the header's right-most entry (one trusted proxy hop). Off: the TCP
   * peer's address, never a header. See docs/decisions/0007-client-address.md.
   */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Tests only: a file holding milliseconds that the complaint clock adds to the real time (deadlines, escalation). */
  KB_CLOCK_FILE: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  /** How often the complaint scheduler runs (escalation, outbox, classifier upkeep); lowered by the browser tests. */
  KB_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(250).max(86_400_000).default(60_000),
  /** Search learns the words customers ask with ("asked as", docs/search.md): a use this many days old counts half. */
  SEARCH_ASKED_AS_HALF_LIFE_DAYS: z.coerce.number().min(1).max(3650).default(90),
  /** Most learned phrases one article keeps. */
  SEARCH_ASKED_AS_MAX_PHRASES: z.coerce.number().int().min(1).max(200).default(20),
  /** Distinct visitors (per day) a query needs before it teaches an article. */
  SEARCH_ASKED_AS_MIN_VISITORS: z.coerce.number().int().min(1).max(1000).default(3),
  /** How often the learned phrases are recomputed from the analytics and given to the search engine. */
  SEARCH_ASKED_AS_REFRESH_MS: z.coerce.number().int().min(250).max(86_400_000).default(3_600_000),
  /** The largest request body any route accepts, counted while reading (routes may accept less). */
  KB_MAX_BODY_BYTES: z.coerce.number().int().min(64 * 1024).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Delay before an outbox row's first retry (mail, webhook, classification); it doubles per failure up to an hour. */
  KB_OUTBOX_RETRY_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** Worker threads that parse edited and previewed articles; unset: two, or one on a one-core machine. */
  KB_PARSE_WORKERS: z.coerce.number().int().min(1).max(32).optional(),
  /** A parse running longer is stopped and its article gets a diagnostic. */
  KB_PARSE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(45_000),
  /** Parses waiting for a worker at most; beyond it the editor answers "busy, try again" at once. */
  KB_PARSE_QUEUE: z.coerce.number().int().min(1).max(10_000).default(64),
  /** Largest file a customer may attach to a complaint (photo, PDF receipt); see docs/complaints.md. */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(16 * 1024).max(512 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Most files one complaint may carry, over every channel. */
  ATTACHMENT_MAX_FILES: z.coerce.number().int().min(0).max(50).default(3),
  /** Below this classifier confidence (0–1) a new complaint waits in the service desk's triage queue instead of going to a team; docs/complaints.md says why 0.2. */
  TRIAGE_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.2),
  /** Bearer token that /metrics asks for; unset, /metrics answers 404. */
  KB_METRICS_TOKEN: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().min(16, 'must be at least 16 characters').optional())
    .optional(),
  /** Email as a complaint channel (docs/email.md). Set: the portal receives mail over SMTP on this port. */
  INBOUND_SMTP_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  /** Where the SMTP receiver listens; 0.0.0.0 to accept mail from a relay on another machine. */
  INBOUND_SMTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Set: the portal polls this mailbox, imaps://user:password@host:993/INBOX (imap:// without TLS). */
  IMAP_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().regex(/^imaps?:\/\/[^/]+/, 'must look like imaps://user:password@host:993/INBOX').optional())
    .optional(),
  IMAP_POLL_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /** The help address(es) customers write to, comma-separated; default: the address in MAIL_FROM. */
  HELP_ADDRESSES: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v.split(',').map((a) => a.trim()).filter(Boolean)))
    .pipe(z.array(z.string().email('each help address must be an email address')).optional())
    .optional(),
  /** The largest inbound mail, in bytes; bigger mail gets a permanent SMTP error (552). */
  INBOUND_MAIL_MAX_BYTES: z.coerce.number().int().min(64 * 1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Mails one sender may send per hour (SMTP: more are deferred with 451), and new complaints one sender may open by mail per hour. */
  INBOUND_MAIL_PER_SENDER_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
});

/** Room for a complaint form's text fields and multipart framing beside its files. */
export const attachmentFormAllowance = 1024 * 1024;

/** Checks across variables. A moved clock escalates complaints and sends mails early: never on a live portal. */
const checkedConfigSchema = configSchema.superRefine((c, ctx) => {
  const fullForm = c.ATTACHMENT_MAX_FILES * c.ATTACHMENT_MAX_BYTES + attachmentFormAllowance;
  if (c.KB_MAX_BODY_BYTES < fullForm) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['KB_MAX_BODY_BYTES'], message: `must be at least ATTACHMENT_MAX_FILES × ATTACHMENT_MAX_BYTES + 1 MiB (${fullForm}), so a complaint with every file allowed is not cut off` });
  }
  if (c.KB_CLOCK_FILE && c.NODE_ENV === 'production') {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['KB_CLOCK_FILE'], message: 'a test clock is refused when NODE_ENV is production (the default)' });
  }
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  dataDir: string;
  contentDir: string;
  siteUrl: string;
}

export class ConfigError extends Error {}

export function parseConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const result = checkedConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = result.data;
  return {
    ...raw,
    dataDir: path.resolve(cwd, raw.DATA_DIR),
    contentDir: path.resolve(cwd, raw.KB_CONTENT_DIR),
    siteUrl: (raw.SITE_URL ?? `http://${raw.HOST}:${raw.PORT}`).replace(/\/$/, ''),
  };
}

let cached: Config | undefined;

/** The process-wide configuration, read once from process.env. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
