import type { Article, Viewer } from '@core/content/article.ts';
import { englishFallback } from '@search/fallback.ts';
import type { SearchHit, SearchResult } from '@search/port.ts';
import type { SearchParams } from '@search/query-schema.ts';
import { audiencesFor } from '@search/service.ts';
import type { App } from './app.ts';
import { popularArticles } from './article-lists.ts';

export interface SearchHelp {
  /** A query that finds something, when this one found nothing. */
  suggestion?: string;
  /** Most read articles of the locale, when the search found nothing. */
  popular: Article[];
  /** English articles after too few results in the reader's language (first page only). */
  english: SearchHit[];
}

const popularCount = 5;
const englishCount = 5;

/** What the results page (and the search API) offers beyond the hits: never a dead end. */
export async function searchHelp(app: App, params: SearchParams, viewer: Viewer, result: SearchResult): Promise<SearchHelp> {
  const { engine } = app.search;
  const english = params.page === 1 ? await englishFallback(engine, app.content, viewer, { ...params, localHits: result.hits, limit: englishCount }) : [];
  if (result.total > 0) return { popular: [], english };
  const suggestion = await engine.suggestSpelling?.({ q: params.q, locale: params.locale, audiences: audiencesFor(viewer) });
  return { ...(suggestion ? { suggestion } : {}), popular: popularArticles(app, params.locale, viewer, popularCount), english };
}
