import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';

/**
 * A search and a complaint belong to one visit when the complaint form was opened from that search's
 * results and sent within this time of the search (decision 0090).
 */
export const visitWindowMinutes = 60;

export interface SearchFollowup {
  locale: string;
  /** The query as customers typed it most often (already redacted when stored). */
  query: string;
  normalized: string;
  /** The complaint's category now (after staff corrections); null while unclassified. */
  category: string | null;
  complaints: number;
}

export interface SearchFollowupQuery {
  /** ISO times of the search, [from, to). */
  fromIso: string;
  toIso: string;
  locale?: string;
  limit?: number;
}

/**
 * Public searches followed in the same visit by a complaint, grouped by query and the complaint's
 * category: what customers looked for before giving up on the articles. Counts only, no complaint shown.
 */
export class SearchFollowups {
  private s: { groups: Statement; total: Statement } | undefined;

  constructor(private readonly db: Db) {}

  /** Prepared at first use: the search room's `search_queries` lives in the same database only when the portal opens both rooms' tables. */
  private statements(): { groups: Statement; total: Statement } {
    const base = `FROM complaint_searches l
      JOIN search_queries q ON q.id = l.query_id
      JOIN complaints c ON c.id = l.complaint_id
      WHERE q.scope = 'public' AND q.at >= @fromIso AND q.at < @toIso AND (@locale IS NULL OR q.locale = @locale)
        AND c.created_at >= q.at AND julianday(c.created_at) - julianday(q.at) <= ${visitWindowMinutes} / 1440.0`;
    this.s ??= {
      groups: this.db.prepare(`SELECT q.locale, q.normalized, c.category, COUNT(*) AS complaints,
          (SELECT q2.query FROM search_queries q2 WHERE q2.locale = q.locale AND q2.normalized = q.normalized GROUP BY q2.query ORDER BY COUNT(*) DESC, q2.query LIMIT 1) AS query
        ${base} GROUP BY q.locale, q.normalized, c.category ORDER BY complaints DESC, q.normalized, c.category LIMIT @limit`),
      total: this.db.prepare(`SELECT COUNT(*) ${base}`).pluck(),
    };
    return this.s;
  }

  report(q: SearchFollowupQuery): { rows: SearchFollowup[]; total: number } {
    const s = this.statements();
    const params = { fromIso: q.fromIso, toIso: q.toIso, locale: q.locale ?? null, limit: q.limit ?? 20 };
    return { rows: s.groups.all(params) as SearchFollowup[], total: s.total.get(params) as number };
  }
}
