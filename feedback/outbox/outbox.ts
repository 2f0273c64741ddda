import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';
import type { Clock } from '../clock.ts';
import type { Mailer } from './mailer.ts';

/** A mail as the outbox keeps it. `label` names it in logs (never the address or the text). */
export interface MailPayload {
  to: string;
  /** Copies; staff addresses only. */
  cc?: string[];
  subject: string;
  text: string;
  label: string;
  /** Given when the mail is enqueued, so replies can be matched by In-Reply-To before it is even sent. */
  messageId?: string;
  /** Where a customer's reply should go (the help address with the complaint's reply token). */
  replyTo?: string;
  /** Written by the portal, not by a person (confirmations, links, alarms): sent with `Auto-Submitted: auto-generated`, so other systems' auto-replies stay quiet (RFC 3834). */
  automatic?: boolean;
}

/**
 * A JSON POST to the alert webhook (`ALERT_WEBHOOK_URL`), as the outbox keeps it. The URL itself is not
 * stored (it often carries a secret token): rows go to the URL configured when they are sent.
 * `label` names it in logs; `body` must carry no customer personal data.
 */
export interface WebhookPayload {
  label: string;
  body: Record<string, unknown>;
}

export interface WebhookOptions {
  /** Where webhook rows are POSTed; unset: webhook rows are kept, not sent. */
  url?: string;
  /** Milliseconds to wait for the answer; default 10 s. A stuck receiver must not stall the outbox. */
  timeoutMs?: number;
}

export type OutboxStatus = 'pending' | 'sent' | 'kept' | 'dead' | 'done';

export interface OutboxRow {
  id: number;
  kind: string;
  complaintId: number | null;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}

/** Work other than mail (for example a classification to retry); throwing means "try again later". */
export type OutboxHandler = (payload: unknown, row: OutboxRow) => void | Promise<void>;

export interface OutboxOptions {
  /** Tries before a message is given up as dead; default 10. */
  maxAttempts?: number;
  /** First retry delay; doubles on each failure up to maxDelayMs. Defaults 1 minute and 1 hour. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claimed row is left alone by other processes while it is being sent; default 5 minutes. */
  leaseMs?: number;
  log?: (line: string) => void;
  /** The alert webhook (kind `webhook`). */
  webhook?: WebhookOptions;
  /** The right-hand side of the Message-IDs the portal gives its mails (the sender's domain). */
  messageIdDomain?: string;
}

/** Gives a customer's mail its Reply-To; called inside the enqueueing transaction. */
export type ReplyAddressFor = (complaintId: number, to: string) => string | undefined;

/** Tracking and erasure confirmation links are secret: once a mail is out, its stored copy keeps the reference but not the token. */
export function redactSecrets(text: string): string {
  return text.replace(/\/track\/[A-Za-z0-9_-]+/g, '/track/[sent]').replace(/\/privacy\/erase\/[A-Za-z0-9_-]+/g, '/privacy/erase/[sent]');
}

