import type { Locale } from '../i18n/locales.ts';
import { scan } from './analyze.ts';

/**
 * Normalized index terms of a text in a locale: NFKC, lowercase, Latin and Greek accents folded, stop
 * words removed, stemmed where a stemmer exists; Chinese folded to Traditional and cut into words plus
 * character bigrams. Search and the classifier share it, so both see text the same way.
 */
export function tokenize(text: string, locale: Locale): string[] {
  const terms: string[] = [];
  scan(text, locale, (t) => terms.push(t.term));
  return terms;
}
