import type { Db } from '@core/db/database.ts';
import { isLocale, type Locale } from '@core/i18n/locales.ts';
import { SearchLinks } from './links.ts';

export interface DemoComplaint {
  id: number;
  at: string;
  locale: Locale;
  category: string | null;
}

/** Demo history: about one web complaint in `every` was sent after a search (chosen by id, so the same history gives the same ones). */
export function complaintsAfterSearch(db: Db, every: number): DemoComplaint[] {
  const rows = db
    .prepare("SELECT id, created_at AS at, locale, category FROM complaints WHERE channel = 'web' AND id % ? = 0 AND id NOT IN (SELECT complaint_id FROM complaint_searches) ORDER BY id")
    .all(every) as Array<Omit<DemoComplaint, 'locale'> & { locale: string }>;
  return rows.filter((r): r is DemoComplaint => isLocale(r.locale));
}

/** Links each complaint to the search written before it; returns how many were linked. */
export function linkDemoSearches(db: Db, complaints: readonly DemoComplaint[], searchIds: ReadonlyArray<number | undefined>): number {
  const links = new SearchLinks(db);
  let linked = 0;
  db.transaction(() => {
    complaints.forEach((c, i) => {
      const queryId = searchIds[i];
      if (queryId === undefined) return;
      links.record(c.id, queryId);
      linked++;
    });
  })();
  return linked;
}
