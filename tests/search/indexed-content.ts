import path from 'node:path';
import type { ContentStore } from '@core/content/store.ts';
import { EmbeddedEngine, type EmbeddedOptions } from '@search/embedded/engine.ts';
import { SearchIndexer } from '@search/indexer.ts';

/**
 * A fresh embedded engine under `workDir` holding every article of `content`, indexed as the portal does at
 * start; the indexer is detached afterwards, so later content changes do not reach it.
 */
export async function indexedEngine(content: ContentStore, workDir: string, options: Partial<EmbeddedOptions> = {}): Promise<EmbeddedEngine> {
  const engine = new EmbeddedEngine({ dir: path.join(workDir, 'search'), ...options });
  const indexer = new SearchIndexer(engine, content, path.join(workDir, 'manifest.json'));
  await indexer.start();
  indexer.stop();
  return engine;
}
