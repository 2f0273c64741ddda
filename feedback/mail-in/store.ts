import { createHash, randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';

export type MailStatus = 'received' | 'complaint' | 'reply' | 'ignored' | 'failed';

export interface InboundMail {
  id: number;
  receivedAt: string;
  source: 'smtp' | 'imap';
  sourceKey: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  size: number;
  status: MailStatus;
  reason: string | null;
  complaintId: number | null;
  messageId: string | null;
  fromAddress: string | null;
  subject: string | null;
  processedAt: string | null;
}

export interface NewInboundMail {
  source: 'smtp' | 'imap';
  sourceKey: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  raw: Buffer;
  at: string;
}

interface Row {
  id: number;
  received_at: string;
  source: 'smtp' | 'imap';
  source_key: string;
  envelope_from: string | null;
  envelope_to: string | null;
  size: number;
  status: MailStatus;
  reason: string | null;
  complaint_id: number | null;
  message_id: string | null;
  from_address: string | null;
  subject: string | null;
  processed_at: string | null;
}

const columns = 'id, received_at, source, source_key, envelope_from, envelope_to, size, status, reason, complaint_id, message_id, from_address, subject, processed_at';

function toMail(r: Row): InboundMail {
  return {
    id: r.id,
    receivedAt: r.received_at,
    source: r.source,
    sourceKey: r.source_key,
    envelopeFrom: r.envelope_from,
    envelopeTo: r.envelope_to ? (JSON.parse(r.envelope_to) as string[]) : [],
    size: r.size,
    status: r.status,
    reason: r.reason,
    complaintId: r.complaint_id,
    messageId: r.message_id,
    fromAddress: r.from_address,
    subject: r.subject,
    processedAt: r.processed_at,
  };
}

export function hashReplyToken(token: string): string {
  return createHash('sha256').update(`mail-reply:${token}`).digest('hex');
}

/** The SQL of inbound mail and reply tokens. */
export class MailStore {
  private readonly s: Record<'insert' | 'byKey' | 'get' | 'raw' | 'pending' | 'backlog' | 'finish' | 'unhandled' | 'addToken' | 'byToken', Statement>;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO inbound_mail (received_at, source, source_key, envelope_from, envelope_to, size, raw) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (source_key) DO NOTHING RETURNING id`).pluck(),
      byKey: db.prepare('SELECT id FROM inbound_mail WHERE source_key = ?').pluck(),
      get: db.prepare(`SELECT ${columns} FROM inbound_mail WHERE id = ?`),
      raw: db.prepare('SELECT raw FROM inbound_mail WHERE id = ?').pluck(),
      pending: db.prepare("SELECT id FROM inbound_mail WHERE status = 'received' ORDER BY id").pluck(),
      backlog: db.prepare("SELECT COUNT(*) FROM inbound_mail WHERE status = 'received'").pluck(),
      finish: db.prepare('UPDATE inbound_mail SET status = ?, reason = ?, complaint_id = ?, message_id = ?, from_address = ?, subject = ?, processed_at = ? WHERE id = ?'),
      unhandled: db.prepare(`SELECT ${columns} FROM inbound_mail WHERE status IN ('ignored', 'failed') ORDER BY id DESC LIMIT ?`),
      addToken: db.prepare('INSERT INTO mail_reply_tokens (token_hash, complaint_id, created_at) VALUES (?, ?, ?)'),
      byToken: db.prepare('SELECT complaint_id FROM mail_reply_tokens WHERE token_hash = ?').pluck(),
    };
  }

  /** Stores the raw message; a message already stored under its key keeps its first id. */
  insert(mail: NewInboundMail): number {
    const id = this.s.insert.get(mail.at, mail.source, mail.sourceKey, mail.envelopeFrom, JSON.stringify(mail.envelopeTo), mail.raw.byteLength, mail.raw) as number | undefined;
    return id ?? (this.s.byKey.get(mail.sourceKey) as number);
  }

  get(id: number): InboundMail | undefined {
    const row = this.s.get.get(id) as Row | undefined;
    return row && toMail(row);
  }

  raw(id: number): Buffer | undefined {
    return this.s.raw.get(id) as Buffer | undefined;
  }

  pending(): number[] {
    return this.s.pending.all() as number[];
  }

  backlog(): number {
    return this.s.backlog.get() as number;
  }

  finish(id: number, outcome: { status: Exclude<MailStatus, 'received'>; reason?: string | null; complaintId?: number | null; messageId?: string | null; fromAddress?: string | null; subject?: string | null; at: string }): void {
    this.s.finish.run(outcome.status, outcome.reason ?? null, outcome.complaintId ?? null, outcome.messageId ?? null, outcome.fromAddress ?? null, outcome.subject ?? null, outcome.at, id);
  }

  /** Mails stored but not turned into a complaint or a reply: unanswered loop signs, refusals, parse failures. */
  unhandled(limit = 200): InboundMail[] {
    return (this.s.unhandled.all(limit) as Row[]).map(toMail);
  }

  /** A new reply token for mails to the complaint's customer; only its hash is kept. */
  issueReplyToken(complaintId: number, at: string): string {
    const token = randomBytes(16).toString('hex');
    this.s.addToken.run(hashReplyToken(token), complaintId, at);
    return token;
  }

  complaintForReplyToken(token: string): number | undefined {
    return this.s.byToken.get(hashReplyToken(token)) as number | undefined;
  }
}
