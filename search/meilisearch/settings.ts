import type { Settings } from 'meilisearch';
import type { Locale } from '@core/i18n/locales.ts';

/** Meilisearch's language codes (ISO 639-3) for our locales, so each index tokenizes one language. */
export const meiliLanguages: Record<Locale, string> = { en: 'eng', es: 'spa', 'zh-Hant': 'cmn', el: 'ell', fi: 'fin' };

/** Words customers use for the same thing; kept small and about our products, not a thesaurus. */
export const synonyms: Record<Locale, Record<string, string[]>> = {
  en: {
    warranty: ['guarantee'],
    guarantee: ['warranty'],
    fridge: ['refrigerator'],
    refrigerator: ['fridge'],
    washer: ['washing machine'],
    'washing machine': ['washer'],
    refund: ['money back'],
    vacuum: ['hoover'],
  },
  es: {
    garantia: ['garantía'],
    nevera: ['frigorífico', 'refrigerador'],
    frigorífico: ['nevera', 'refrigerador'],
    lavadora: ['lavarropas'],
    reembolso: ['devolución del dinero'],
  },
  'zh-Hant': {
    保固: ['保修', '保養'],
    冰箱: ['雪櫃'],
    洗衣機: ['洗衣机'],
  },
  el: {
    εγγύηση: ['εγγυηση'],
    ψυγείο: ['ψυγειο'],
  },
  fi: {
    takuu: ['tuotetakuu'],
    jääkaappi: ['kylmälaite'],
  },
};

/**
 * Index settings as data: applied at start-up, and Meilisearch treats an unchanged update as a no-op,
 * so applying them on every start is safe.
 */
export function indexSettings(locale: Locale): Settings {
  return {
    // Order is rank: a match in the title outweighs one in the summary or answer, then headings, then body,
    // then the words customers were learned to ask with (search/asked-as/).
    searchableAttributes: ['title', 'summary', 'answer', 'headings', 'body', 'askedAs'],
    filterableAttributes: ['audience', 'category', 'product', 'tags'],
    sortableAttributes: ['updated', 'title'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    synonyms: synonyms[locale],
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
