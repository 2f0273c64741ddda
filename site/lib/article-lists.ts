import type { Article, Viewer } from '@core/content/article.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { App } from './app.ts';

/** Most viewed first; until there are views, FAQs (what customers ask most) lead, newest first. */
export function popularArticles(app: App, locale: Locale, viewer: Viewer, limit: number): Article[] {
  const views = app.popularity.mostViewed(500);
  return app.content
    .list({ locale, viewer })
    .sort(
      (a, b) =>
        (views.get(b.id) ?? 0) - (views.get(a.id) ?? 0) ||
        Number(b.meta.category === 'faq') - Number(a.meta.category === 'faq') ||
        b.meta.updated.localeCompare(a.meta.updated) ||
        a.meta.title.localeCompare(b.meta.title, locale),
    )
    .slice(0, limit);
}

export function recentArticles(app: App, locale: Locale, viewer: Viewer, limit: number): Article[] {
  return app.content
    .list({ locale, viewer })
    .sort((a, b) => b.meta.updated.localeCompare(a.meta.updated) || a.meta.title.localeCompare(b.meta.title, locale))
    .slice(0, limit);
}

export function byTitle(locale: Locale) {
  return (a: Article, b: Article) => a.meta.title.localeCompare(b.meta.title, locale);
}
