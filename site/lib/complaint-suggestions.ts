import { productIds, type ProductId } from '@core/content/products.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { maxSuggestions } from '@feedback/suggestions/query.ts';
import type { SearchEngine } from '@search/port.ts';
import { suggestArticles } from '@search/suggest.ts';
import type { SuggestionHit } from '@site/components/complaints/ComplaintSuggestions.tsx';
import { suggestionLink } from '@site/components/complaints/suggestion-link.ts';

/** The form's product value when it names one of our products ("other" and "not chosen" weigh nothing). */
export function chosenProduct(value: string | undefined): ProductId | undefined {
  return (productIds as readonly string[]).includes(value ?? '') ? (value as ProductId) : undefined;
}

/** Suggestions as the form shows them, for the island's API and the no-JavaScript path alike. */
export async function complaintSuggestions(engine: SearchEngine, q: string, locale: Locale, product: string | undefined, session: string | undefined): Promise<SuggestionHit[]> {
  const found = await suggestArticles(engine, { q, locale, product: chosenProduct(product), limit: maxSuggestions });
  return found.map((s) => ({ id: s.id, title: s.title, href: suggestionLink(s.id, session), ...(s.locale !== locale ? { lang: s.locale } : {}) }));
}
