import type { APIContext, MiddlewareNext } from 'astro';
import { publicViewer } from '@core/content/article.ts';
import { isLocale } from '@core/i18n/locales.ts';
import { etagOf } from './conditional-get.ts';
import { lookupArticle } from './language-versions.ts';
import type { CachedPage } from './page-cache.ts';

export const articleRoute = '/[locale]/articles/[slug]';

/**
 * Only what every anonymous visitor gets alike: a GET of an article page without a query (the query
 * carries form states such as `?feedback=thanks`), with no session behind it.
 */
function sharedRequest(context: APIContext): boolean {
  const { locals } = context;
  return context.request.method === 'GET' && context.routePattern === articleRoute && !context.url.search && !locals.staff && locals.viewer.kind === 'public';
}

/** The public article a rendered answer showed, when the answer is the same for everyone. */
function shareableArticle(context: APIContext, response: Response): string | undefined {
  if (response.status !== 200 || !response.body || response.headers.has('Set-Cookie')) return undefined;
  if (!/^text\/html/.test(response.headers.get('Content-Type') ?? '') || /no-store|private/.test(response.headers.get('Cache-Control') ?? '')) return undefined;
  // A page that set a cookie (a form's CSRF token) is someone's own.
  if (!context.cookies.headers().next().done) return undefined;
  const { locale, slug } = context.params;
  if (!locale || !slug || !isLocale(locale)) return undefined;
  const found = lookupArticle(context.locals.app.content, locale, slug, publicViewer);
  // Internal articles never reach an anonymous page; checked again so none can enter the shared cache.
  if (!found || found.kind === 'redirect' || found.article.meta.audience !== 'public') return undefined;
  return found.article.id;
}

function send(page: CachedPage, state: 'hit' | 'miss'): Response {
  const headers = new Headers(page.headers);
  headers.set('X-Page-Cache', state);
  return new Response(page.body, { status: 200, headers });
}

/**
 * Serves anonymous article pages from the page cache, rendering and keeping them on a miss. Everything
 * else (staff, other routes, queries) goes straight to the page.
 */
export async function throughPageCache(context: APIContext, next: MiddlewareNext): Promise<Response> {
  if (!sharedRequest(context)) return next();
  const { app } = context.locals;
  const key = context.url.pathname;
  const hit = app.pages.get(key);
  if (hit) {
    // The page records its view when rendered; a cached answer must count as one too.
    app.popularity.recordView(hit.articleId);
    return send(hit, 'hit');
  }
  const generation = app.pages.generation;
  const response = await next();
  const articleId = shareableArticle(context, response);
  if (!articleId) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const page: CachedPage = { body, headers: [...response.headers], articleId, etag: etagOf(body) };
  app.pages.set(key, page, generation);
  return send(page, 'miss');
}
