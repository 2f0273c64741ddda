import type { APIRoute } from 'astro';
import { articleUrl, publicViewer } from '@core/content/article.ts';
import { isLocale } from '@core/i18n/locales.ts';
import { suggestionSessionPattern } from '@feedback/complaints/validation.ts';

/**
 * A suggested article opened from the complaint form: counted for the form's session (when it has one),
 * then redirected to the article. Only ever redirects to a public article, never elsewhere.
 */
export const GET: APIRoute = ({ url, locals, redirect }) => {
  const id = url.searchParams.get('id') ?? '';
  const s = url.searchParams.get('s') ?? '';
  const [locale, slug] = id.split('/');
  const article = isLocale(locale) && slug && id.length <= 220 ? locals.app.content.get(locale, slug, publicViewer) : undefined;
  if (!article || !isLocale(locale)) return new Response(null, { status: 404 });
  if (suggestionSessionPattern.test(s)) locals.app.feedback.deflection.opened(s, locale);
  return redirect(articleUrl(article), 302);
};
