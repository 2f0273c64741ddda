import { isLocale, locales, type Locale } from '@core/i18n/locales.ts';

export interface AnalyzerChoice {
  locale: Locale;
  /** Set when the set's locale is not one the portal serves: what the output should say. */
  note?: string;
}

/**
 * The served analyzer closest to a language tag: the tag itself, any Chinese (zh, zh-CN, zh-Hans, zh-TW)
 * for the Chinese analyzer (it folds both scripts), otherwise the served locale of the same language
 * (en-GB -> en). Undefined when no served locale speaks the language (pt): such a set cannot be measured.
 */
export function closestAnalyzer(tag: string): AnalyzerChoice | undefined {
  if (isLocale(tag)) return { locale: tag };
  const language = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  const locale = language === 'zh' ? 'zh-Hant' : locales.find((l) => l === language);
  if (!locale) return undefined;
  return { locale, note: `locale ${tag} is not served: using the closest analyzer, ${locale}` };
}
