/**
 * Quality of the suggested answers for complaints: `npm run eval:suggest [-- CONTENT_DIR [CASES.jsonl]]`.
 * Loads the content directory (default `content`), indexes every article in an in-memory embedded engine
 * (the production path: ContentStore -> SearchIndexer -> EmbeddedEngine), and asks the answer finder
 * (search/answers.ts) for the 3 best answers to each case in tests/eval/suggest-cases.jsonl, as the
 * complaint view does: subject and description, locale, the category and product the form gave.
 * A case is a hit when a suggestion's translationKey is in its `expected` list.
 * Prints hit@1 and hit@3 per locale, the misses, and as the last line one JSON object with every figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isComplaintCategory, type ComplaintCategory } from '@core/content/complaint-categories.ts';
import { ContentStore } from '@core/content/store.ts';
import { isLocale, locales, type Locale } from '@core/i18n/locales.ts';
import { createAnswerFinder } from '@search/answers.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { SearchIndexer } from '@search/indexer.ts';

export interface SuggestCase {
  id?: string;
  locale: string;
  subject: string;
  description: string;
  category?: string | null;
  product?: string | null;
  expected: string[];
}

export function readCases(file: string): SuggestCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line && !line.startsWith('//'))
    .map(({ line, n }) => {
      const c = JSON.parse(line) as SuggestCase;
      if (!isLocale(c.locale)) throw new Error(`${file}:${n}: unsupported locale ${JSON.stringify(c.locale)}`);
      if (c.category != null && !isComplaintCategory(c.category)) throw new Error(`${file}:${n}: unknown category ${JSON.stringify(c.category)}`);
      if (!Array.isArray(c.expected) || !c.expected.length) throw new Error(`${file}:${n}: expected must list at least one translationKey`);
      return { id: c.id ?? `${c.locale}:${n}`, ...c };
    });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

async function main(): Promise<void> {
  const [contentArg = 'content', casesArg = path.join(import.meta.dirname, 'suggest-cases.jsonl')] = process.argv.slice(2);
  const contentDir = path.resolve(contentArg);
  const cases = readCases(path.resolve(casesArg));

  const content = new ContentStore(contentDir).loadAll();
  if (content.problems.size) console.warn(`${content.problems.size} content file(s) with problems are left out`);
  const keys = new Set(content.all().map((a) => a.meta.translationKey));
  for (const c of cases) {
    const unknown = c.expected.filter((k) => !keys.has(k));
    if (unknown.length) console.warn(`case ${c.id}: expected key(s) not in the content: ${unknown.join(', ')}`);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-suggest-eval-'));
  const engine = new EmbeddedEngine({ dir: path.join(tmp, 'search'), saveDelayMs: 60_000, maxSaveDelayMs: 60_000 });
  try {
    const indexer = new SearchIndexer(engine, content, path.join(tmp, 'manifest.json'));
    const started = await indexer.start();
    indexer.stop();
    console.log(`indexed ${started.indexed} articles from ${contentDir}; ${cases.length} cases`);
    const finder = createAnswerFinder(engine, content);

    const tally = new Map<Locale | 'all', { n: number; at1: number; at3: number }>();
    const bump = (key: Locale | 'all', at1: boolean, at3: boolean) => {
      const t = tally.get(key) ?? { n: 0, at1: 0, at3: 0 };
      t.n += 1;
      t.at1 += Number(at1);
      t.at3 += Number(at3);
      tally.set(key, t);
    };
    const misses: string[] = [];
    for (const c of cases) {
      const locale = c.locale as Locale;
      const found = await finder.find({
        text: `${c.subject}\n${c.description}`,
        locale,
        category: (c.category ?? null) as ComplaintCategory | null,
        product: c.product ?? null,
        limit: 3,
      });
      const got = found.map((f) => f.translationKey);
      const at1 = c.expected.includes(got[0] ?? '');
      const at3 = got.some((k) => c.expected.includes(k));
      bump(locale, at1, at3);
      bump('all', at1, at3);
      if (!at1) misses.push(`${at3 ? 'miss@1' : 'MISS@3'} ${c.id} [${c.category ?? '-'}/${c.product ?? '-'}] ${JSON.stringify(c.subject)} expected ${c.expected.join('|')} got ${found.map((f) => `${f.translationKey}${f.fallback ? '(en)' : ''}`).join(', ') || '(nothing)'}`);
    }

    const order: Array<Locale | 'all'> = [...locales.filter((l) => tally.has(l)), 'all'];
    const result: { 'hit@1': Record<string, number>; 'hit@3': Record<string, number>; cases: Record<string, number> } = { 'hit@1': {}, 'hit@3': {}, cases: {} };
    console.log('\nlocale    cases  hit@1  hit@3');
    for (const key of order) {
      const t = tally.get(key)!;
      result['hit@1'][key] = round(t.at1 / t.n);
      result['hit@3'][key] = round(t.at3 / t.n);
      result.cases[key] = t.n;
      console.log(`${key.padEnd(9)} ${String(t.n).padStart(5)}  ${result['hit@1'][key].toFixed(3)}  ${result['hit@3'][key].toFixed(3)}`);
    }
    if (misses.length) console.log(`\n${misses.join('\n')}\n`);
    console.log(JSON.stringify(result));
  } finally {
    await engine.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
