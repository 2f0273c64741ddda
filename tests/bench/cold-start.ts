/**
 * Run by the benchmark in a fresh Node process, so nothing is warm: loads a persisted index and answers
 * one query per locale. `tsx tests/bench/cold-start.ts embedded|lunr DIR` prints one JSON line:
 * { loadMs, firstQueryMs, documents, heapMB, rssMB }.
 */
import { locales } from '@core/i18n/locales.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { LunrBench } from './lunr-engine.ts';

const [kind, dir] = process.argv.slice(2);
if (!dir || (kind !== 'embedded' && kind !== 'lunr')) {
  console.error('usage: cold-start.ts embedded|lunr DIR');
  process.exit(2);
}
// The first query of a locale: a word that exists in every synthetic corpus of it.
const probe = { en: 'warranty', es: 'garantía', fi: 'takuu', el: 'εγγύηση', 'zh-Hant': '保固' } as const;

let loadMs: number;
let documents = 0;
let answer: (locale: (typeof locales)[number]) => Promise<unknown>;
const t0 = performance.now();
if (kind === 'embedded') {
  // Long save delays: loading must not write anything.
  const engine = new EmbeddedEngine({ dir, saveDelayMs: 3_600_000, maxSaveDelayMs: 3_600_000 });
  await engine.init();
  loadMs = performance.now() - t0;
  documents = await engine.count();
  answer = (locale) => engine.search({ q: probe[locale], locale, audiences: ['public'], page: 1, limit: 10 });
} else {
  const lunrIndexes = LunrBench.load(dir);
  loadMs = performance.now() - t0;
  // fieldVectors holds one entry per document and field (four fields).
  for (const index of lunrIndexes.indexes.values()) documents += (index.toJSON() as { fieldVectors: unknown[] }).fieldVectors.length / 4;
  answer = async (locale) => lunrIndexes.search(probe[locale], locale);
}
const t1 = performance.now();
for (const locale of locales) await answer(locale);
const firstQueryMs = performance.now() - t1;
const memory = process.memoryUsage();
console.log(JSON.stringify({ loadMs: Math.round(loadMs), firstQueryMs: Math.round(firstQueryMs), documents, heapMB: Math.round(memory.heapUsed / 1048576), rssMB: Math.round(memory.rss / 1048576) }));
process.exit(0);
