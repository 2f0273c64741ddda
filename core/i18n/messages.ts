import type { Locale } from './locales.ts';
import type { Messages } from './messages/types.ts';
import { en } from './messages/en.ts';
import { es } from './messages/es.ts';
import { zhHant } from './messages/zh-Hant.ts';
import { el } from './messages/el.ts';
import { fi } from './messages/fi.ts';

const catalog: Record<Locale, Messages> = { en, es, 'zh-Hant': zhHant, el, fi };

export function messages(locale: Locale): Messages {
  return catalog[locale];
}

/** Dates as people in the locale write them, e.g. "14 October 2026", "2026年10月14日". */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export type { Messages };
