import { z } from 'zod';
import type { Db, Migration } from '../db/database.ts';

/**
 * Who did what, when, to which object. The actor is kept as an id plus a label copied at the time, so
 * the log stays readable (and needs no foreign key) whatever later happens to the account.
 */
export const auditMigrations: Migration[] = [
  {
    id: 'admin/010-audit-log',
    sql: `
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor_label TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        object_type TEXT NOT NULL,
        object_id TEXT NOT NULL DEFAULT '',
        detail TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at DESC);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC);
      CREATE INDEX audit_log_object ON audit_log (object_type, object_id, at DESC);
    `,
  },
];

export interface AuditEntry {
  /** The staff user who acted; null for the system (CLI, start-up, a change found on disk). */
  actorId: number | null;
  /** Dotted verb, for example `article.publish`, `user.role`, `complaint.assign`. */
  action: string;
  objectType: string;
  objectId?: string | number | null;
  /** Small JSON-able facts (old and new role, revision id). Never passwords, hashes or tokens. */
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: number | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string;
  detail: Record<string, unknown> | null;
}

const secretKeys = /pass|hash|token|secret|cookie/i;

function cleanDetail(detail: Record<string, unknown> | undefined): string | null {
  if (!detail) return null;
  const safe = Object.fromEntries(Object.entries(detail).filter(([k]) => !secretKeys.test(k)));
  return Object.keys(safe).length ? JSON.stringify(safe) : null;
}

function actorLabel(db: Db, actorId: number | null): string {
  if (actorId === null) return 'system';
  try {
    const row = db.prepare('SELECT email FROM users WHERE id = ?').get(actorId) as { email: string } | undefined;
    return row?.email ?? `user ${actorId}`;
  } catch {
    // Rooms may use the audit log in tests without the users table.
    return `user ${actorId}`;
  }
}

export function recordAudit(db: Db, entry: AuditEntry): number {
  const result = db
    .prepare('INSERT INTO audit_log (at, actor_id, actor_label, action, object_type, object_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(
      new Date().toISOString(),
      entry.actorId,
      actorLabel(db, entry.actorId),
      entry.action,
      entry.objectType,
      entry.objectId === undefined || entry.objectId === null ? '' : String(entry.objectId),
      cleanDetail(entry.detail),
    );
  return Number(result.lastInsertRowid);
}

export interface AuditQuery {
  /** A user id, or null for entries made by the system. */
  actorId?: number | null;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

interface RawAuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  object_type: string;
  object_id: string;
  detail: string | null;
}

export function queryAudit(db: Db, q: AuditQuery): { rows: AuditRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.actorId === null) where.push('actor_id IS NULL');
  else if (q.actorId !== undefined) {
    where.push('actor_id = ?');
    args.push(q.actorId);
  }
  if (q.action) {
    // `article` matches article.save, article.publish, ...
    where.push('(action = ? OR action LIKE ? ESCAPE \'\\\')');
    args.push(q.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
  }
  if (q.objectType) {
    where.push('object_type = ?');
    args.push(q.objectType);
  }
  if (q.objectId) {
    where.push('object_id = ?');
    args.push(q.objectId);
  }
  if (q.from) {
    where.push('at >= ?');
    args.push(`${q.from}T00:00:00.000Z`);
  }
  if (q.to) {
    where.push('at <= ?');
    args.push(`${q.to}T23:59:59.999Z`);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const pageSize = q.pageSize ?? 50;
  const page = Math.max(1, q.page ?? 1);
  const total = (db.prepare(`SELECT COUNT(*) FROM audit_log ${clause}`).pluck().get(...args) as number) ?? 0;
  const raw = db
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
    .all(...args, pageSize, (page - 1) * pageSize) as RawAuditRow[];
  return {
    total,
    rows: raw.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    })),
  };
}

export function auditFacets(db: Db): { actions: string[]; objectTypes: string[] } {
  return {
    actions: db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[],
    objectTypes: db.prepare('SELECT DISTINCT object_type FROM audit_log ORDER BY object_type').pluck().all() as string[],
  };
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** The audit page's filters, each with its label and what it accepts. */
export const auditFilterFields = {
  actor: { label: 'Who', schema: z.string().regex(/^(\d{1,9}|system)$/, 'must be a user from the list') },
  action: { label: 'Action', schema: z.string().max(80, 'must be at most 80 characters').regex(/^[a-z0-9.:_-]+$/, 'must be an action from the list') },
  objectType: { label: 'Object type', schema: z.string().max(40, 'must be at most 40 characters').regex(/^[a-z0-9_-]+$/, 'must be a type from the list') },
  objectId: { label: 'Object', schema: z.string().max(300, 'must be at most 300 characters') },
  from: { label: 'From', schema: date },
  to: { label: 'To', schema: date },
} as const;

/**
 * One page of the audit log for the filters in a query string. A filter that is not valid is reported
 * (and kept, to show what was typed) but not applied; a page past the end shows the last one.
 */
export function auditPage(db: Db, params: URLSearchParams, pageSize = 50) {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [name, { schema }] of Object.entries(auditFilterFields)) {
    const raw = params.get(name)?.trim();
    if (!raw) continue;
    values[name] = raw;
    const checked = schema.safeParse(raw);
    if (!checked.success) errors[name] = checked.error.issues[0]?.message ?? 'is not valid';
  }
  const ok = (name: string) => (values[name] && !errors[name] ? values[name] : undefined);
  const actor = ok('actor');
  const query: AuditQuery = {
    actorId: actor === 'system' ? null : actor ? Number(actor) : undefined,
    action: ok('action'),
    objectType: ok('objectType'),
    objectId: ok('objectId'),
    from: ok('from'),
    to: ok('to'),
    pageSize,
  };
  const requested = /^\d{1,9}$/.test(params.get('page') ?? '') ? Math.max(1, Number(params.get('page'))) : 1;
  let result = queryAudit(db, { ...query, page: requested });
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const page = Math.min(requested, pages);
  if (page !== requested) result = queryAudit(db, { ...query, page });
  return { values, errors, rows: result.rows, total: result.total, page, pages, facets: auditFacets(db) };
}
