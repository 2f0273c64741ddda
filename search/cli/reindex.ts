import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { config } from '@core/config/config.ts';
import { openParseCache, parseCacheFile } from '@core/content/parse-cache.ts';
import { ContentStore } from '@core/content/store.ts';
import { SearchIndexer } from '../indexer.ts';
import { selectEngine } from '../select-engine.ts';

/** `npm run reindex`: rebuilds the search index from every article. Stop the server first (embedded engine). */
const cfg = config();
const store = new ContentStore(cfg.contentDir, { cache: openParseCache(parseCacheFile(cfg.dataDir)) }).loadAll();
const engine = selectEngine(cfg);
const manifest = path.join(cfg.dataDir, 'search', `manifest-${engine.name}.json`);
fs.rmSync(manifest, { force: true });

const started = Date.now();
await engine.init();
await engine.replaceAll([]);
const bar = new SingleBar({ format: 'indexing [{bar}] {value}/{total} articles', hideCursor: true }, Presets.shades_classic);
let begun = false;
const indexer = new SearchIndexer(engine, store, manifest);
const { indexed } = await indexer.sync((done, total) => {
  if (!begun) bar.start(total, 0);
  begun = true;
  bar.update(done);
});
if (begun) bar.stop();
await engine.close();
console.log(`${engine.name}: ${indexed} articles indexed in ${Date.now() - started} ms; ${store.problems.size} files left out (see npm run content:check)`);
