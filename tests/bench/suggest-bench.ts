/**
 * Suggested-answer benchmark: `npm run bench:suggest [-- --sizes 1000,5000] [--passes 10]`.
 *
 * For each corpus size it generates the seeded synthetic multilingual knowledge base (as bench:search
 * does), copies the real demo reply templates (`content/<locale>/reply-template/*.mdx`) into it so that
 * templates exist, loads it through the content pipeline, indexes it with the embedded engine (the
 * server's path: ContentStore -> SearchIndexer -> EmbeddedEngine, in a temp data dir), and then times
 * the answer finder (search/answers.ts) on the complaints of tests/eval/suggest-cases.jsonl (subject and
 * description, locale, category, product, 3 answers), one warm-up pass then several timed passes.
 * Prints p50/p95/p99/max per size and per locale, PASS/FAIL against p95 <= 20 ms, and as the last line
 * one JSON object. Temp dirs are removed even when a step fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs as parseCli } from 'node:util';
import type { ComplaintCategory } from '@core/content/complaint-categories.ts';
import { templateCategory } from '@core/content/categories.ts';
import { ContentStore } from '@core/content/store.ts';
import { formatDiagnostic } from '@core/markdown/diagnostic.ts';
import { locales, type Locale } from '@core/i18n/locales.ts';
import { createAnswerFinder } from '@search/answers.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { SearchIndexer } from '@search/indexer.ts';
import { readCases } from '../eval/suggest-eval.ts';
import { buildLexicon, generateCorpus, type Lexicon } from './corpus.ts';
import { machineInfo, ms, percentiles, round, table, timed, type Percentiles } from './stats.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The issue's target: suggestions for one complaint at 5,000 articles. */
const targetP95Ms = 20;

interface Options {
  sizes: number[];
  passes: number;
}

function parseArgs(argv: string[]): Options {
  const { values } = parseCli({ args: argv, strict: true, options: { sizes: { type: 'string', default: '1000,5000' }, passes: { type: 'string', default: '10' } } });
  const options: Options = { sizes: values.sizes.split(',').map((s) => Number(s.trim())), passes: Number(values.passes) };
  if (!options.sizes.length || options.sizes.some((n) => !Number.isInteger(n) || n < locales.length)) throw new Error(`--sizes takes whole numbers of at least ${locales.length}, e.g. 1000,5000`);
  if (!Number.isInteger(options.passes) || options.passes < 1) throw new Error('--passes must be a positive whole number');
  return options;
}

interface Complaint {
  id: string;
  locale: Locale;
  text: string;
  category: ComplaintCategory | null;
  product: string | null;
}


/** Copies content/<locale>/reply-template/*.mdx into the corpus; returns how many. */
function copyTemplates(contentDir: string): number {
  let copied = 0;
  for (const locale of locales) {
    const from = path.join(repoRoot, 'content', locale, templateCategory);
    if (!fs.existsSync(from)) continue;
    const to = path.join(contentDir, locale, templateCategory);
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from).filter((n) => n.endsWith('.mdx'))) {
      fs.copyFileSync(path.join(from, name), path.join(to, name));
      copied++;
    }
  }
  return copied;
}

interface SizeResult {
  articles: number;
  templates: number;
  indexedDocuments: number;
  generateMs: number;
  parseMs: number;
  indexMs: number;
  /** Wall-clock time per find(): what the complaint view waits. */
  latency: Percentiles;
  /** CPU time per find() (this process): the cost itself, less sensitive to a busy machine. */
  cpu: Percentiles;
  byLocale: Partial<Record<Locale, Percentiles>>;
  /** The slowest complaints by their median time. */
  slowest: Array<{ id: string; p50: number; max: number }>;
  /** Suggestions returned per find (mean), and how many finds returned none. */
  meanSuggestions: number;
  empty: number;
  pass: boolean;
}

