import type { ErasureStep } from '@core/privacy/erasure.ts';
import { normalizeQuery, redactQuery } from './analytics.ts';

/**
 * Search analytics keep no visitor (no address, no cookie), so no query can be tied to the person whose
 * data is erased. What can be found is their identity typed as a query: queries holding one of their
 * names in full (emails and numbers were never stored, `redactQuery`) are cleaned; the rest stay.
 */
export const searchQueryTexts: ErasureStep = {
  place: 'search_queries',
  erase({ db, subject, scrub }) {
    const names = subject.names.map(normalizeQuery).filter((n) => n.length > 3);
    if (!names.length) return 0;
    const rows = db
      .prepare('SELECT id, query FROM search_queries WHERE EXISTS (SELECT 1 FROM json_each(?) n WHERE instr(search_queries.normalized, n.value) > 0)')
      .all(JSON.stringify(names)) as Array<{ id: number; query: string }>;
    const update = db.prepare('UPDATE search_queries SET query = ?, normalized = ? WHERE id = ?');
    let changed = 0;
    for (const row of rows) {
      const query = redactQuery(scrub(row.query));
      if (query !== row.query) changed += update.run(query, normalizeQuery(query), row.id).changes;
    }
    return changed;
  },
};
