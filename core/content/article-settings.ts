import type { Locale } from '../i18n/locales.ts';
import { retentionPeriodClass } from '../markdown/components.ts';

/** Configuration values an article shows, read when the page is rendered (never stored in the parse cache). */
export interface ArticleSettings {
  /** CONTACT_RETENTION_DAYS. */
  retentionDays: number;
}

/** A number of days in the reader's language, as whole years or months when it is one. */
export function formatDays(days: number, locale: Locale): string {
  const [value, unit] = days % 365 === 0 ? [days / 365, 'year'] : days % 30 === 0 ? [days / 30, 'month'] : [days, 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

const emptyRetention = `<span class="${retentionPeriodClass}"></span>`;

/** The article's HTML with the configuration values filled into the places its components left for them. */
export function fillArticleSettings(html: string, locale: Locale, settings: ArticleSettings): string {
  return html.includes(emptyRetention) ? html.replaceAll(emptyRetention, `<span class="${retentionPeriodClass}">${formatDays(settings.retentionDays, locale)}</span>`) : html;
}
