import type { Viewer } from '@core/content/article.ts';
import type { Audience } from '@core/content/schema.ts';
import { timeSearch } from './metrics.ts';
import type { SearchEngine, SearchResult } from './port.ts';
import type { SearchParams } from './query-schema.ts';

/** Visibility is decided here, from who is asking, never from anything in the query string. */
export function audiencesFor(viewer: Viewer): Audience[] {
  return viewer.kind === 'staff' ? ['public', 'internal'] : ['public'];
}

export function searchArticles(engine: SearchEngine, params: SearchParams, viewer: Viewer): Promise<SearchResult> {
  return timeSearch(() => engine.search({ ...params, audiences: audiencesFor(viewer) }));
}
