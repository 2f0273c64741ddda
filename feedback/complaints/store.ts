import type { Statement } from 'better-sqlite3';
import { maskText } from './masking.ts';
import type { Db } from '@core/db/database.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { ComplaintCategory } from '@core/content/complaint-categories.ts';
import type { Actor, Channel, Classification, Complaint, ComplaintEvent, EventKind, Severity, Status } from './model.ts';
import { hashToken, newTrackingToken } from './tokens.ts';

export interface Row {
  id: number;
  reference: string;
  created_at: string;
  updated_at: string;
  locale: string;
  channel: string;
  status: string;
  product: string | null;
  subject: string;
  description: string;
  order_number: string | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  category: string | null;
  severity: string;
  classification: string | null;
  team_id: string | null;
  assignee_id: number | null;
  response_due_at: string | null;
  resolution_due_at: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  escalated_at: string | null;
  recorded_by: number | null;
}

export function toComplaint(r: Row): Complaint {
  return {
    id: r.id,
    reference: r.reference,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    locale: r.locale as Locale,
    channel: r.channel as Channel,
    status: r.status as Status,
    product: r.product,
    subject: r.subject,
    description: r.description,
    orderNumber: r.order_number,
    email: r.email,
    name: r.name,
    phone: r.phone,
    category: r.category as ComplaintCategory | null,
    severity: r.severity as Severity,
    classification: r.classification ? (JSON.parse(r.classification) as Classification) : null,
    teamId: r.team_id,
    assigneeId: r.assignee_id,
    responseDueAt: r.response_due_at,
    resolutionDueAt: r.resolution_due_at,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    escalatedAt: r.escalated_at,
    recordedBy: r.recorded_by,
  };
}

/** What intake writes: the complaint as it starts out, plus consent and the idempotency hashes. */
export type NewComplaint = Omit<Complaint, 'id' | 'updatedAt' | 'assigneeId' | 'firstResponseAt' | 'resolvedAt' | 'escalatedAt'> & {
  consentAt: string | null;
  idempotencyHash: string | null;
  payloadHash: string | null;
};

export interface NewEvent {
  complaintId: number;
  at: string;
  kind: EventKind;
  actor: Actor;
  actorId?: number | null;
  public?: boolean;
  body?: string | null;
  data?: Record<string, unknown> | null;
}

/** Columns a caller may change after intake. */
const updatable = {
  status: 'status',
  category: 'category',
  severity: 'severity',
  classification: 'classification',
  teamId: 'team_id',
  assigneeId: 'assignee_id',
  responseDueAt: 'response_due_at',
  resolutionDueAt: 'resolution_due_at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  escalatedAt: 'escalated_at',
  product: 'product',
} as const;
export type ComplaintPatch = Partial<{ -readonly [K in keyof typeof updatable]: Complaint[K] }>;

export interface ListQuery {
  status?: Status | 'open';
  teamId?: string;
  /** Limits the list to these teams (a product team's scope); undefined = every team. */
  teamScope?: readonly string[];
  category?: string;
  product?: string;
  channel?: Channel;
  assigneeId?: number;
  overdue?: boolean;
  /** Only complaints waiting in the triage queue (no team yet). */
  triage?: boolean;
  /** A reference, or words of the subject. */
  q?: string;
  /** Match `q` against the subject as maskText() shows it, not the stored one. */
  masked?: boolean;
  page?: number;
  pageSize?: number;
}

export interface ListResult {
  rows: Complaint[];
  total: number;
}

const maskedTextFunction = 'kb_masked_text';

/** The complaint tables behind small functions with prepared statements: the only SQL of the room. */
export class ComplaintStore {
  private readonly s: {
    insert: Statement;
    get: Statement;
    getInScope: Statement;
    byReference: Statement;
    byIdempotency: Statement;
    addToken: Statement;
    byToken: Statement;
    addEvent: Statement;
    events: Statement;
    publicEvents: Statement;
    overdue: Statement;
  };