function backoff(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * The transactional outbox: rows are written with the change that caused them (in the same SQLite
 * transaction), then sent by `process()`, which the scheduler calls every minute and intake nudges at
 * once. A failure is retried with exponential backoff; nothing is lost when mail or a handler is down.
 */
export class Outbox {
  private readonly handlers = new Map<string, OutboxHandler>();
  private readonly options: Required<Omit<OutboxOptions, 'webhook' | 'messageIdDomain'>>;
  private readonly messageIdDomain: string;
  private replyAddressFor: ReplyAddressFor | undefined;
  private readonly webhookOptions: WebhookOptions;
  private readonly s: { insert: Statement; byMessageId: Statement; due: Statement; dueWithoutMailer: Statement; claim: Statement; finish: Statement; retry: Statement; keep: Statement };
  private running: Promise<ProcessResult> | undefined;
  private kicked = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private mailer: Mailer,
    options: OutboxOptions = {},
  ) {
    this.options = {
      maxAttempts: options.maxAttempts ?? 10,
      baseDelayMs: options.baseDelayMs ?? 60_000,
      maxDelayMs: options.maxDelayMs ?? 3_600_000,
      leaseMs: options.leaseMs ?? 300_000,
      log: options.log ?? ((line) => console.info(line)),
    };
    this.webhookOptions = { ...options.webhook };
    this.messageIdDomain = options.messageIdDomain ?? 'kestrel-help.invalid';
    this.s = {
      insert: db.prepare('INSERT INTO outbox (kind, complaint_id, payload, status, next_attempt_at, created_at, message_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      byMessageId: db.prepare("SELECT complaint_id AS complaintId, payload FROM outbox WHERE kind = 'mail' AND message_id = ? AND complaint_id IS NOT NULL"),
      due: db.prepare("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"),
      // Without a mail transport, mails already tried wait (pending) for one to come back instead of being kept.
      dueWithoutMailer: db.prepare(`SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND NOT (kind = 'mail' AND attempts > 0)
        ORDER BY next_attempt_at, id LIMIT ?`),
      claim: db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?"),
      finish: db.prepare('UPDATE outbox SET status = ?, attempts = attempts + ?, done_at = ?, last_error = ?, payload = ? WHERE id = ?'),
      retry: db.prepare('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, status = ? WHERE id = ?'),
      keep: db.prepare("UPDATE outbox SET status = 'kept', done_at = ? WHERE id = ? AND status = 'pending'"),
    };
  }

  get mailerKind(): Mailer['kind'] {
    return this.mailer.kind;
  }

  /** For tests and reconfiguration. */
  setMailer(mailer: Mailer): void {
    this.mailer = mailer;
  }

  on(kind: string, handler: OutboxHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Inbound mail sets this, so customers' replies come back to the help address carrying the complaint's token. */
  setReplyAddress(replyAddressFor: ReplyAddressFor): void {
    this.replyAddressFor = replyAddressFor;
  }

  /** Adds a row; call inside the transaction of the change it belongs to. */
  enqueue(kind: string, payload: unknown, complaintId: number | null = null, notBefore?: Date, messageId: string | null = null): number {
    const now = this.clock.now().toISOString();
    const result = this.s.insert.run(kind, complaintId, JSON.stringify(payload), 'pending', (notBefore ?? this.clock.now()).toISOString(), now, messageId);
    return Number(result.lastInsertRowid);
  }

  mail(payload: MailPayload, complaintId: number | null = null): number {
    const messageId = `<${randomBytes(18).toString('base64url')}@${this.messageIdDomain}>`;
    const replyTo = complaintId === null ? undefined : this.replyAddressFor?.(complaintId, payload.to);
    return this.enqueue('mail', { ...payload, messageId, ...(replyTo ? { replyTo } : {}) }, complaintId, undefined, messageId);
  }

  /**
   * The complaint a mail the portal sent to that complaint's customer belongs to, by its Message-ID (as
   * given in In-Reply-To or References). Mails to staff (alarms) are not matched: a colleague answering
   * an alarm is not the customer.
   */
  complaintForMessageId(messageId: string, customerEmail: (complaintId: number) => string | null): number | undefined {
    for (const row of this.s.byMessageId.all(messageId) as Array<{ complaintId: number; payload: string }>) {
      const to = (JSON.parse(row.payload) as Partial<MailPayload>).to?.toLowerCase();
      if (to && to === customerEmail(row.complaintId)?.toLowerCase()) return row.complaintId;
    }
    return undefined;
  }

  /** Whether an alert webhook is configured (ALERT_WEBHOOK_URL). */
  get hasWebhook(): boolean {
    return !!this.webhookOptions.url;
  }

  /** Adds a webhook POST; call inside the transaction of the change it belongs to. */
  webhook(payload: WebhookPayload, complaintId: number | null = null): number {
    return this.enqueue('webhook', payload, complaintId);
  }

  /**
   * Processes due rows soon, once, however often it is called in the meantime. Without a mail transport
   * there is nothing urgent to do (mails are only kept), so the scheduler's round every minute does it.
   */
  kick(): void {
    if (this.kicked || (this.mailer.kind === 'none' && !this.hasWebhook)) return;
    this.kicked = true;
    setImmediate(() => {
      this.kicked = false;
      this.process().catch((error: unknown) => console.error('[outbox] processing failed:', error instanceof Error ? error.message : error));
    });
  }

  /** Sends what is due; concurrent calls share one run. */
  process(limit = 100): Promise<ProcessResult> {
    this.running ??= this.run(limit).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(limit: number): Promise<ProcessResult> {
    const result: ProcessResult = { sent: 0, kept: 0, done: 0, retried: 0, dead: 0 };
    const round = new RoundLog();
    const now = this.clock.now();
    const noMailer = this.mailer.kind === 'none';
    let rows = ((noMailer ? this.s.dueWithoutMailer : this.s.due).all(now.toISOString(), limit) as RawRow[]).map(toRow);
    if (noMailer) {
      // No SMTP_URL: every due mail never tried is kept, in one transaction, and logged by its label (never the person).
      const mails = rows.filter((r) => r.kind === 'mail');
      rows = rows.filter((r) => r.kind !== 'mail');
      if (mails.length) {
        const at = now.toISOString();
        this.db.transaction(() => {
          for (const m of mails) this.s.keep.run(at, m.id);
        })();
        result.kept += mails.length;
        for (const m of mails) round.add('kept in the outbox (SMTP_URL is not set)', `#${m.id} ${describe(m)}`);
      }
    }
    for (const row of rows) {
      // Claim it: another process polling the same database skips a row whose time moved.
      const lease = new Date(now.getTime() + this.options.leaseMs).toISOString();
      if (this.s.claim.run(lease, row.id, row.nextAttemptAt).changes === 0) continue;
      try {
        const outcome = await this.deliver(row);
        const at = this.clock.now().toISOString();
        if (outcome === 'sent') {
          const payload = row.kind === 'mail' ? { ...(row.payload as MailPayload), text: redactSecrets((row.payload as MailPayload).text) } : row.payload;
          this.s.finish.run('sent', 1, at, null, JSON.stringify(payload), row.id);
          result.sent++;
        } else if (outcome === 'kept') {
          this.s.finish.run('kept', 0, at, null, JSON.stringify(row.payload), row.id);
          result.kept++;
        } else {
          this.s.finish.run('done', 1, at, null, JSON.stringify(row.payload), row.id);
          result.done++;
        }
      } catch (error) {
        const attempts = row.attempts + 1;
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        if (attempts >= this.options.maxAttempts) {
          this.s.retry.run(attempts, row.nextAttemptAt, message, 'dead', row.id);
          round.add('given up', `#${row.id} ${describe(row)} gave up after ${attempts} attempts: ${message}`);
          result.dead++;
        } else {
          const next = new Date(this.clock.now().getTime() + backoff(attempts, this.options.baseDelayMs, this.options.maxDelayMs));
          this.s.retry.run(attempts, next.toISOString(), message, 'pending', row.id);
          round.add('failed, to be retried', `#${row.id} ${describe(row)} failed (attempt ${attempts}), next try ${next.toISOString()}: ${message}`);
          result.retried++;
        }
      }
    }
    const line = round.line();
    if (line) this.options.log(line);
    return result;
  }

  private async deliver(row: OutboxRow): Promise<'sent' | 'kept' | 'done'> {
    if (row.kind === 'mail') {
      if (this.mailer.kind === 'none') return 'kept';
      const p = row.payload as MailPayload;
      await this.mailer.send({ to: p.to, ...(p.cc?.length ? { cc: p.cc } : {}), subject: p.subject, text: p.text, messageId: p.messageId, replyTo: p.replyTo, ...(p.automatic ? { automatic: true } : {}) });
      return 'sent';
    }
    if (row.kind === 'webhook') {
      if (!this.webhookOptions.url) return 'kept';
      await postWebhook(this.webhookOptions.url, (row.payload as WebhookPayload).body, this.webhookOptions.timeoutMs ?? 10_000);
      return 'sent';
    }
    const handler = this.handlers.get(row.kind);
    if (!handler) throw new Error(`no handler for outbox rows of kind ${row.kind}`);
    await handler(row.payload, row);
    return 'done';
  }

  get(id: number): OutboxRow | undefined {
    const raw = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as RawRow | undefined;
    return raw && toRow(raw);
  }

  list(filter: { complaintId?: number; status?: OutboxStatus; kind?: string } = {}): OutboxRow[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.complaintId !== undefined) {
      where.push('complaint_id = ?');
      args.push(filter.complaintId);
    }
    if (filter.status) {
      where.push('status = ?');
      args.push(filter.status);
    }
    if (filter.kind) {
      where.push('kind = ?');
      args.push(filter.kind);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return (this.db.prepare(`SELECT * FROM outbox ${clause} ORDER BY id`).all(...args) as RawRow[]).map(toRow);
  }

  counts(): Record<OutboxStatus, number> {
    const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, kept: 0, dead: 0, done: 0 };
    for (const r of this.db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as Array<{ status: OutboxStatus; n: number }>) out[r.status] = r.n;
    return out;
  }
}

/**
 * One log line per round, however many rows it touched: during an outage a round can fail a thousand
 * mails, and a line each would bury everything else. Each outcome shows its count and its first rows.
 */
class RoundLog {
  private static readonly shown = 3;
  private readonly outcomes = new Map<string, string[]>();

  add(outcome: string, row: string): void {
    const rows = this.outcomes.get(outcome) ?? [];
    rows.push(row);
    this.outcomes.set(outcome, rows);
  }

  line(): string | undefined {
    if (!this.outcomes.size) return undefined;
    const parts = [...this.outcomes].map(([outcome, rows]) => {
      const more = rows.length > RoundLog.shown ? `; and ${rows.length - RoundLog.shown} more` : '';
      return `${rows.length} ${outcome}: ${rows.slice(0, RoundLog.shown).join('; ')}${more}`;
    });
    return `[outbox] ${parts.join(' | ')}`;
  }
}

export interface ProcessResult {
  sent: number;
  kept: number;
  done: number;
  retried: number;
  dead: number;
}

interface RawRow {
  id: number;
  kind: string;
  complaint_id: number | null;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

function toRow(r: RawRow): OutboxRow {
  return {
    id: r.id,
    kind: r.kind,
    complaintId: r.complaint_id,
    payload: JSON.parse(r.payload) as unknown,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    doneAt: r.done_at,
  };
}

/**
 * POSTs JSON with a timeout; anything but a 2xx answer (redirects included) throws, so the outbox retries.
 * Errors name the status or the network failure, never the URL (it may carry a secret).
 */
async function postWebhook(url: string, body: unknown, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'kestrel-help-center-outbox' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new Error(`webhook: no answer within ${timeoutMs} ms`);
    throw new Error(`webhook: ${e.cause?.code ?? e.name} (request failed)`);
  }
  // Read the answer to the end so the connection can be reused; its content does not matter.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status > 299) throw new Error(`webhook: answered ${response.status}`);
}

function describe(row: OutboxRow): string {
  if (row.kind === 'mail') return `mail (${(row.payload as Partial<MailPayload>).label ?? 'message'})`;
  if (row.kind === 'webhook') return `webhook (${(row.payload as Partial<WebhookPayload>).label ?? 'alert'})`;
  return row.kind;
}
