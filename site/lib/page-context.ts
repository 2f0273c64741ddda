import { isLocale, type Locale } from '@core/i18n/locales.ts';
import { messages, type Messages } from '@core/i18n/messages.ts';

/** Resolves the `[locale]` route parameter; undefined means the page should answer 404. */
export function pageLocale(param: string | undefined): { locale: Locale; t: Messages } | undefined {
  if (!isLocale(param)) return undefined;
  return { locale: param, t: messages(param) };
}
