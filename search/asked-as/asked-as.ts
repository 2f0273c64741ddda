import type { Audience } from '@core/content/schema.ts';
import type { Locale } from '@core/i18n/locales.ts';

/** One way customers asked for an article, weighted 0-1 by how many distinct visitors asked it lately. */
export interface AskedAsPhrase {
  text: string;
  weight: number;
}

/** What an article was learned to answer; engines index the phrases as the "asked as" field. */
export interface AskedAs {
  id: string;
  locale: Locale;
  phrases: AskedAsPhrase[];
}

/** One reader opening an article from a search (or another way of asking that led to it). */
export interface Use {
  articleId: string;
  locale: Locale;
  /** The query as normalized by the analytics (masked, lower-cased). */
  query: string;
  /** A key that is the same for one visitor on one day and says nothing else about them. */
  visitor: string;
  at: Date;
  /** Who searched: staff searches teach only internal articles (below). */
  scope: 'public' | 'staff';
}

export interface LearnOptions {
  /** A use this many days old counts half as much as one today. */
  halfLifeDays: number;
  /** Most phrases one article keeps (the heaviest), so a flood of queries cannot bury its own words. */
  maxPhrases: number;
  /** Distinct visitors a query must come from before it teaches an article anything. */
  minVisitors: number;
}

const dayMs = 86_400_000;

/**
 * Turns uses into "asked as" phrases. A visitor counts once per query and article however often they
 * repeat it (at their latest use), and a query needs `minVisitors` of them: one visitor searching a word and
 * clicking an article a thousand times teaches nothing. A phrase's weight is v / (v + minVisitors), with v
 * the visitors' decayed count, so it approaches 1 and no single phrase dominates.
 *
 * Staff searches may reveal internal words (project names, defects): they only teach internal articles, which
 * the public never sees; a staff query never attaches itself to a public article. An article that is gone,
 * or a draft (`audienceOf` gives undefined), learns nothing.
 */
export function learnAskedAs(uses: Iterable<Use>, audienceOf: (id: string) => Audience | undefined, options: LearnOptions, now: Date): AskedAs[] {
  const groups = new Map<string, { articleId: string; locale: Locale; query: string; visitors: Map<string, number> }>();
  for (const use of uses) {
    const audience = audienceOf(use.articleId);
    if (!audience || (use.scope === 'staff' && audience !== 'internal')) continue;
    const query = use.query.trim();
    if (!query) continue;
    const key = `${use.articleId}\n${query}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { articleId: use.articleId, locale: use.locale, query, visitors: new Map() }));
    const at = use.at.getTime();
    if (at > (group.visitors.get(use.visitor) ?? -Infinity)) group.visitors.set(use.visitor, at);
  }
  const byArticle = new Map<string, AskedAs>();
  for (const group of groups.values()) {
    if (group.visitors.size < options.minVisitors) continue;
    let decayed = 0;
    for (const at of group.visitors.values()) decayed += 0.5 ** (Math.max(0, now.getTime() - at) / dayMs / options.halfLifeDays);
    const weight = decayed / (decayed + options.minVisitors);
    let entry = byArticle.get(group.articleId);
    if (!entry) byArticle.set(group.articleId, (entry = { id: group.articleId, locale: group.locale, phrases: [] }));
    entry.phrases.push({ text: group.query, weight });
  }
  for (const entry of byArticle.values()) {
    entry.phrases.sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    entry.phrases.length = Math.min(entry.phrases.length, options.maxPhrases);
  }
  return [...byArticle.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
