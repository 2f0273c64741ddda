import type { ErasureStep } from '@core/privacy/erasure.ts';

/**
 * The outbox, which is also the log of sent mail: every mail to the subject's addresses is deleted (sent
 * or not: an erased customer gets no more mail); other rows about their complaints (staff alarms,
 * webhooks) keep going with the personal data taken out.
 */
export const outboxMail: ErasureStep = {
  place: 'outbox',
  erase({ db, subject, scrubJson }) {
    const emails = new Set(subject.emails.map((e) => e.toLowerCase()));
    const rows = db
      .prepare(`SELECT id, kind, payload FROM outbox WHERE complaint_id IN (SELECT value FROM json_each(@complaints))
        OR (complaint_id IS NULL AND EXISTS (SELECT 1 FROM json_each(@emails) e WHERE instr(lower(outbox.payload), lower(e.value)) > 0))`)
      .all({ complaints: JSON.stringify(subject.complaints.map((c) => c.id)), emails: JSON.stringify([...emails]) }) as Array<{ id: number; kind: string; payload: string }>;
    const remove = db.prepare('DELETE FROM outbox WHERE id = ?');
    const update = db.prepare('UPDATE outbox SET payload = ? WHERE id = ?');
    let changed = 0;
    for (const row of rows) {
      const to = row.kind === 'mail' ? (JSON.parse(row.payload) as { to?: unknown }).to : undefined;
      if (typeof to === 'string' && emails.has(to.trim().toLowerCase())) {
        changed += remove.run(row.id).changes;
        continue;
      }
      const payload = scrubJson(row.payload);
      if (payload !== row.payload) changed += update.run(payload, row.id).changes;
    }
    return changed;
  },
};
