/**
 * Search benchmark: `npm run bench:search [-- --sizes 1000,5000] [--skip-build] [--duration 10]`.
 *
 * For each corpus size it generates a synthetic multilingual knowledge base (MDX files, five locales,
 * seeded so every run sees the same articles), then measures the embedded engine in-process (index build,
 * size on disk, cold start in a fresh process, query latency), lunr side by side on the same documents,
 * and the real server over HTTP (first start on an empty data directory, then a restart: latency,
 * throughput with 20 clients, edit-to-searchable time, resident
 * memory). Prints tables, PASS/FAIL against the targets, and as the last line one JSON object.
 * Temp dirs and the server are removed even when a step fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentStore } from '@core/content/store.ts';
import { SynonymCatalog, synonymsFolder } from '@core/content/synonyms.ts';
import { formatDiagnostic } from '@core/markdown/diagnostic.ts';
import { locales, type Locale } from '@core/i18n/locales.ts';
import { toSearchDocument } from '@search/documents.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { SearchIndexer } from '@search/indexer.ts';
import { buildLexicon, buildQueries, generateCorpus, type BenchQuery, type Lexicon, type QueryKind } from './corpus.ts';
import { editLatency, sequentialLatency, throughput, type Throughput } from './http-load.ts';
import { LunrBench } from './lunr-engine.ts';
import { closeConnections, memoryOf, prepareApp, repoRoot, startServer, type Memory, type RunningServer } from './server.ts';
import { machineInfo, megabytes, ms, percentiles, round, table, timed, type Percentiles } from './stats.ts';

interface Options {
  sizes: number[];
  build: boolean;
  durationS: number;
  passes: number;
  /** NODE_OPTIONS for the server process (default: the heap limit `npm start` sets; "" for V8's own default). */
  serverNodeOptions: string;
}

/**
 * The heap limit `npm start` gives the server (scripts/heap-size.mjs), so the default run measures the
 * portal as deployed: KB_HEAP_MB, or the limit derived from the content, which is its minimum of 512 MB
 * for the corpora this benchmark generates (up to 5,000 articles).
 */
function deployedNodeOptions(): string {
  return `--max-old-space-size=${process.env.KB_HEAP_MB ?? 512}`;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: [1000, 5000], build: true, durationS: 10, passes: 5, serverNodeOptions: deployedNodeOptions() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg.startsWith('--sizes')) options.sizes = value().split(',').map((s) => Number(s.trim()));
    else if (arg === '--skip-build') options.build = false;
    else if (arg.startsWith('--duration')) options.durationS = Number(value());
    else if (arg.startsWith('--passes')) options.passes = Number(value());
    else if (arg.startsWith('--server-node-options')) options.serverNodeOptions = value();
    else throw new Error(`unknown argument ${arg} (use --sizes 1000,5000, --skip-build, --duration SECONDS, --passes N, --server-node-options "...")`);
  }
  if (!options.sizes.length || options.sizes.some((n) => !Number.isInteger(n) || n < locales.length)) throw new Error(`--sizes takes whole numbers of at least ${locales.length}, e.g. 1000,5000`);
  if (!(options.durationS > 0) || !(options.passes > 0)) throw new Error('--duration and --passes must be positive');
  return options;
}

interface ColdStart {
  loadMs: number;
  firstQueryMs: number;
  documents: number;
  rssMB: number;
}

/** Loads a persisted index in a fresh process (three times; the median run by load time). */
function coldStart(kind: 'embedded' | 'lunr', dir: string): ColdStart {
  const runs: ColdStart[] = [];
  for (let i = 0; i < 3; i++) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'cold-start.ts'), kind, dir], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const line = result.stdout.trim().split('\n').at(-1) ?? '';
    if (result.status !== 0 || !line.startsWith('{')) throw new Error(`cold start (${kind}) failed: ${result.stderr || result.stdout}`);
    runs.push(JSON.parse(line) as ColdStart);
  }
  runs.sort((a, b) => a.loadMs - b.loadMs);
  return runs[1]!;
}

