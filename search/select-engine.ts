import path from 'node:path';
import type { Config } from '@core/config/config.ts';
import { EmbeddedEngine } from './embedded/engine.ts';
import { MeilisearchEngine } from './meilisearch/engine.ts';
import type { SearchEngine } from './port.ts';

/** Meilisearch when a host is configured, otherwise the embedded engine: zero services to run. */
export function selectEngine(config: Config): SearchEngine {
  if (config.MEILI_HOST) return new MeilisearchEngine({ host: config.MEILI_HOST, apiKey: config.MEILI_API_KEY });
  return new EmbeddedEngine({ dir: path.join(config.dataDir, 'search') });
}
