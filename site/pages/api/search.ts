import type { APIRoute } from 'astro';
import { parseSearchParams } from '@search/query-schema.ts';
import { searchArticles } from '@search/service.ts';
import { json, validationError } from '@core/http/responses.ts';
import { articleUrl } from '@core/content/article.ts';
import { searchHelp, type SearchHelp } from '@site/lib/search-help.ts';

/**
 * GET /api/search?q=&locale=&category=&product=&page=&limit=&source=instant
 * Besides the hits: `english` (English articles after too few results in the locale, marked), and after no
 * results `suggestion` (a query that finds something) and `popular`. Search as you type leaves them out.
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const parsed = parseSearchParams(url);
  if (!parsed.success) return validationError(parsed.error);
  const { app, viewer } = locals;
  const instant = url.searchParams.get('source') === 'instant';
  let result;
  let help: SearchHelp = { popular: [], english: [] };
  try {
    result = await searchArticles(app.search.engine, parsed.data, viewer);
    if (!instant) help = await searchHelp(app, parsed.data, viewer, result);
  } catch (error) {
    console.error('[search] engine failed:', error instanceof Error ? error.message : error);
    return json({ error: 'Search is unavailable right now. Please try again in a moment.' }, 503);
  }
  const queryId = app.search.analytics.recordQuery({
    locale: parsed.data.locale,
    query: parsed.data.q,
    results: result.total,
    scope: viewer.kind,
    source: instant ? 'instant' : 'api',
  });
  return json({
    engine: app.search.engine.name,
    total: result.total,
    page: parsed.data.page,
    queryId,
    hits: result.hits.map(({ id, slug, locale, title, url: hitUrl, category, snippet }) => ({ id, slug, locale, title, url: hitUrl, category, snippet })),
    facets: result.facets,
    ...(help.suggestion ? { suggestion: { q: help.suggestion, url: `/${parsed.data.locale}/search?${new URLSearchParams({ q: help.suggestion })}` } } : {}),
    popular: help.popular.map((a) => ({ id: a.id, title: a.meta.title, url: articleUrl(a) })),
    english: help.english.map(({ id, slug, locale, title, url: hitUrl, category, snippet }) => ({ id, slug, locale, title, url: hitUrl, category, snippet, fallback: true })),
  });
};
