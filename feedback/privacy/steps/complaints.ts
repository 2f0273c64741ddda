import type { ErasureStep } from '@core/privacy/erasure.ts';

const ids = (complaints: ReadonlyArray<{ id: number }>) => JSON.stringify(complaints.map((c) => c.id));

/**
 * The complaint rows: contact fields and the order number cleared, subject, description and the
 * classifier's evidence cleaned; category, product, channel, status, team and every date stay, so the
 * statistics do not move.
 */
export const complaintFields: ErasureStep = {
  place: 'complaints',
  erase({ db, subject, at, scrub, scrubJson }) {
    const classification = db.prepare('SELECT classification FROM complaints WHERE id = ?').pluck();
    const update = db.prepare(`UPDATE complaints SET name = NULL, email = NULL, phone = NULL, order_number = NULL, payload_hash = NULL,
      subject = @subject, description = @description, classification = @classification, erased_at = @at WHERE id = @id`);
    let changed = 0;
    for (const c of subject.complaints) {
      const stored = classification.get(c.id) as string | null | undefined;
      changed += update.run({ id: c.id, at, subject: scrub(c.subject), description: scrub(c.description), classification: stored ? scrubJson(stored) : null }).changes;
    }
    return changed;
  },
};

/** The tracking links: an erased complaint can no longer be opened by anyone holding an old link. */
export const trackingLinks: ErasureStep = {
  place: 'complaint_tracking_tokens',
  erase: ({ db, subject }) => db.prepare('DELETE FROM complaint_tracking_tokens WHERE complaint_id IN (SELECT value FROM json_each(?))').run(ids(subject.complaints)).changes,
};

/** Customer messages, staff replies and internal notes, and the facts stored with each event. */
export const conversation: ErasureStep = {
  place: 'complaint_events',
  erase({ db, subject, scrub, scrubJson }) {
    const rows = db
      .prepare('SELECT id, body, data FROM complaint_events WHERE complaint_id IN (SELECT value FROM json_each(?)) AND (body IS NOT NULL OR data IS NOT NULL)')
      .all(ids(subject.complaints)) as Array<{ id: number; body: string | null; data: string | null }>;
    const update = db.prepare('UPDATE complaint_events SET body = ?, data = ? WHERE id = ?');
    let changed = 0;
    for (const row of rows) {
      const body = row.body === null ? null : scrub(row.body);
      const data = row.data === null ? null : scrubJson(row.data);
      if (body !== row.body || data !== row.data) changed += update.run(body, data, row.id).changes;
    }
    return changed;
  },
};

/** Satisfaction comments; the 1–5 rating, its team and category stay for the statistics. */
export const ratingComments: ErasureStep = {
  place: 'complaint_ratings',
  erase({ db, subject, scrub }) {
    const rows = db
      .prepare('SELECT complaint_id AS id, comment FROM complaint_ratings WHERE comment IS NOT NULL AND complaint_id IN (SELECT value FROM json_each(?))')
      .all(ids(subject.complaints)) as Array<{ id: number; comment: string }>;
    const update = db.prepare('UPDATE complaint_ratings SET comment = ? WHERE complaint_id = ?');
    return rows.reduce((n, row) => n + update.run(scrub(row.comment), row.id).changes, 0);
  },
};
