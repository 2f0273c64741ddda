import { products, type ProductId } from '@core/content/products.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { englishHits, fallbackLocale } from './fallback.ts';
import type { SearchEngine, SearchHit } from './port.ts';

export interface SuggestParams {
  q: string;
  locale: Locale;
  /** The product the customer chose; articles about another product are never suggested. */
  product?: ProductId;
  limit: number;
}

export interface Suggestion {
  id: string;
  title: string;
  locale: Locale;
  /** An English article offered because the customer's language has too few about this. */
  fallback: boolean;
}

const candidates = 20;
/** Below this many articles in the customer's language about the chosen product (or at all, without one), English ones are added. */
export const minLocalMatches = 2;

const about = (hit: SearchHit, product: ProductId | undefined) => !product || !hit.product || hit.product === product;

/**
 * Articles to offer on the complaint form: those about the chosen product first, then general ones, never
 * those about another product (an AquaWash leak must not bring up the BrewMaster milk system). When the
 * customer's language has too few, English articles about the product come next, marked, found by the
 * customer's words and, since those are often not English, by the product's name.
 * Always public articles only.
 */
export async function suggestArticles(engine: SearchEngine, params: SuggestParams): Promise<Suggestion[]> {
  const { q, locale, product, limit } = params;
  const search = (query: string, inLocale: Locale, onlyProduct?: ProductId) =>
    engine.search({ q: query, locale: inLocale, product: onlyProduct, audiences: ['public'], page: 1, limit: candidates }).then((r) => r.hits);

  const local = (await search(q, locale)).filter((h) => about(h, product));
  const specific = local.filter((h) => product && h.product === product);
  const general = local.filter((h) => !product || !h.product);
  const enough = product ? specific.length >= minLocalMatches : general.length >= minLocalMatches;
  let english: SearchHit[] = [];
  if (!enough && locale !== fallbackLocale) {
    english = (await englishHits(engine, product ? [q, products[product]] : [q], { audiences: ['public'], product, limit })).filter((h) => about(h, product));
  }
  const seen = new Set<string>();
  const picked: Suggestion[] = [];
  // With a product chosen, English articles about it are more use than general ones in the customer's language.
  const order = product ? ([[specific, false], [english, true], [general, false]] as const) : ([[general, false], [english, true]] as const);
  for (const [hits, fallback] of order) {
    for (const h of hits) {
      if (seen.has(h.id) || picked.length >= limit) continue;
      seen.add(h.id);
      picked.push({ id: h.id, title: h.title, locale: h.locale, fallback });
    }
  }
  return picked;
}
