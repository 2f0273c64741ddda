import type { ArticleEditor } from '@admin/articles/editor.ts';
import { articleUrl, canView, type Article, type Viewer } from '@core/content/article.ts';
import type { ContentStore } from '@core/content/store.ts';
import { defaultLocale, locales, type Locale } from '@core/i18n/locales.ts';

export interface LanguageVersions {
  /** Where the switcher sends each locale: the translation, or the English text shown in that locale. */
  hrefs: Record<Locale, string>;
  /** Locales the article is not written in (for this viewer). */
  untranslated: Locale[];
  /** The version this one was translated from, when this one is older and the reader may open it. */
  newerSource?: Article;
}


/**
 * The article's versions as the reader may see them. Which translation is outdated is the editor's
 * translation panel's judgement, so customers and editors never disagree about it.
 */
export function languageVersions(editor: Pick<ArticleEditor, 'translations'>, article: Article, viewer: Viewer): LanguageVersions {
  const { source, rows } = editor.translations(article.meta.translationKey, article.file);
  const visible = (a: Article | undefined) => (a && canView(a, viewer) ? a : undefined);
  const english = visible(rows.find((r) => r.locale === defaultLocale)?.article);
  const hrefs = {} as Record<Locale, string>;
  const untranslated: Locale[] = [];
  for (const locale of locales) {
    const version = locale === article.locale ? article : visible(rows.find((r) => r.locale === locale)?.article);
    if (version) {
      hrefs[locale] = articleUrl(version);
      continue;
    }
    untranslated.push(locale);
    hrefs[locale] = english ? `/${locale}/articles/${english.slug}` : `/${locale}/`;
  }
  const outdated = rows.find((r) => r.article === article)?.state === 'outdated';
  const newerSource = outdated ? visible(source) : undefined;
  return { hrefs, untranslated, newerSource };
}

export type ArticleLookup =
  | { kind: 'article'; article: Article }
  | { kind: 'fallback'; article: Article }
  | { kind: 'redirect'; to: string };

/**
 * Resolves /<locale>/articles/<slug>. A slug of another version of the article redirects to this
 * locale's translation; without one, the English text is shown in this locale's page with a notice,
 * so switching language never ends on a page that does not exist.
 */
export function lookupArticle(content: ContentStore, locale: Locale, slug: string, viewer: Viewer): ArticleLookup | undefined {
  const article = content.get(locale, slug, viewer);
  if (article) return { kind: 'article', article };
  const english = locale === defaultLocale ? undefined : content.get(defaultLocale, slug, viewer);
  if (!english) return undefined;
  const translation = content.translations(english, viewer).find((a) => a.locale === locale);
  return translation ? { kind: 'redirect', to: articleUrl(translation) } : { kind: 'fallback', article: english };
}
