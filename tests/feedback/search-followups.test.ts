import { describe, expect, it } from 'vitest';
import { adminMigrations } from '@admin/admin.ts';
import { openDatabase } from '@core/db/database.ts';
import { writeArticleVotes } from '@feedback/articles/demo-history.ts';
import { ManualClock } from '@feedback/clock.ts';
import { publicComplaintSchema } from '@feedback/complaints/validation.ts';
import { createFeedback, feedbackMigrations } from '@feedback/feedback.ts';
import { writeComplaintHistory } from '@feedback/insights/demo-history.ts';
import { complaintsAfterSearch, linkDemoSearches } from '@feedback/search-followups/demo-history.ts';
import { SearchAnalytics, searchAnalyticsMigrations } from '@search/analytics.ts';
import { writeSearchesBefore, writeSearchHistory } from '@search/demo-history.ts';
import { parseSearchPeriod } from '@search/insights.ts';
import { complaintInput, RecordingMailer } from './helpers.ts';

function portal(start: string) {
  const db = openDatabase(':memory:', [...adminMigrations, ...searchAnalyticsMigrations, ...feedbackMigrations]);
  const clock = new ManualClock(start);
  const feedback = createFeedback({ db, clock, mailer: new RecordingMailer(), siteUrl: 'https://help.example', log: () => undefined });
  return { db, clock, feedback, analytics: new SearchAnalytics(db) };
}


/** What the report should say, straight from the tables: public searches, complaint within 60 minutes after. */
const directSql = `SELECT q.locale, q.normalized, c.category, COUNT(*) AS complaints
  FROM complaint_searches l JOIN search_queries q ON q.id = l.query_id JOIN complaints c ON c.id = l.complaint_id
  WHERE q.scope = 'public' AND q.at >= ? AND q.at < ? AND c.created_at >= q.at AND (julianday(c.created_at) - julianday(q.at)) * 1440 <= 60
  GROUP BY q.locale, q.normalized, c.category ORDER BY complaints DESC, q.normalized, c.category`;

describe('searches followed by a complaint in the same visit', () => {
  it('links the search id the form carried, and counts it only for a public search at most an hour before', () => {
    const p = portal('2026-03-02T09:00:00.000Z');
    const at = (iso: string) => new Date(iso);
    const search = (query: string, scope: 'public' | 'staff', when: string) => p.analytics.recordQuery({ locale: 'en', query, results: 0, scope, source: 'page' }, at(when));
    const leak = search('Washer leaking', 'public', '2026-03-02T08:30:00.000Z');
    const stale = search('door seal', 'public', '2026-03-02T07:00:00.000Z');
    const staff = search('leak procedure', 'staff', '2026-03-02T08:50:00.000Z');
    for (const searchId of [leak, leak, stale, staff]) {
      const parsed = publicComplaintSchema.parse({ ...complaintInput(), searchId: String(searchId) });
      expect(p.feedback.complaints.submit(parsed, { channel: 'web' }).ok).toBe(true);
    }
    expect(p.feedback.complaints.submit(complaintInput(), { channel: 'web' }).ok).toBe(true);
    expect(p.db.prepare('SELECT COUNT(*) FROM complaint_searches').pluck().get()).toBe(4);

    const period = parseSearchPeriod(new URLSearchParams({ from: '2026-03-01', to: '2026-03-02' }), p.clock.now());
    if (!period.ok) throw new Error('bad period');
    const report = p.feedback.searchFollowups.report(period.query);
    const category = p.db.prepare('SELECT category FROM complaints ORDER BY id LIMIT 1').pluck().get() as string | null;
    expect(report).toEqual({ total: 2, rows: [{ locale: 'en', normalized: 'washer leaking', query: 'Washer leaking', category, complaints: 2 }] });
    expect(report.rows.map(({ query, ...r }) => r)).toEqual(p.db.prepare(directSql).all(period.query.fromIso, period.query.toIso));
  });

  it('refuses a search id that is not a positive whole number, naming the field', () => {
    for (const searchId of ['0', '-3', '1.5', 'abc']) {
      const parsed = publicComplaintSchema.safeParse({ ...complaintInput(), searchId });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['searchId']);
    }
  });

  it('the demo history has searches ending in complaints, per locale and category, equal to direct SQL', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');
    const p = portal(now.toISOString());
    writeComplaintHistory(p.db, p.feedback.routing, { weeks: 12, seed: 1, now });
    writeSearchHistory(p.db, { weeks: 12, seed: 1, now });
    const searched = complaintsAfterSearch(p.db, 8);
    const linked = linkDemoSearches(p.db, searched, writeSearchesBefore(p.db, searched, 1));
    expect(linked).toBeGreaterThan(100);
    const period = parseSearchPeriod(new URLSearchParams({ from: '2025-12-01', to: '2026-03-02' }), now);
    if (!period.ok) throw new Error('bad period');
    const report = p.feedback.searchFollowups.report({ ...period.query, limit: 1000 });
    expect(report.total).toBe(linked);
    expect(report.rows.map(({ query, ...r }) => r)).toEqual(p.db.prepare(directSql).all(period.query.fromIso, period.query.toIso));
    expect(new Set(report.rows.map((r) => r.locale))).toEqual(new Set(['en', 'es', 'zh-Hant', 'el', 'fi']));
    const greek = p.feedback.searchFollowups.report({ ...period.query, locale: 'el', limit: 1000 });
    expect(greek.rows.length).toBeGreaterThan(0);
    expect(greek.rows.every((r) => r.locale === 'el')).toBe(true);
  });

  it('the demo history has votes with reasons and comments, so the editors ranking shows articles', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');
    const p = portal(now.toISOString());
    const articles = ['en/faq-cancel-order', 'en/faq-aquawash-error-codes', 'es/faq-cancel-order', 'fi/faq-cancel-order'].map((id) => ({ id, locale: id.split('/')[0]! }));
    const votes = writeArticleVotes(p.db, articles, { weeks: 12, seed: 1, now });
    expect(votes.votes).toBe(p.db.prepare('SELECT COUNT(*) FROM article_votes').pluck().get());
    expect(votes.comments).toBe(p.db.prepare('SELECT COUNT(*) FROM article_votes WHERE comment IS NOT NULL').pluck().get());
    expect(votes.comments).toBeGreaterThan(0);
    const ranking = p.feedback.articleFeedback.ranking(90);
    expect(ranking.articles.map((a) => a.articleId).sort()).toEqual(articles.map((a) => a.id).sort());
    const noVotes = p.db.prepare("SELECT COUNT(*) FROM article_votes WHERE helpful = 0 AND at >= ?").pluck().get(new Date(now.getTime() - 90 * 86_400_000).toISOString());
    expect(ranking.articles.reduce((sum, a) => sum + a.no, 0)).toBe(noVotes);
    for (const a of ranking.articles) expect(Object.values(a.reasons).reduce((sum, n) => sum + n, 0)).toBe(a.no);
    expect(ranking.articles.some((a) => a.comments.length > 0)).toBe(true);
  });
});
