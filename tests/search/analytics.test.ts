import { describe, expect, it } from 'vitest';
import { openDatabase } from '@core/db/database.ts';
import { SearchAnalytics, redactQuery, searchAnalyticsMigrations } from '@search/analytics.ts';

describe('search analytics', () => {
  it('records queries with locale and result count, and the result opened', () => {
    const db = openDatabase(':memory:', searchAnalyticsMigrations);
    const analytics = new SearchAnalytics(db);
    const id = analytics.recordQuery({ locale: 'es', query: '  Garantía  LAVADORA ', results: 3, scope: 'public', source: 'page' });
    expect(analytics.recordClick(id, 'es/cuanto-dura-mi-garantia', 1)).toBe(true);
    expect(analytics.recordClick(9999, 'es/x', 1)).toBe(false);
    expect(db.prepare('SELECT locale, query, normalized, results, scope, source FROM search_queries').get()).toEqual({
      locale: 'es',
      query: '  Garantía  LAVADORA ',
      normalized: 'garantía lavadora',
      results: 3,
      scope: 'public',
      source: 'page',
    });
    expect(db.prepare('SELECT query_id, article_id, position FROM search_clicks').all()).toEqual([{ query_id: id, article_id: 'es/cuanto-dura-mi-garantia', position: 1 }]);
  });

  it('keeps no e-mail addresses or phone numbers a customer typed', () => {
    expect(redactQuery('refund for jane.doe@example.com order +34 612 345 678')).toBe('refund for [email] order [number]');
    expect(redactQuery('AquaWash E21')).toBe('AquaWash E21');
  });

  it('has no column for an IP address or a user', () => {
    const db = openDatabase(':memory:', searchAnalyticsMigrations);
    const columns = ['search_queries', 'search_clicks'].flatMap((t) => (db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name));
    expect(columns.filter((c) => /ip|user|session|email/i.test(c))).toEqual([]);
  });
});
