import type { Locale } from '../i18n/locales.ts';
import { foldChinese } from './chinese.ts';
import { foldDiacritics, normalizeWord } from './normalize.ts';
import { el } from './stopwords/el.ts';
import { en } from './stopwords/en.ts';
import { es } from './stopwords/es.ts';
import { fi } from './stopwords/fi.ts';
import { zh } from './stopwords/zh.ts';

const lists: Record<Locale, string> = { en, es, fi, el, 'zh-Hant': `${zh} ${en}` };

const sets = new Map<Locale, Set<string>>();

/**
 * Stop words of a locale in the folded form the tokenizer compares (lowercase, no accents). Chinese
 * articles carry English too, so zh-Hant also drops English function words.
 */
export function stopWords(locale: Locale): Set<string> {
  let set = sets.get(locale);
  if (!set) {
    // Chinese terms are compared folded to Simplified (see foldChinese).
    const fold = locale === 'zh-Hant' ? foldChinese : (w: string) => w;
    set = new Set(lists[locale].split(/\s+/).filter(Boolean).map((w) => fold(foldDiacritics(normalizeWord(w)))));
    sets.set(locale, set);
  }
  return set;
}
