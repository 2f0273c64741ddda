import { describe, expect, it } from 'vitest';
import { openDatabase } from '@core/db/database.ts';
import { SearchAnalytics, searchAnalyticsMigrations } from '@search/analytics.ts';
import { writeSearchHistory } from '@search/demo-history.ts';
import { SearchInsights, parseSearchPeriod } from '@search/insights.ts';

describe('search insights', () => {
  it('groups public searches into top, no-result and no-click queries, as SQL counts them', () => {
    const db = openDatabase(':memory:', searchAnalyticsMigrations);
    const now = new Date('2026-03-02T09:00:00.000Z');
    writeSearchHistory(db, { weeks: 4, seed: 1, now });
    const analytics = new SearchAnalytics(db);
    analytics.recordQuery({ locale: 'en', query: 'staff only', results: 0, scope: 'staff', source: 'page' }, new Date('2026-03-01T10:00:00Z'));
    const period = parseSearchPeriod(new URLSearchParams({ from: '2026-02-01', to: '2026-03-02' }), now);
    if (!period.ok) throw new Error('bad period');
    const r = new SearchInsights(db).report(period.query);
    const one = (sql: string) => db.prepare(sql).pluck().get(period.query.fromIso, period.query.toIso) as number;
    const base = "FROM search_queries q WHERE q.scope = 'public' AND q.at >= ? AND q.at < ?";
    expect(r.totals.searches).toBe(one(`SELECT COUNT(*) ${base}`));
    expect(r.totals.zeroResults).toBe(one(`SELECT COUNT(*) ${base} AND q.results = 0`));
    expect(r.totals.noClick).toBe(one(`SELECT COUNT(*) ${base} AND q.results > 0 AND NOT EXISTS (SELECT 1 FROM search_clicks c WHERE c.query_id = q.id)`));
    expect(r.zeroResults.map((g) => g.query)).toContain('door seal replacement');
    expect(r.zeroResults.every((g) => g.zeroResults > 0)).toBe(true);
    expect(r.zeroResults.map((g) => g.query)).not.toContain('staff only');
    expect(r.noClick[0]!.withoutClick).toBeGreaterThanOrEqual(r.noClick.at(-1)!.withoutClick);
    expect(r.top[0]!.searches).toBe(Math.max(...r.top.map((g) => g.searches)));
    const english = new SearchInsights(db).report({ ...period.query, locale: 'en' });
    expect(english.top.every((g) => g.locale === 'en')).toBe(true);
  });

  it('refuses a period that ends before it starts, naming the field', () => {
    expect(parseSearchPeriod(new URLSearchParams({ from: '2026-03-02', to: '2026-03-01' }), new Date())).toEqual({ ok: false, errors: { to: 'The period ends before it starts.' } });
    expect(parseSearchPeriod(new URLSearchParams({ from: '2026-02-30' }), new Date())).toMatchObject({ ok: false, errors: { from: 'Use a day like 2026-03-31.' } });
  });
});