function dirBytes(dir: string, filter: (name: string) => boolean): number {
  return fs.readdirSync(dir).filter(filter).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

interface Latency {
  /** Wall-clock time per query: what a caller waits, including time the CPU spent on other work. */
  all: Percentiles;
  /** CPU time per query (this process): the cost itself, much less sensitive to a busy machine. */
  cpu: Percentiles;
  byKind: Partial<Record<QueryKind, Percentiles>>;
}

async function latencyOf(queries: BenchQuery[], passes: number, run: (q: BenchQuery) => unknown): Promise<Latency> {
  for (const q of queries) await run(q);
  const all: number[] = [];
  const cpu: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  for (let pass = 0; pass < passes; pass++) {
    for (const q of queries) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await run(q);
      const t = performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      all.push(t);
      let list = byKind.get(q.kind);
      if (!list) byKind.set(q.kind, (list = []));
      list.push(t);
    }
  }
  return { all: percentiles(all), cpu: percentiles(cpu), byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, percentiles(v)])) };
}

interface SizeResult {
  articles: number;
  indexedDocuments: number;
  corpus: { words: number; mdxMB: number; generateMs: number; parseMs: number };
  embedded: {
    buildMs: number;
    persistMs: number;
    indexMB: number;
    manifestMB: number;
    coldStart: ColdStart;
    latency: Percentiles;
    latencyCpu: Percentiles;
    latencyByKind: Partial<Record<QueryKind, Percentiles>>;
  };
  lunr: { buildMs: number; serializeMs: number; indexMB: number; coldStart: ColdStart; latency: Percentiles; latencyCpu: Percentiles; latencyByKind: Partial<Record<QueryKind, Percentiles>> };
  /** The server started on the content with an empty DATA_DIR: it parses everything and builds its index. */
  firstStart: {
    readyMs: number;
    /** Once ready, and 3 s later (after the first index save); peakMB is the high-water mark of that process. */
    memoryAtReady: Memory | null;
    memorySettled: Memory | null;
  };
  http: {
    /** A restart: the data directory the first start left (index, manifest, parse cache). */
    serverReadyMs: number;
    serverSearchReadyMs: number | null;
    /** 1-minute load average when the HTTP measurements began: others' work on the machine shows here. */
    loadAverage: number;
    latency: Percentiles & { errors: number; serverCpuMsPerRequest: number | null };
    throughput: Throughput;
    edit: { samples: number[]; p50: number; max: number; timedOut: number };
    memoryAfterStart: Memory | null;
    memoryAfterLoad: Memory | null;
    /** After the edit test; peakMB is the process's high-water mark (VmHWM) over the whole run. */
    memoryAtEnd: Memory | null;
  };
}

