/**
 * One start of the portal's content and search, as site/lib/app.ts does it, in a fresh process:
 * `tsx tests/bench/startup-run.ts CONTENT_DIR DATA_DIR`. Prints one JSON line with wall and CPU
 * milliseconds per phase (content load, search index sync, index save), the load's counts, and memory
 * after start. Run by startup-bench.ts.
 */
import path from 'node:path';
import { openParseCache, parseCacheFile } from '@core/content/parse-cache.ts';
import { ParsePool } from '@core/content/parse-pool.ts';
import { ContentStore } from '@core/content/store.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { SearchIndexer } from '@search/indexer.ts';
import { memoryOf } from './server.ts';

const [contentDir, dataDir] = process.argv.slice(2);
if (!contentDir || !dataDir) {
  console.error('usage: startup-run.ts CONTENT_DIR DATA_DIR');
  process.exit(2);
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const marks: Array<{ wall: number; cpu: number }> = [];
const mark = () => marks.push({ wall: performance.now(), cpu: cpuMs() });
const phase = (i: number) => ({ wallMs: Math.round(marks[i + 1]!.wall - marks[i]!.wall), cpuMs: Math.round(marks[i + 1]!.cpu - marks[i]!.cpu) });

mark();
const parseCache = openParseCache(parseCacheFile(dataDir));
const content = new ContentStore(contentDir, { cache: parseCache });
const parser = new ParsePool();
await content.loadAllInParallel(parser);
await parser.close();
mark();
// Long save delays: the save is timed on its own below, as a stop signal writes it in the portal.
const engine = new EmbeddedEngine({ dir: path.join(dataDir, 'search'), saveDelayMs: 3_600_000, maxSaveDelayMs: 3_600_000 });
const indexer = new SearchIndexer(engine, content, path.join(dataDir, 'search', 'manifest-embedded.json'));
const synced = await indexer.start();
mark();
indexer.stop();
await engine.close();
parseCache?.close();
mark();
const memory = process.memoryUsage();
const MB = (bytes: number) => Math.round(bytes / 1048576);
console.log(
  JSON.stringify({
    articles: content.all().length,
    load: content.lastLoad,
    indexed: synced.indexed,
    content: phase(0),
    search: phase(1),
    save: phase(2),
    // The parse pool's workers count in the process's CPU time; memory is the main thread's heap and the process's RSS.
    rssMB: MB(memory.rss),
    peakRssMB: memoryOf(process.pid)?.peakMB ?? null,
    heapMB: MB(memory.heapUsed),
    arrayBuffersMB: MB(memory.arrayBuffers),
  }),
);
