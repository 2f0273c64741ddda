import type { APIRoute } from 'astro';
import { parseSearchParams } from '@search/query-schema.ts';
import { searchArticles } from '@search/service.ts';
import { json, validationError } from '@core/http/responses.ts';

/** GET /api/search?q=&locale=&category=&product=&page=&limit=&source=instant */
export const GET: APIRoute = async ({ url, locals }) => {
  const parsed = parseSearchParams(url);
  if (!parsed.success) return validationError(parsed.error);
  const { app, viewer } = locals;
  let result;
  try {
    result = await searchArticles(app.search.engine, parsed.data, viewer);
  } catch (error) {
    console.error('[search] engine failed:', error instanceof Error ? error.message : error);
    return json({ error: 'Search is unavailable right now. Please try again in a moment.' }, 503);
  }
  const queryId = app.search.analytics.recordQuery({
    locale: parsed.data.locale,
    query: parsed.data.q,
    results: result.total,
    scope: viewer.kind,
    source: url.searchParams.get('source') === 'instant' ? 'instant' : 'api',
  });
  return json({
    engine: app.search.engine.name,
    total: result.total,
    page: parsed.data.page,
    queryId,
    hits: result.hits.map(({ id, slug, locale, title, url: hitUrl, category, snippet }) => ({ id, slug, locale, title, url: hitUrl, category, snippet })),
    facets: result.facets,
  });
};