async function benchSize(size: number, root: string, appDir: string, lexicons: Record<Locale, Lexicon>, queries: BenchQuery[], options: Options, setServer: (s: RunningServer | undefined) => void): Promise<SizeResult> {
  const say = (msg: string) => console.error(`[bench ${size}] ${msg}`);
  const contentDir = path.join(root, `content-${size}`);
  const dataDir = path.join(root, `data-${size}`);
  const searchDir = path.join(dataDir, 'search');
  const lunrDir = path.join(root, `lunr-${size}`);

  say('generating corpus');
  const generated = await timed(() => generateCorpus(contentDir, size, lexicons));
  const corpus = generated.value;

  // The project's synonyms, as served: every query pays for looking them up and matching them.
  fs.cpSync(path.join(repoRoot, 'content', synonymsFolder), path.join(contentDir, synonymsFolder), { recursive: true });
  const synonyms = new SynonymCatalog(contentDir);

  say('parsing articles through the content pipeline');
  const parsed = await timed(() => new ContentStore(contentDir).loadAll());
  let store: ContentStore | undefined = parsed.value;
  if (store.problems.size) {
    const [file, diagnostics] = [...store.problems][0]!;
    throw new Error(`generated article rejected (${store.problems.size} in all): ${formatDiagnostic(file, diagnostics[0]!)}`);
  }
  let docs = store.all().filter((a) => a.meta.status === 'published').map(toSearchDocument);
  const indexedDocuments = docs.length;

  say(`embedded engine: indexing ${indexedDocuments} documents`);
  const noAutoSave = { saveDelayMs: 3_600_000, maxSaveDelayMs: 3_600_000 };
  const builder = new EmbeddedEngine({ dir: searchDir, ...noAutoSave });
  // The server's own path (SearchIndexer.sync), with the manifest the server reads, so its start loads this index.
  const indexer = new SearchIndexer(builder, store, path.join(searchDir, 'manifest-embedded.json'));
  const build = await timed(() => indexer.sync());
  const persist = await timed(() => builder.flush());
  const indexBytes = dirBytes(searchDir, (n) => n.endsWith('.idx'));
  const manifestBytes = dirBytes(searchDir, (n) => n.startsWith('manifest'));

  say('embedded engine: cold start in a fresh process');
  const embeddedCold = coldStart('embedded', searchDir);
  const loaded = new EmbeddedEngine({ dir: searchDir, ...noAutoSave, synonyms: (locale) => synonyms.groups(locale) });
  await loaded.init();
  say('embedded engine: in-process query latency');
  const embeddedLatency = await latencyOf(queries, options.passes, (q) => loaded.search({ q: q.q, locale: q.locale, audiences: ['public'], page: 1, limit: 10 }));

  say('lunr: building');
  let lunrIndex: LunrBench | undefined = new LunrBench();
  const lunrBuild = await timed(() => lunrIndex!.build(docs));
  const lunrSave = await timed(() => lunrIndex!.save(lunrDir));
  say('lunr: cold start in a fresh process');
  const lunrCold = coldStart('lunr', lunrDir);
  say('lunr: in-process query latency');
  const lunrLatency = await latencyOf(queries, options.passes, (q) => lunrIndex!.search(q.q, q.locale));
  // Leave the memory to the server from here on.
  lunrIndex = undefined;
  docs = [];
  store = undefined;

  say('server: first start (empty data directory: parses every article, builds the index)');
  const firstDataDir = path.join(root, `first-${size}`);
  const first = await startServer({ appDir, contentDir, dataDir: firstDataDir, expectedDocuments: indexedDocuments, nodeOptions: options.serverNodeOptions });
  setServer(first);
  let firstStart: SizeResult['firstStart'];
  try {
    const memoryAtReady = memoryOf(first.pid) ?? null;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    firstStart = { readyMs: round(first.readyMs, 0), memoryAtReady, memorySettled: memoryOf(first.pid) ?? null };
  } finally {
    await first.stop();
    setServer(undefined);
  }

  say('server: restart on what the first start left');
  const server = await startServer({ appDir, contentDir, dataDir: firstDataDir, expectedDocuments: indexedDocuments, nodeOptions: options.serverNodeOptions });
  setServer(server);
  try {
    const memoryAfterStart = memoryOf(server.pid) ?? null;
    const loadAverage = round(os.loadavg()[0]!, 2);
    say(`server: ready in ${ms(server.readyMs)}; sequential HTTP latency`);
    const httpLatency = await sequentialLatency(server.url, queries, 3, server.pid);
    say(`server: throughput, 20 clients for ${options.durationS} s`);
    const load = await throughput(server.url, queries, 20, options.durationS, server.pid);
    const memoryAfterLoad = memoryOf(server.pid) ?? null;
    say('server: edit-to-searchable');
    const targets = locales.map((locale) => corpus.articles.find((a) => a.locale === locale && a.published && a.audience === 'public')!).filter(Boolean);
    const edit = await editLatency(server.url, contentDir, targets);
    const memoryAtEnd = memoryOf(server.pid) ?? null;
    return {
      articles: size,
      indexedDocuments,
      corpus: { words: corpus.words, mdxMB: megabytes(corpus.bytes), generateMs: generated.ms, parseMs: parsed.ms },
      embedded: {
        buildMs: build.ms,
        persistMs: persist.ms,
        indexMB: megabytes(indexBytes),
        manifestMB: megabytes(manifestBytes),
        coldStart: embeddedCold,
        latency: embeddedLatency.all,
        latencyCpu: embeddedLatency.cpu,
        latencyByKind: embeddedLatency.byKind,
      },
      lunr: { buildMs: lunrBuild.ms, serializeMs: lunrSave.ms, indexMB: megabytes(lunrSave.value), coldStart: lunrCold, latency: lunrLatency.all, latencyCpu: lunrLatency.cpu, latencyByKind: lunrLatency.byKind },
      firstStart,
      http: {
        serverReadyMs: round(server.readyMs, 0),
        serverSearchReadyMs: server.searchReadyMs ?? null,
        loadAverage,
        latency: httpLatency,
        throughput: load,
        edit,
        memoryAfterStart,
        memoryAfterLoad,
        memoryAtEnd,
      },
    };
  } finally {
    await server.stop();
    setServer(undefined);
  }
}

interface TargetCheck {
  size: number;
  name: string;
  target: string;
  value: number;
  pass: boolean;
}

