/** What a public page says about its language versions: missing translations and outdated ones. */
export interface TranslationMessages {
  /** Next to a language in the switcher that this article is not written in. */
  notTranslated: string;
  /** Above the English text shown where an article has no version in this language yet. */
  fallbackNotice: string;
  /** Above a translation updated before its source. */
  outdatedNotice: (sourceLanguage: string, date: string) => string;
  readSource: (sourceLanguage: string) => string;
}
