import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from '@core/db/database.ts';
import { locales } from '@core/i18n/locales.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a day like 2026-03-31.').refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Use a day like 2026-03-31.');
const blank = (v: unknown) => (v === '' ? undefined : v);
const periodSchema = z
  .object({ from: z.preprocess(blank, day.optional()), to: z.preprocess(blank, day.optional()), locale: z.preprocess(blank, z.enum(locales).optional()) })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'The period ends before it starts.' });

/** The page's period and language: the last 30 days by default; days are UTC, both ends included. */
export function parseSearchPeriod(params: URLSearchParams, now: Date): { ok: true; from: string; to: string; locale?: string; query: SearchInsightsQuery } | { ok: false; errors: Record<string, string> } {
  const parsed = periodSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'form', i.message])) };
  const to = parsed.data.to ?? now.toISOString().slice(0, 10);
  const from = parsed.data.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const toIso = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  return { ok: true, from, to, locale: parsed.data.locale, query: { fromIso: `${from}T00:00:00.000Z`, toIso, locale: parsed.data.locale } };
}

export interface QueryGroup {
  locale: string;
  /** The query as customers typed it most often (already redacted when stored). */
  query: string;
  normalized: string;
  searches: number;
  /** Searches of this query with at least one result that led to no opened article. */
  withoutClick: number;
  /** Searches of this query that found nothing. */
  zeroResults: number;
}

export interface SearchInsightsQuery {
  /** ISO times, [from, to). */
  fromIso: string;
  toIso: string;
  locale?: string;
  limit?: number;
}

export interface SearchInsightsReport {
  top: QueryGroup[];
  zeroResults: QueryGroup[];
  noClick: QueryGroup[];
  totals: { searches: number; zeroResults: number; noClick: number };
}

/**
 * Content gaps from the search log: what customers search for most, what finds nothing, and what finds
 * articles nobody opens. Public searches only (staff searches say little about customers' needs).
 */
export class SearchInsights {
  private readonly s: Record<'top' | 'zero' | 'noClick' | 'totals', Statement>;

  constructor(db: Db) {
    const base = `FROM search_queries q WHERE q.scope = 'public' AND q.at >= @fromIso AND q.at < @toIso AND (@locale IS NULL OR q.locale = @locale)`;
    const clicked = 'EXISTS (SELECT 1 FROM search_clicks c WHERE c.query_id = q.id)';
    const grouped = (having: string, order: string) =>
      db.prepare(`SELECT q.locale, q.normalized, COUNT(*) AS searches, SUM(q.results = 0) AS zeroResults, SUM(q.results > 0 AND NOT ${clicked}) AS withoutClick,
          (SELECT q2.query FROM search_queries q2 WHERE q2.locale = q.locale AND q2.normalized = q.normalized GROUP BY q2.query ORDER BY COUNT(*) DESC, q2.query LIMIT 1) AS query
        ${base} GROUP BY q.locale, q.normalized ${having} ORDER BY ${order}, q.normalized LIMIT @limit`);
    this.s = {
      top: grouped('', 'searches DESC'),
      zero: grouped('HAVING zeroResults > 0', 'zeroResults DESC'),
      noClick: grouped('HAVING withoutClick > 0', 'withoutClick DESC'),
      totals: db.prepare(`SELECT COUNT(*) AS searches, COALESCE(SUM(q.results = 0), 0) AS zeroResults, COALESCE(SUM(q.results > 0 AND NOT ${clicked}), 0) AS noClick ${base}`),
    };
  }

  report(q: SearchInsightsQuery): SearchInsightsReport {
    const params = { fromIso: q.fromIso, toIso: q.toIso, locale: q.locale ?? null, limit: q.limit ?? 20 };
    return {
      top: this.s.top.all(params) as QueryGroup[],
      zeroResults: this.s.zero.all(params) as QueryGroup[],
      noClick: this.s.noClick.all(params) as QueryGroup[],
      totals: this.s.totals.get(params) as SearchInsightsReport['totals'],
    };
  }
}
