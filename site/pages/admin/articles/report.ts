import type { APIRoute } from 'astro';
import { articleUrl } from '@core/content/article.ts';
import { isLocale } from '@core/i18n/locales.ts';
import { readForm, redirect } from '@admin/http/form.ts';

/** POST /admin/articles/report: a staff member's "Report a problem" from an article page; back to the article. */
export const POST: APIRoute = async ({ request, locals }) => {
  const form = await readForm(request);
  const [locale, slug] = (form.articleId ?? '').split('/');
  const article = locale && slug && isLocale(locale) ? locals.app.content.get(locale, slug, locals.viewer) : undefined;
  if (!article) return new Response('No such article.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const result = locals.app.feedback.articleFeedback.report(locals.member, article.id, form);
  if (!result.ok) return new Response(Object.values(result.errors).join(' '), { status: result.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return redirect(`${articleUrl(article)}?reported=1#article-feedback`);
};

export const GET: APIRoute = () => new Response('Use the form on an article page.', { status: 405, headers: { Allow: 'POST' } });