function checkTargets(r: SizeResult): TargetCheck[] {
  // The high-water mark: what the machine must have, not a lucky moment after a garbage collection.
  const rss = Math.max(r.http.memoryAtEnd?.peakMB ?? r.http.memoryAfterLoad?.peakMB ?? Infinity, r.firstStart.memorySettled?.peakMB ?? Infinity);
  const cold = r.embedded.coldStart.loadMs + r.embedded.coldStart.firstQueryMs;
  return [
    { name: 'p95 over HTTP', target: '<= 15 ms', value: r.http.latency.p95, pass: r.http.latency.p95 <= 15 },
    { name: 'throughput, 20 clients', target: '>= 500 q/s', value: r.http.throughput.perSecond, pass: r.http.throughput.perSecond >= 500 && r.http.throughput.non2xx === 0 },
    { name: 'edit searchable (worst)', target: '<= 2000 ms', value: r.http.edit.max, pass: r.http.edit.timedOut === 0 && r.http.edit.max <= 2000 },
    { name: 'cold start (load + 1st query)', target: '<= 3000 ms', value: cold, pass: cold <= 3000 },
    { name: 'server RSS (peak, VmHWM)', target: '<= 600 MB', value: rss, pass: rss <= 600 },
  ].map((t) => ({ size: r.articles, ...t }));
}

function report(results: SizeResult[], checks: TargetCheck[], nodeOptions: string): void {
  const cols = results.map((r) => `${r.articles} articles`);
  const row = (label: string, f: (r: SizeResult) => string) => [label, ...results.map(f)];
  const mb = (x: number | undefined | null) => (x == null ? '-' : `${x} MB`);
  console.log('\nCorpus');
  console.log(table(['', ...cols], [
    row('indexed (published) documents', (r) => String(r.indexedDocuments)),
    row('words', (r) => r.corpus.words.toLocaleString('en')),
    row('MDX on disk', (r) => mb(r.corpus.mdxMB)),
    row('MDX parse (content pipeline)', (r) => ms(r.corpus.parseMs)),
  ]));
  console.log('\nEmbedded engine (in-process) vs lunr');
  console.log(table(['', ...results.flatMap((r) => [`embedded ${r.articles}`, `lunr ${r.articles}`])], [
    ['index build', ...results.flatMap((r) => [ms(r.embedded.buildMs), ms(r.lunr.buildMs)])],
    ['write to disk', ...results.flatMap((r) => [ms(r.embedded.persistMs), ms(r.lunr.serializeMs)])],
    ['index size on disk', ...results.flatMap((r) => [mb(r.embedded.indexMB), mb(r.lunr.indexMB)])],
    ['cold start: load', ...results.flatMap((r) => [ms(r.embedded.coldStart.loadMs), ms(r.lunr.coldStart.loadMs)])],
    ['cold start: first query x5', ...results.flatMap((r) => [ms(r.embedded.coldStart.firstQueryMs), ms(r.lunr.coldStart.firstQueryMs)])],
    ['loaded process RSS', ...results.flatMap((r) => [mb(r.embedded.coldStart.rssMB), mb(r.lunr.coldStart.rssMB)])],
    ['query p50', ...results.flatMap((r) => [ms(r.embedded.latency.p50), ms(r.lunr.latency.p50)])],
    ['query p95', ...results.flatMap((r) => [ms(r.embedded.latency.p95), ms(r.lunr.latency.p95)])],
    ['query p99', ...results.flatMap((r) => [ms(r.embedded.latency.p99), ms(r.lunr.latency.p99)])],
    ['CPU per query: mean', ...results.flatMap((r) => [ms(r.embedded.latencyCpu.mean), ms(r.lunr.latencyCpu.mean)])],
    ['CPU per query: p95', ...results.flatMap((r) => [ms(r.embedded.latencyCpu.p95), ms(r.lunr.latencyCpu.p95)])],
    ...(['word', 'two-words', 'prefix', 'typo', 'cjk', 'cjk-simplified'] as const).map((k) => [
      `  p95 ${k}`,
      ...results.flatMap((r) => [r.embedded.latencyByKind[k], r.lunr.latencyByKind[k]].map((p) => (p ? ms(p.p95) : '-'))),
    ]),
  ]));
  console.log(`\nServer over HTTP (node ${nodeOptions ? `${nodeOptions} ` : ''}scripts/start.mjs)`);
  console.log(table(['', ...cols], [
    row('first start until /healthz ready', (r) => ms(r.firstStart.readyMs)),
    row('  RSS when ready / 3 s later', (r) => `${mb(r.firstStart.memoryAtReady?.rssMB)} / ${mb(r.firstStart.memorySettled?.rssMB)}`),
    row('  peak RSS (VmHWM)', (r) => mb(r.firstStart.memorySettled?.peakMB)),
    row('restart until /healthz ready', (r) => ms(r.http.serverReadyMs)),
    row('  of which search ready (log)', (r) => (r.http.serverSearchReadyMs == null ? '-' : ms(r.http.serverSearchReadyMs))),
    row('load average (1 min) at start', (r) => String(r.http.loadAverage)),
    row('latency p50 (1 client)', (r) => ms(r.http.latency.p50)),
    row('latency p95 (1 client)', (r) => ms(r.http.latency.p95)),
    row('latency p99 (1 client)', (r) => ms(r.http.latency.p99)),
    row('server CPU per request (1 client)', (r) => (r.http.latency.serverCpuMsPerRequest == null ? '-' : ms(r.http.latency.serverCpuMsPerRequest))),
    row('throughput (20 clients)', (r) => `${r.http.throughput.perSecond} q/s`),
    row('  server CPU per request', (r) => (r.http.throughput.serverCpuMsPerRequest == null ? '-' : ms(r.http.throughput.serverCpuMsPerRequest))),
    row('  = q/s one free core could serve', (r) => (r.http.throughput.serverCpuMsPerRequest ? `${Math.round(1000 / r.http.throughput.serverCpuMsPerRequest)} q/s` : '-')),
    row('  cores the server got', (r) => String(r.http.throughput.serverCores ?? '-')),
    row('  latency p50 / p99 under load', (r) => `${r.http.throughput.latencyP50} / ${r.http.throughput.latencyP99} ms`),
    row('  non-2xx / errors', (r) => `${r.http.throughput.non2xx} / ${r.http.throughput.errors}`),
    row('edit searchable p50', (r) => ms(r.http.edit.p50)),
    row('edit searchable worst', (r) => `${ms(r.http.edit.max)}${r.http.edit.timedOut ? ` (${r.http.edit.timedOut} timed out)` : ''}`),
    row('RSS after start', (r) => mb(r.http.memoryAfterStart?.rssMB)),
    row('RSS during load test (max)', (r) => mb(r.http.throughput.maxRssMB)),
    row('RSS after load test', (r) => mb(r.http.memoryAfterLoad?.rssMB)),
    row('RSS at the end', (r) => mb(r.http.memoryAtEnd?.rssMB)),
    row('peak RSS over the run (VmHWM)', (r) => mb(r.http.memoryAtEnd?.peakMB)),
  ]));
  console.log('\nTargets (set for 5,000 articles on a 2-core machine)');
  console.log(table(['size', 'target', '', 'measured', 'result'], checks.map((c) => [String(c.size), c.name, c.target, String(c.value), c.pass ? 'PASS' : 'FAIL'])));
}

