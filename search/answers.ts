import type { AnswerCandidate, AnswerFinder, AnswerQuery } from '@core/answers/port.ts';
import { articleUrl, type Article } from '@core/content/article.ts';
import { templateCategory } from '@core/content/categories.ts';
import type { ContentStore } from '@core/content/store.ts';
import { defaultLocale, isLocale, type Locale } from '@core/i18n/locales.ts';
import type { SearchEngine } from './port.ts';

const staff = { kind: 'staff' } as const;
/** How many search hits are reranked; the answer sits in the first few for nearly every complaint. */
const pool = 30;
/** The words of a long complaint that go into the query: enough for its gist, bounded in cost. */
const maxQueryChars = 400;

function queryText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxQueryChars) return flat;
  const cut = flat.slice(0, maxQueryChars);
  const space = cut.lastIndexOf(' ');
  return space > maxQueryChars / 2 ? cut.slice(0, space) : cut;
}

function candidate(article: Article, fallback: boolean): AnswerCandidate | undefined {
  const answer = paste(article);
  if (!answer) return undefined;
  return { kind: answer.kind, id: article.id, translationKey: article.meta.translationKey, title: article.meta.title, locale: article.locale, text: answer.text, url: articleUrl(article), fallback };
}

function paste(article: Article): { kind: AnswerCandidate['kind']; text: string } | undefined {
  if (article.meta.category === templateCategory) return article.meta.reply ? { kind: 'template', text: article.meta.reply } : undefined;
  // Internal guides are for staff, not for pasting to customers: only templates and public articles answer.
  if (article.meta.audience !== 'public') return undefined;
  const text = article.meta.answer ?? article.meta.summary;
  return text ? { kind: 'article', text } : undefined;
}

/**
 * Search relevance, then what the complaint says about itself: a template written for its category and
 * product is what a good agent reaches for first; one written for another product is almost never right.
 */
function fit(article: Article, q: AnswerQuery, kind: AnswerCandidate['kind']): number {
  const { meta } = article;
  let bonus = 1;
  if (q.product && meta.product) bonus *= meta.product === q.product ? 1.5 : 0.35;
  if (kind === 'template' && q.category && meta.complaintCategories.length) bonus *= meta.complaintCategories.includes(q.category) ? 1.6 : 0.6;
  if (kind === 'template') bonus *= 1.15;
  return bonus;
}

/** Suggested answers for a complaint, over the search engine (staff audience) and the content store. */
export function createAnswerFinder(engine: SearchEngine, content: ContentStore): AnswerFinder {
  async function inLocale(q: AnswerQuery, locale: Locale, fallback: boolean): Promise<AnswerCandidate[]> {
    const found = await engine.search({ q: queryText(q.text), locale, audiences: ['public', 'internal'], page: 1, limit: pool });
    const top = found.hits[0]?.score || 1;
    const ranked: Array<{ score: number; candidate: AnswerCandidate }> = [];
    for (const hit of found.hits) {
      const article = content.get(hit.locale, hit.slug, staff);
      const found = article && candidate(article, fallback);
      if (article && found) ranked.push({ score: (hit.score / top) * fit(article, q, found.kind), candidate: found });
    }
    return ranked.sort((a, b) => b.score - a.score).map((r) => r.candidate);
  }

  /** English templates written for the complaint's category (and product, when both say one): no words needed. */
  function byCategory(q: AnswerQuery): AnswerCandidate[] {
    if (!q.category) return [];
    return content
      .list({ locale: defaultLocale, category: templateCategory, viewer: staff })
      .filter((a) => a.meta.complaintCategories.includes(q.category!) && (!q.product || !a.meta.product || a.meta.product === q.product))
      .sort((a, b) => Number(!!b.meta.product) - Number(!!a.meta.product) || a.meta.title.localeCompare(b.meta.title))
      .flatMap((a) => candidate(a, true) ?? []);
  }

  return {
    async find(q) {
      const own = await inLocale(q, q.locale, false);
      if (own.length >= q.limit || q.locale === defaultLocale) return own.slice(0, q.limit);
      // Thin locales: fill up from English, marked, leaving out what the locale already has in translation.
      const have = new Set(own.map((c) => c.translationKey));
      const english: AnswerCandidate[] = [];
      for (const c of [...(await inLocale(q, defaultLocale, true)), ...byCategory(q)]) {
        if (have.has(c.translationKey)) continue;
        have.add(c.translationKey);
        english.push(c);
      }
      return [...own, ...english].slice(0, q.limit);
    },
    get(id) {
      const [locale, slug] = id.split('/');
      const article = isLocale(locale) && slug ? content.get(locale, slug, staff) : undefined;
      return article && candidate(article, false);
    },
  };
}
