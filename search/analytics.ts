import type { Db, Migration } from '@core/db/database.ts';
import { bestEffort } from '@core/health/best-effort.ts';
import { askedAsMigrations } from './asked-as/migrations.ts';
import { VisitorKeys } from './asked-as/visitor-key.ts';
import { countQuery } from './metrics.ts';

export const searchAnalyticsMigrations: Migration[] = [
  {
    id: 'search/001-queries-and-clicks',
    sql: `
      CREATE TABLE search_queries (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        locale TEXT NOT NULL,
        query TEXT NOT NULL,
        normalized TEXT NOT NULL,
        results INTEGER NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('public', 'staff')),
        source TEXT NOT NULL CHECK (source IN ('page', 'instant', 'api'))
      );
      CREATE INDEX search_queries_gap ON search_queries (locale, results, normalized);
      CREATE TABLE search_clicks (
        id INTEGER PRIMARY KEY,
        query_id INTEGER NOT NULL REFERENCES search_queries (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX search_clicks_query ON search_clicks (query_id);
    `,
  },
  ...askedAsMigrations,
];

/**
 * Customers sometimes type their e-mail, phone or order numbers into a search box. The analytics
 * keep what was asked, not who asked, so such tokens are masked before anything is stored.
 */
export function redactQuery(query: string): string {
  return query
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[email]')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, '[number]')
    .slice(0, 200);
}

export function normalizeQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface QueryRecord {
  locale: string;
  query: string;
  results: number;
  scope: 'public' | 'staff';
  source: 'page' | 'instant' | 'api';
}

/** What was searched and what was opened: the raw material of content-gap reports. No IPs, no users. */
export class SearchAnalytics {
  private readonly insertQuery;
  private readonly insertClick;
  private readonly queryExists;
  private readonly visitors: VisitorKeys;

  constructor(db: Db) {
    this.visitors = new VisitorKeys(db);
    this.insertQuery = db.prepare(
      'INSERT INTO search_queries (at, locale, query, normalized, results, scope, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertClick = db.prepare('INSERT INTO search_clicks (query_id, article_id, position, at, visitor) VALUES (?, ?, ?, ?, ?)');
    this.queryExists = db.prepare('SELECT 1 FROM search_queries WHERE id = ?').pluck();
  }

  /** Best effort: a full disk or read-only database never fails the search (the id is then 0, no click is recorded). */
  recordQuery(record: QueryRecord, now = new Date()): number {
    countQuery(record.scope, record.source, record.results);
    const query = redactQuery(record.query);
    return bestEffort('search analytics', () => Number(this.insertQuery.run(now.toISOString(), record.locale, query, normalizeQuery(query), record.results, record.scope, record.source).lastInsertRowid), 0);
  }

  /**
   * Returns false when the query id is unknown (a stale or forged link), recording nothing. The client
   * address is kept only as the day's visitor key, which "asked as" learning counts distinct visitors by.
   */
  recordClick(queryId: number, articleId: string, position: number, now = new Date(), clientAddress?: string): boolean {
    if (!this.queryExists.get(queryId)) return false;
    bestEffort('search analytics', () => this.insertClick.run(queryId, articleId, position, now.toISOString(), clientAddress === undefined ? null : this.visitors.key(clientAddress, now)), undefined);
    return true;
  }
}
