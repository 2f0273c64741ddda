import type { ErasureStep } from '@core/privacy/erasure.ts';

/**
 * Training examples made from the subject's complaints when staff corrected their category: the text is
 * kept for training with the personal data taken out (a duplicate that results replaces the other).
 */
export const classifierExamples: ErasureStep = {
  place: 'classifier_examples',
  erase({ db, subject, scrub }) {
    const needles = [...subject.complaints.flatMap((c) => [c.subject, c.description]), ...subject.names, ...subject.emails, ...subject.phones].filter((n) => n.trim().length > 3);
    const rows = db
      .prepare(`SELECT id, text FROM classifier_examples
        WHERE EXISTS (SELECT 1 FROM json_each(?) n WHERE instr(lower(classifier_examples.text), lower(n.value)) > 0)`)
      .all(JSON.stringify(needles)) as Array<{ id: number; text: string }>;
    const update = db.prepare('UPDATE OR REPLACE classifier_examples SET text = ? WHERE id = ?');
    let changed = 0;
    for (const row of rows) {
      const text = scrub(row.text);
      if (text !== row.text) changed += update.run(text, row.id).changes;
    }
    return changed;
  },
};

/**
 * The stored classifier models: a correction teaches the model the words of the complaint, names
 * included. Features made of the subject's name parts, address parts or phone digits are renamed to an
 * inert placeholder no text produces (their weights no longer fire); the live model is reloaded after the
 * erasure (`Privacy`'s `afterErasure`).
 */
export const classifierModels: ErasureStep = {
  place: 'classifier_models',
  erase({ db, subject }) {
    const pieces = new Set(
      [...subject.names, ...subject.emails.map((e) => e.split('@')[0] ?? ''), ...subject.phones]
        .flatMap((v) => v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u))
        .filter((p) => p.length >= 3),
    );
    if (!pieces.size) return 0;
    const personal = (feature: string) => feature.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).some((t) => pieces.has(t));
    const update = db.prepare('UPDATE classifier_models SET json = ? WHERE id = ?');
    let changed = 0;
    for (const row of db.prepare('SELECT id, json FROM classifier_models').all() as Array<{ id: number; json: string }>) {
      const model = JSON.parse(row.json) as { features?: unknown };
      if (!Array.isArray(model.features)) continue;
      let renamed = 0;
      model.features = model.features.map((f: unknown, j: number) => (typeof f === 'string' && personal(f) ? (renamed++, `[removed ${j}]`) : f));
      if (renamed) changed += update.run(JSON.stringify(model), row.id).changes;
    }
    return changed;
  },
};
