import type { Locale } from '@core/i18n/locales.ts';
import { normalizeQuery } from '@search/analytics.ts';
import type { Use } from '@search/asked-as/asked-as.ts';

export interface SplitQuery {
  qid: string;
  query: string;
  relevant: string[];
}

/** mulberry32: a small seeded generator, so a split is the same on every machine and Node version. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits a set's queries into "past use" and test, deterministically for a seed: queries are ordered by
 * qid (not file order) and shuffled with the seed; the first `share` of them are the past. Every query is in
 * exactly one part.
 */
export function learnSplit<Q extends SplitQuery>(queries: Q[], share: number, seed: number): { past: Q[]; test: Q[] } {
  const ordered = [...queries].sort((a, b) => (a.qid < b.qid ? -1 : a.qid > b.qid ? 1 : 0));
  const random = seeded(seed);
  for (let i = ordered.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!];
  }
  const cut = Math.round(ordered.length * share);
  return { past: ordered.slice(0, cut), test: ordered.slice(cut) };
}

/**
 * The past queries as the portal would have recorded them: each one searched by `visitors` different
 * visitors who then opened each of its relevant articles, today. So every past query passes the learner's
 * minimum of distinct visitors, and the test measures what learning adds, not the threshold.
 */
export function pastUses(past: Array<SplitQuery & { locale: Locale }>, visitors: number, now: Date): Use[] {
  const uses: Use[] = [];
  for (const q of past) {
    for (const articleId of q.relevant) {
      for (let v = 0; v < visitors; v++) uses.push({ articleId, locale: q.locale, query: normalizeQuery(q.query), visitor: `${q.qid}#${v}`, at: now, scope: 'public' });
    }
  }
  return uses;
}
