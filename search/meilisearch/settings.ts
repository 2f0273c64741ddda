import type { Settings } from 'meilisearch';
import type { Locale } from '@core/i18n/locales.ts';
import type { SynonymGroups } from '@core/content/synonym-file.ts';

/** Meilisearch's language codes (ISO 639-3) for our locales, so each index tokenizes one language. */
export const meiliLanguages: Record<Locale, string> = { en: 'eng', es: 'spa', 'zh-Hant': 'cmn', el: 'ell', fi: 'fin' };

/**
 * Meilisearch's synonyms map each word to the words it also finds, so a group of the locale's synonyms
 * file becomes one entry per word naming the others (the same vocabulary the embedded engine expands).
 * Keys are lower-cased: Meilisearch matches synonyms on normalized words.
 */
export function meiliSynonyms(groups: SynonymGroups, locale: Locale): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    const words = [...new Set(group.map((w) => w.toLocaleLowerCase(locale)))];
    for (const word of words) out[word] = [...new Set([...(out[word] ?? []), ...words.filter((w) => w !== word)])];
  }
  return out;
}

/**
 * Index settings as data: applied at start-up, and Meilisearch treats an unchanged update as a no-op,
 * so applying them on every start is safe (a changed synonyms file therefore applies at the next start).
 */
export function indexSettings(locale: Locale, synonymGroups: SynonymGroups = []): Settings {
  return {
    // Order is rank: a match in the title outweighs one in the summary or answer, then headings, then body,
    // then the words customers were learned to ask with (search/asked-as/).
    searchableAttributes: ['title', 'summary', 'answer', 'headings', 'body', 'askedAs'],
    filterableAttributes: ['audience', 'category', 'product', 'tags'],
    sortableAttributes: ['updated', 'title'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    synonyms: meiliSynonyms(synonymGroups, locale),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 1000 },
    localizedAttributes: [{ attributePatterns: ['*'], locales: [meiliLanguages[locale]] as never }],
  };
}

/** One index per locale: Chinese and other scripts tokenize differently and must not share one. */
export function indexUid(prefix: string, locale: Locale): string {
  return `${prefix}articles_${locale.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
