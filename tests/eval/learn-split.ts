import type { Locale } from '@core/i18n/locales.ts';
import { normalizeQuery } from '@search/analytics.ts';
import type { Use } from '@search/asked-as/asked-as.ts';
import { SeededRandom } from '@core/demo/random.ts';

export interface SplitQuery {
  qid: string;
  query: string;
  relevant: string[];
}

/**
 * Splits a set's queries into "past use" and test, deterministically for a seed: queries are ordered by
 * qid (not file order) and shuffled with the seed; the first `share` of them are the past. Every query is in
 * exactly one part.
 */
export function learnSplit<Q extends SplitQuery>(queries: Q[], share: number, seed: number): { past: Q[]; test: Q[] } {
  const ordered = [...queries].sort((a, b) => (a.qid < b.qid ? -1 : a.qid > b.qid ? 1 : 0));
  const rng = new SeededRandom(seed);
  const random = () => rng.next();
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