  constructor(private readonly db: Db) {
    // The masked inbox search runs in SQL over the text exactly as a masked reader sees it.
    db.function(maskedTextFunction, { deterministic: true }, (text: unknown, name: unknown) => maskText(String(text ?? ''), [typeof name === 'string' ? name : null]));
    this.s = {
      insert: db.prepare(`INSERT INTO complaints (reference, created_at, updated_at, locale, channel, status, product, subject, description,
        order_number, email, name, phone, consent_at, category, severity, classification, team_id, response_due_at, resolution_due_at,
        recorded_by, idempotency_hash, payload_hash)
        VALUES (@reference, @createdAt, @createdAt, @locale, @channel, @status, @product, @subject, @description, @orderNumber, @email, @name,
        @phone, @consentAt, @category, @severity, @classification, @teamId, @responseDueAt, @resolutionDueAt, @recordedBy, @idempotencyHash, @payloadHash)`),
      get: db.prepare('SELECT * FROM complaints WHERE id = ?'),
      getInScope: db.prepare(`SELECT * FROM complaints WHERE (id = @id OR reference = @reference)
        AND (@everyTeam = 1 OR team_id IN (SELECT value FROM json_each(@teams)))`),
      byReference: db.prepare('SELECT * FROM complaints WHERE reference = ?'),
      byIdempotency: db.prepare('SELECT id, payload_hash AS payloadHash FROM complaints WHERE idempotency_hash = ?'),
      addToken: db.prepare('INSERT INTO complaint_tracking_tokens (token_hash, complaint_id, created_at) VALUES (?, ?, ?)'),
      byToken: db.prepare('SELECT c.* FROM complaint_tracking_tokens t JOIN complaints c ON c.id = t.complaint_id WHERE t.token_hash = ?'),
      addEvent: db.prepare('INSERT INTO complaint_events (complaint_id, at, kind, actor, actor_id, public, body, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      events: db.prepare('SELECT * FROM complaint_events WHERE complaint_id = ? ORDER BY id'),
      publicEvents: db.prepare('SELECT * FROM complaint_events WHERE complaint_id = ? AND public = 1 ORDER BY id'),
      overdue: db.prepare(`SELECT * FROM complaints WHERE escalated_at IS NULL AND status IN ('new', 'triaged', 'in-progress', 'waiting-for-customer')
        AND ((response_due_at IS NOT NULL AND response_due_at <= @now) OR (resolution_due_at IS NOT NULL AND resolution_due_at <= @now)) ORDER BY id`),
    };
  }

  /** Inserts a complaint; run inside the intake transaction. */
  insert(c: NewComplaint): number {
    const result = this.s.insert.run({ ...c, classification: c.classification ? JSON.stringify(c.classification) : null });
    return Number(result.lastInsertRowid);
  }

  get(id: number): Complaint | undefined {
    const row = this.s.get.get(id) as Row | undefined;
    return row && toComplaint(row);
  }

  /** A complaint by number or reference, only when it is with one of `teamScope`'s teams (undefined: any team). */
  getInScope(key: number | string, teamScope: readonly string[] | undefined): Complaint | undefined {
    const row = this.s.getInScope.get({
      id: typeof key === 'number' ? key : null,
      reference: typeof key === 'string' ? key : null,
      everyTeam: teamScope ? 0 : 1,
      teams: JSON.stringify(teamScope ?? []),
    }) as Row | undefined;
    return row && toComplaint(row);
  }

  getByReference(reference: string): Complaint | undefined {
    const row = this.s.byReference.get(reference) as Row | undefined;
    return row && toComplaint(row);
  }

  findByIdempotency(hash: string): { id: number; payloadHash: string | null } | undefined {
    return this.s.byIdempotency.get(hash) as { id: number; payloadHash: string | null } | undefined;
  }

  /** A new tracking token for the complaint; only its hash is stored. */
  issueToken(complaintId: number, at: string): string {
    const token = newTrackingToken();
    this.saveToken(complaintId, token, at);
    return token;
  }

  saveToken(complaintId: number, token: string, at: string): void {
    this.s.addToken.run(hashToken(token), complaintId, at);
  }

  findByToken(token: string): Complaint | undefined {
    const row = this.s.byToken.get(hashToken(token)) as Row | undefined;
    return row && toComplaint(row);
  }

  addEvent(e: NewEvent): number {
    const result = this.s.addEvent.run(e.complaintId, e.at, e.kind, e.actor, e.actorId ?? null, e.public ? 1 : 0, e.body ?? null, e.data ? JSON.stringify(e.data) : null);
    return Number(result.lastInsertRowid);
  }

  events(complaintId: number, options: { publicOnly?: boolean } = {}): ComplaintEvent[] {
    const rows = (options.publicOnly ? this.s.publicEvents : this.s.events).all(complaintId) as Array<{
      id: number;
      complaint_id: number;
      at: string;
      kind: string;
      actor: string;
      actor_id: number | null;
      public: number;
      body: string | null;
      data: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      complaintId: r.complaint_id,
      at: r.at,
      kind: r.kind as EventKind,
      actor: r.actor as Actor,
      actorId: r.actor_id,
      public: r.public === 1,
      body: r.body,
      data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
    }));
  }

  update(id: number, patch: ComplaintPatch, at: string): void {
    const sets: string[] = ['updated_at = ?'];
    const args: unknown[] = [at];
    for (const [key, value] of Object.entries(patch)) {
      const column = updatable[key as keyof typeof updatable];
      if (!column) continue;
      sets.push(`${column} = ?`);
      args.push(key === 'classification' && value ? JSON.stringify(value) : value);
    }
    this.db.prepare(`UPDATE complaints SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
  }

  /** Open complaints past a deadline and not yet escalated. */
  overdue(now: string): Complaint[] {
    return (this.s.overdue.all({ now }) as Row[]).map(toComplaint);
  }

  /**
   * The inbox: escalated first, then the soonest deadline, then the newest. `overdue` means an open
   * complaint past its response or resolution deadline (escalated or about to be).
   */
  list(q: ListQuery, now: string): ListResult {
    const where: string[] = [];
    const args: Record<string, unknown> = { now };
    if (q.status === 'open') where.push("status IN ('new', 'triaged', 'in-progress', 'waiting-for-customer')");
    else if (q.status) {
      where.push('status = @status');
      args.status = q.status;
    }
    if (q.triage) where.push('team_id IS NULL');
    if (q.teamId) {
      where.push('team_id = @teamId');
      args.teamId = q.teamId;
    }
    if (q.teamScope) {
      const names = q.teamScope.map((t, i) => {
        args[`scope${i}`] = t;
        return `@scope${i}`;
      });
      where.push(names.length ? `team_id IN (${names.join(', ')})` : '0');
    }
    if (q.category) {
      where.push(q.category === 'unclassified' ? 'category IS NULL' : 'category = @category');
      args.category = q.category;
    }
    if (q.product) {
      where.push(q.product === 'other' ? 'product IS NULL' : 'product = @product');
      args.product = q.product;
    }
    if (q.channel) {
      where.push('channel = @channel');
      args.channel = q.channel;
    }
    if (q.assigneeId !== undefined) {
      where.push('assignee_id = @assigneeId');
      args.assigneeId = q.assigneeId;
    }
    if (q.overdue) {
      where.push(`status IN ('new', 'triaged', 'in-progress', 'waiting-for-customer') AND (escalated_at IS NOT NULL
        OR (response_due_at IS NOT NULL AND response_due_at <= @now) OR (resolution_due_at IS NOT NULL AND resolution_due_at <= @now))`);
    }
    if (q.q) {
      where.push(`(reference = @qExact OR ${q.masked ? `${maskedTextFunction}(subject, name)` : 'subject'} LIKE @qLike ESCAPE '\\')`);
      args.qExact = q.q.trim().toUpperCase();
      args.qLike = `%${q.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const pageSize = q.pageSize ?? 25;
    const page = Math.max(1, q.page ?? 1);
    const total = this.db.prepare(`SELECT COUNT(*) FROM complaints ${clause}`).pluck().get(args) as number;
    const rows = this.db
      .prepare(
        `SELECT * FROM complaints ${clause}
         ORDER BY (escalated_at IS NOT NULL AND status IN ('new', 'triaged', 'in-progress', 'waiting-for-customer')) DESC,
           (status IN ('new', 'triaged', 'in-progress', 'waiting-for-customer')) DESC,
           COALESCE(response_due_at, resolution_due_at, '9999') ASC, id DESC
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...args, limit: pageSize, offset: (page - 1) * pageSize }) as Row[];
    return { rows: rows.map(toComplaint), total };
  }

  /** Counts for the inbox header. */
  counts(now: string, teamScope?: readonly string[]): { open: number; overdue: number; escalated: number; unassigned: number } {
    const args: Record<string, unknown> = { now };
    let scope = '';
    if (teamScope) {
      scope = teamScope.length ? `AND team_id IN (${teamScope.map((t, i) => ((args[`s${i}`] = t), `@s${i}`)).join(', ')})` : 'AND 0';
    }
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS open,
          SUM(CASE WHEN (response_due_at IS NOT NULL AND response_due_at <= @now) OR (resolution_due_at IS NOT NULL AND resolution_due_at <= @now) OR escalated_at IS NOT NULL THEN 1 ELSE 0 END) AS overdue,
          SUM(CASE WHEN escalated_at IS NOT NULL THEN 1 ELSE 0 END) AS escalated,
          SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END) AS unassigned
         FROM complaints WHERE status IN ('new', 'triaged', 'in-progress', 'waiting-for-customer') ${scope}`,
      )
      .get(args) as { open: number; overdue: number | null; escalated: number | null; unassigned: number | null };
    return { open: row.open, overdue: row.overdue ?? 0, escalated: row.escalated ?? 0, unassigned: row.unassigned ?? 0 };
  }

  /**
   * Removes the customer's contact details (email, name, phone) from complaints closed before `before`;
   * the complaint, its category and timeline stay for statistics. Returns how many were cleared.
   */
  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get() as number;
  }

  /** Open complaints of a team with nobody assigned and past a deadline, the longest overdue first (the lead's daily digest). */
  overdueUnassigned(teamId: string, now: string): Complaint[] {
    return (
      this.db
        .prepare(`SELECT * FROM complaints WHERE team_id = @teamId AND assignee_id IS NULL AND status IN ('new', 'triaged', 'in-progress', 'waiting-for-customer')
          AND ((response_due_at IS NOT NULL AND response_due_at <= @now) OR (resolution_due_at IS NOT NULL AND resolution_due_at <= @now))
          ORDER BY MIN(COALESCE(response_due_at, '9999'), COALESCE(resolution_due_at, '9999')), id`)
        .all({ teamId, now }) as Row[]
    ).map(toComplaint);
  }

  /** The last day (YYYY-MM-DD) a team's overdue digest was written, if ever. */
  lastDigestDay(teamId: string): string | undefined {
    return this.db.prepare('SELECT value FROM feedback_settings WHERE key = ?').pluck().get(`overdue-digest:${teamId}`) as string | undefined;
  }

  /** Claims a team's digest for a day; false when that day (or a later one) was already claimed. Run in the digest's transaction. */
  claimDigestDay(teamId: string, day: string): boolean {
    return (
      this.db
        .prepare(`INSERT INTO feedback_settings (key, value) VALUES (?, ?)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE feedback_settings.value < excluded.value`)
        .run(`overdue-digest:${teamId}`, day).changes === 1
    );
  }
}
