import path from 'node:path';
import type { Config } from '@core/config/config.ts';
import { SynonymCatalog } from '@core/content/synonyms.ts';
import { EmbeddedEngine } from './embedded/engine.ts';
import { MeilisearchEngine } from './meilisearch/engine.ts';
import type { SearchEngine } from './port.ts';
import { CachingSearchEngine } from './result-cache.ts';
import type { Locale } from '@core/i18n/locales.ts';

/** How long an edited synonyms file may take to reach searches (docs/search.md). */
export const synonymsRecheckMs = 1000;

/** Meilisearch when a host is configured, otherwise the embedded engine (zero services to run); either behind the results cache. */
export function selectEngine(config: Config): SearchEngine {
  const synonyms = new SynonymCatalog(config.contentDir, { recheckMs: synonymsRecheckMs });
  const groups = (locale: Locale) => synonyms.groups(locale);
  const engine = config.MEILI_HOST
    ? new MeilisearchEngine({ host: config.MEILI_HOST, apiKey: config.MEILI_API_KEY, synonyms: groups })
    : new EmbeddedEngine({ dir: path.join(config.dataDir, 'search'), synonyms: groups });
  return new CachingSearchEngine(engine, { maxBytes: config.KB_SEARCH_CACHE_BYTES, synonyms: groups });
}
