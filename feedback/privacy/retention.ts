import type { Db } from '@core/db/database.ts';
import { recordAudit } from '@core/staff/audit.ts';
import type { Clock } from '../clock.ts';
import type { Eraser } from './erase.ts';
import { complaintsSubject } from './subject.ts';

/** Complaints erased per scheduler round at most, so one round never holds the database for long. */
const batchSize = 200;

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  eraser: Eraser;
  /** CONTACT_RETENTION_DAYS. */
  retentionDays: number;
}

/**
 * The retention period: complaints closed longer ago than `retentionDays` go through the same erasure
 * steps as a customer's request, one customer at a time, each in its own transaction with its audit
 * entry (references and counts); a customer's record is cleared with their last complaint.
 */
export function purgeExpired(deps: RetentionDeps): { complaints: number; customers: number } {
  const { db, clock, eraser, retentionDays } = deps;
  const now = clock.now();
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const rows = db
    .prepare(`SELECT c.id, l.customer_id AS customerId FROM complaints c LEFT JOIN customer_complaints l ON l.complaint_id = c.id
      WHERE c.status = 'closed' AND c.erased_at IS NULL AND c.resolved_at IS NOT NULL AND c.resolved_at < ? ORDER BY c.id LIMIT ?`)
    .all(before, batchSize) as Array<{ id: number; customerId: number | null }>;
  if (!rows.length) return { complaints: 0, customers: 0 };
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const key = r.customerId === null ? `complaint ${r.id}` : `customer ${r.customerId}`;
    groups.set(key, [...(groups.get(key) ?? []), r.id]);
  }
  const at = now.toISOString();
  const files: string[] = [];
  let customers = 0;
  // One transaction per customer, each with its audit entry, so intake is never held up for a whole round.
  for (const ids of groups.values()) {
    const erased = db.transaction(() => {
      const subject = complaintsSubject(db, ids);
      const result = eraser.erase(subject, at);
      recordAudit(db, { actorId: null, action: 'privacy.retention', objectType: 'complaint', objectId: subject.complaints.map((c) => c.reference).join(' '),
        detail: { retentionDays, complaints: ids.length, customers: subject.customerIds.length, changed: result.counts } });
      return { files: result.files, customers: subject.customerIds.length };
    }).immediate();
    files.push(...erased.files);
    customers += erased.customers;
  }
  eraser.finish({ counts: {}, files });
  return { complaints: rows.length, customers };
}
