import type { Viewer } from '@core/content/article.ts';
import type { Category } from '@core/content/categories.ts';
import type { ProductId } from '@core/content/products.ts';
import type { Audience } from '@core/content/schema.ts';
import type { ContentStore } from '@core/content/store.ts';
import { defaultLocale, type Locale } from '@core/i18n/locales.ts';
import type { SearchEngine, SearchHit } from './port.ts';
import { audiencesFor } from './service.ts';

/** The language every article is written in first: what a locale with too few matches falls back to. */
export const fallbackLocale: Locale = defaultLocale;
/** Below this many results in the reader's language, the results page adds English articles. */
export const minLocalResults = 3;

interface EnglishOptions {
  audiences: Audience[];
  product?: ProductId;
  category?: Category;
  /** Stop asking further queries once this many distinct hits are in. */
  limit: number;
}

/**
 * English hits for several queries, in order: each query's hits after the previous ones', each article
 * once. Shared by the complaint form's suggestions and the results page's English fallback.
 */
export async function englishHits(engine: SearchEngine, queries: string[], options: EnglishOptions): Promise<SearchHit[]> {
  const seen = new Set<string>();
  const out: SearchHit[] = [];
  for (const q of queries) {
    if (out.length >= options.limit) break;
    if (!q.trim()) continue;
    const { hits } = await engine.search({ q, locale: fallbackLocale, audiences: options.audiences, product: options.product, category: options.category, page: 1, limit: 20 });
    for (const hit of hits) {
      if (seen.has(hit.id)) continue;
      seen.add(hit.id);
      out.push(hit);
    }
  }
  return out;
}

export interface ResultsFallbackParams {
  q: string;
  locale: Locale;
  category?: Category;
  product?: ProductId;
  /** The hits in the reader's language (the first page). */
  localHits: SearchHit[];
  limit: number;
}

/**
 * English articles to show after too few results in the reader's language, linked at the reader's
 * locale (where an untranslated article shows its English text: decision 0051). Found by the query itself
 * and, since Finnish or Chinese words rarely match English text, by the English titles of the local hits.
 * Articles already translated into the reader's language are left out: the reader has those in their
 * own language (or the query did not match them there).
 */
export async function englishFallback(engine: SearchEngine, content: ContentStore, viewer: Viewer, params: ResultsFallbackParams): Promise<SearchHit[]> {
  const { q, locale, localHits, limit } = params;
  if (locale === fallbackLocale || localHits.length >= minLocalResults) return [];
  const englishOf = (hit: SearchHit) => {
    const article = content.get(hit.locale, hit.slug, viewer);
    return article && content.translations(article, viewer).find((a) => a.locale === fallbackLocale);
  };
  const seeds = localHits.flatMap((hit) => englishOf(hit)?.meta.title ?? []);
  const candidates = await englishHits(engine, [q, ...seeds], { audiences: audiencesFor(viewer), product: params.product, category: params.category, limit: limit * 4 });
  const untranslated = candidates.filter((hit) => {
    const article = content.get(hit.locale, hit.slug, viewer);
    return article && !content.translations(article, viewer).some((a) => a.locale === locale);
  });
  return untranslated.slice(0, limit).map((hit) => ({ ...hit, url: hit.url.replace(`/${fallbackLocale}/`, `/${locale}/`) }));
}
