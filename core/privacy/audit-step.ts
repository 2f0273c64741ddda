import type { ErasureStep } from './erasure.ts';

/**
 * Audit details about the subject's complaints and customer records (found through the object index):
 * personal data in them is removed, the entries (who did what, when) stay.
 */
export const auditDetails: ErasureStep = {
  place: 'audit_log',
  erase({ db, subject, scrubJson }) {
    const rows = db
      .prepare(`SELECT id, detail FROM audit_log WHERE detail IS NOT NULL AND (
          (object_type = 'complaint' AND object_id IN (SELECT value FROM json_each(@references)))
          OR (object_type = 'customer' AND object_id IN (SELECT value FROM json_each(@customers))))`)
      .all({
        references: JSON.stringify(subject.complaints.map((c) => c.reference)),
        customers: JSON.stringify(subject.customerIds.map(String)),
      }) as Array<{ id: number; detail: string }>;
    const update = db.prepare('UPDATE audit_log SET detail = ? WHERE id = ?');
    let changed = 0;
    for (const row of rows) {
      const detail = scrubJson(row.detail);
      if (detail !== row.detail) changed += update.run(detail, row.id).changes;
    }
    return changed;
  },
};