async function benchSize(size: number, root: string, lexicons: Record<Locale, Lexicon>, complaints: Complaint[], passes: number): Promise<SizeResult> {
  const say = (msg: string) => console.error(`[suggest ${size}] ${msg}`);
  const contentDir = path.join(root, `content-${size}`);
  const dataDir = path.join(root, `data-${size}`, 'search');

  say('generating corpus');
  const generated = await timed(() => generateCorpus(contentDir, size, lexicons));
  const templates = copyTemplates(contentDir);
  say(`${generated.value.articles.length} generated articles; copied ${templates} demo reply templates; parsing`);
  const parsed = await timed(() => new ContentStore(contentDir).loadAll());
  const store = parsed.value;
  if (store.problems.size) {
    const [file, diagnostics] = [...store.problems][0]!;
    console.error(`[suggest ${size}] ${store.problems.size} file(s) with problems are left out, e.g. ${formatDiagnostic(file, diagnostics[0]!)}`);
  }
  const templateCount = store.all().filter((a) => a.meta.category === templateCategory && a.meta.reply).length;
  if (!templateCount) throw new Error('no reply templates in the corpus: the copy from content/*/reply-template failed');

  const engine = new EmbeddedEngine({ dir: dataDir, saveDelayMs: 3_600_000, maxSaveDelayMs: 3_600_000 });
  try {
    say('indexing with the embedded engine');
    const indexer = new SearchIndexer(engine, store, path.join(dataDir, 'manifest-embedded.json'));
    const indexed = await timed(() => indexer.sync());
    const finder = createAnswerFinder(engine, store);
    const find = (c: Complaint) => finder.find({ text: c.text, locale: c.locale, category: c.category, product: c.product, limit: 3 });

    say(`warm-up pass, then ${passes} timed passes over ${complaints.length} complaints`);
    for (const c of complaints) await find(c);
    const all: number[] = [];
    const cpu: number[] = [];
    const byLocale = new Map<Locale, number[]>();
    const byCase = new Map<string, number[]>();
    let suggestions = 0;
    let empty = 0;
    for (let pass = 0; pass < passes; pass++) {
      for (const c of complaints) {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        const found = await find(c);
        const t = performance.now() - start;
        const used = process.cpuUsage(cpuStart);
        all.push(t);
        cpu.push((used.user + used.system) / 1000);
        (byLocale.get(c.locale) ?? byLocale.set(c.locale, []).get(c.locale)!).push(t);
        (byCase.get(c.id) ?? byCase.set(c.id, []).get(c.id)!).push(t);
        suggestions += found.length;
        if (!found.length) empty++;
      }
    }
    const latency = percentiles(all);
    const slowest = [...byCase]
      .map(([id, times]) => ({ id, ...percentiles(times) }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 5)
      .map(({ id, p50, max }) => ({ id, p50, max }));
    return {
      articles: size,
      templates: templateCount,
      indexedDocuments: indexed.value.indexed,
      generateMs: generated.ms,
      parseMs: parsed.ms,
      indexMs: indexed.ms,
      latency,
      cpu: percentiles(cpu),
      byLocale: Object.fromEntries(locales.filter((l) => byLocale.has(l)).map((l) => [l, percentiles(byLocale.get(l)!)])),
      slowest,
      meanSuggestions: round(suggestions / all.length, 2),
      empty,
      pass: latency.p95 <= targetP95Ms,
    };
  } finally {
    await engine.close();
  }
}

function report(results: SizeResult[]): void {
  const cols = results.map((r) => `${r.articles} articles`);
  const row = (label: string, f: (r: SizeResult) => string) => [label, ...results.map(f)];
  console.log('\nSuggested answers for one complaint (answer finder, in-process, embedded engine)');
  console.log(table(['', ...cols], [
    row('indexed documents', (r) => String(r.indexedDocuments)),
    row('  of which reply templates', (r) => String(r.templates)),
    row('index build', (r) => ms(r.indexMs)),
    row('finds timed', (r) => String(r.latency.samples)),
    row('p50', (r) => ms(r.latency.p50)),
    row('p95', (r) => ms(r.latency.p95)),
    row('p99', (r) => ms(r.latency.p99)),
    row('max', (r) => ms(r.latency.max)),
    row('CPU per find: mean', (r) => ms(r.cpu.mean)),
    row('CPU per find: p95', (r) => ms(r.cpu.p95)),
    ...locales.map((l) => row(`  p50 / p95 ${l}`, (r) => (r.byLocale[l] ? `${ms(r.byLocale[l]!.p50)} / ${ms(r.byLocale[l]!.p95)}` : '-'))),
    row('suggestions per find (mean)', (r) => String(r.meanSuggestions)),
    row('finds with no suggestion', (r) => String(r.empty)),
    row('slowest complaint (p50)', (r) => (r.slowest[0] ? `${r.slowest[0].id} ${ms(r.slowest[0].p50)}` : '-')),
  ]));
  console.log(`\nTarget: p95 <= ${targetP95Ms} ms (set for 5,000 articles on a 2-core machine)`);
  console.log(table(['size', 'p95', 'result'], results.map((r) => [String(r.articles), ms(r.latency.p95), r.pass ? 'PASS' : 'FAIL'])));
}

const options = parseArgs(process.argv.slice(2));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-suggest-bench-'));
let cleaned = false;
function cleanup(): void {
  if (cleaned) return;
  cleaned = true;
  fs.rmSync(root, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`[suggest] ${signal}: cleaning up`);
    cleanup();
    process.exit(130);
  });
}

try {
  console.error(`[suggest] sizes ${options.sizes.join(', ')}; work dir ${root}`);
  const complaints: Complaint[] = readCases(path.join(repoRoot, 'tests', 'eval', 'suggest-cases.jsonl')).map((c) => ({
    id: c.id!,
    locale: c.locale as Locale,
    text: `${c.subject}\n${c.description}`,
    category: (c.category ?? null) as ComplaintCategory | null,
    product: c.product ?? null,
  }));
  const lexicons = Object.fromEntries(locales.map((l, i) => [l, buildLexicon(l, 1000 + i)])) as Record<Locale, Lexicon>;
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, root, lexicons, complaints, options.passes));
  report(results);
  const largest = results.find((r) => r.articles === 5000) ?? results.at(-1)!;
  console.log(`\nAt ${largest.articles} articles: p95 ${ms(largest.latency.p95)} ${largest.pass ? 'PASS' : 'FAIL'} (target <= ${targetP95Ms} ms)\n`);
  const machine = machineInfo();
  const byLocaleCases = Object.fromEntries(locales.map((l) => [l, complaints.filter((c) => c.locale === l).length]));
  console.log(JSON.stringify({ machine, options: { passes: options.passes }, complaints: { count: complaints.length, byLocale: byLocaleCases }, targetP95Ms, sizes: results, pass: largest.pass }));
} catch (error) {
  console.error('[suggest] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  cleanup();
}