const options = parseArgs(process.argv.slice(2));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
const appDir = path.join(root, 'app');
let server: RunningServer | undefined;
let cleaned = false;
async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await server?.stop().catch(() => undefined);
  closeConnections();
  fs.rmSync(root, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  console.error(`[bench] sizes ${options.sizes.join(', ')}; work dir ${root}`);
  prepareApp(appDir, options.build);
  const lexicons = Object.fromEntries(locales.map((l, i) => [l, buildLexicon(l, 1000 + i)])) as Record<Locale, Lexicon>;
  const queries = buildQueries(lexicons);
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, root, appDir, lexicons, queries, options, (s) => (server = s)));
  const largest = results.find((r) => r.articles === 5000) ? results.filter((r) => r.articles === 5000) : results.slice(-1);
  const checks = results.flatMap(checkTargets);
  report(results, checks, options.serverNodeOptions);
  const verdict = largest.flatMap(checkTargets);
  console.log(`\nAt ${largest[0]!.articles} articles: ${verdict.every((c) => c.pass) ? 'all targets PASS' : `FAIL: ${verdict.filter((c) => !c.pass).map((c) => c.name).join(', ')}`}\n`);
  const machine = machineInfo();
  console.log(JSON.stringify({ machine, options: { durationS: options.durationS, serverNodeOptions: options.serverNodeOptions }, queries: { count: queries.length, passes: options.passes }, sizes: results, targets: checks }));
} catch (error) {
  console.error('[bench] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
