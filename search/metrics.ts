import { counter, histogram } from '@core/metrics/registry.ts';

const queries = counter({
  name: 'kb_search_queries_total',
  help: 'Searches answered, by scope (public, staff), source (page, instant, api) and whether anything was found (hits, none)',
  labelNames: ['scope', 'source', 'found'],
});
const duration = histogram({
  name: 'kb_search_duration_seconds',
  help: 'Time the search engine took to answer a query',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
});
const failures = counter({ name: 'kb_search_failures_total', help: 'Searches the engine could not answer' });

export function countQuery(scope: string, source: string, results: number): void {
  queries.inc({ scope, source, found: results > 0 ? 'hits' : 'none' });
}

/** Times one engine call; counts it as a failure when it rejects. */
export async function timeSearch<T>(search: () => Promise<T>): Promise<T> {
  const end = duration.startTimer();
  try {
    return await search();
  } catch (error) {
    failures.inc();
    throw error;
  } finally {
    end();
  }
}
