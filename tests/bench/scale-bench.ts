/**
 * The portal at 1,000 / 5,000 / 20,000 articles against bare peers in the same run:
 * `npm run bench:scale [-- --sizes 1000,5000,20000] [--duration 10] [--rounds 2] [--connections 20] [--skip-build]`.
 *
 * For each size: a seeded corpus (tests/bench/corpus.ts), the portal's first start (empty data directory)
 * and restart, then three loads driven alternately against the portal and its peer (portal, peer, portal,
 * peer...), each figure the median over the rounds:
 * - article pages: the portal against a static file server holding the same pages, saved from the portal;
 * - search: the portal's /api/search against FTS5 BM25 over the same published public articles;
 * - intake: POST /api/complaints against a server doing one insert per request with the same durability
 *   (WAL, synchronous=NORMAL); an exact number of requests, so every answer is counted and rows are
 *   compared with acknowledgements.
 * Then edit-to-searchable on the running portal. Prints a table of ratios (portal / peer) with the load
 * average, and one JSON line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs as parseCli } from 'node:util';
import Database from 'better-sqlite3';
import { locales, type Locale } from '@core/i18n/locales.ts';
import { freePort } from '../free-port.ts';
import { buildLexicon, buildQueries, generateCorpus, type Lexicon } from './corpus.ts';
import { complaintTemplates } from './complaint-templates.ts';
import { buildFtsIndex } from './fts5-corpus.ts';
import { deployedHeapMb } from './heap.ts';
import { editLatency } from './http-load.ts';
import { load, median, type LoadResult } from './load.ts';
import { closeConnections, get, memoryOf, prepareApp, repoRoot, startServer, type RunningServer } from './server.ts';
import { machineInfo, ms, round, table } from './stats.ts';

interface Options {
  sizes: number[];
  durationS: number;
  rounds: number;
  connections: number;
  build: boolean;
  /** Fixed heap limit; undefined: derived from each corpus as `npm start` derives it. */
  heapMb: number | undefined;
}

function parseArgs(argv: string[]): Options {
  const { values } = parseCli({
    args: argv,
    strict: true,
    options: {
      sizes: { type: 'string', default: '1000,5000,20000' },
      duration: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
      connections: { type: 'string', default: '20' },
      'heap-mb': { type: 'string', default: process.env.KB_HEAP_MB },
      'skip-build': { type: 'boolean', default: false },
    },
  });
  const options: Options = {
    sizes: values.sizes.split(',').map((s) => Number(s.trim())),
    durationS: Number(values.duration),
    rounds: Number(values.rounds),
    connections: Number(values.connections),
    heapMb: values['heap-mb'] === undefined ? undefined : Number(values['heap-mb']),
    build: !values['skip-build'],
  };
  for (const [name, value] of Object.entries({ ...options, sizes: Math.min(...options.sizes) })) {
    if (typeof value === 'number' && !(value > 0 && Number.isInteger(value))) throw new Error(`--${name} must be a positive whole number`);
  }
  return options;
}

interface Peer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function startPeer(kind: 'static' | 'fts5' | 'insert', target: string): Promise<Peer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/bench/peer-server.ts'), kind, String(port), target], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`${kind} peer exited (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: async () => void (child.kill('SIGTERM'), await exited) };
}

interface Pair {
  portal: LoadResult[];
  peer: LoadResult[];
}

/** The same load against both, alternating, so both see the same machine over the same minutes. */
async function alternate(rounds: number, run: (target: 'portal' | 'peer') => Promise<LoadResult>): Promise<Pair> {
  const pair: Pair = { portal: [], peer: [] };
  for (let r = 0; r < rounds; r++) {
    pair.portal.push(await run('portal'));
    pair.peer.push(await run('peer'));
  }
  return pair;
}

let sent = 0;
function complaintBody(): string {
  const t = complaintTemplates[sent % complaintTemplates.length]!;
  sent++;
  return JSON.stringify({ ...t, subject: `${t.subject} #${sent}`, email: `scale${sent}@example.com`, consent: true, idempotencyKey: `scale-${process.pid}-${sent}` });
}

function countRows(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM complaints').pluck().get() as number;
  } finally {
    db.close();
  }
}

interface SizeResult {
  size: number;
  heapMb: number;
  firstStartMs: number;
  restartMs: number;
  rssAfterFirstStartMB: number | null;
  rssUnderLoadMB: number | null;
  pages: Pair;
  search: Pair;
  intake: Pair & { portalRowsMatch: boolean; peerRowsMatch: boolean };
  editMaxMs: number;
  editTimedOut: number;
  loadAverage: number[];
}

async function benchSize(size: number, root: string, appDir: string, lexicons: Record<Locale, Lexicon>, options: Options): Promise<SizeResult> {
  const say = (msg: string) => console.error(`[scale ${size}] ${msg}`);
  const contentDir = path.join(root, `content-${size}`);
  const dataDir = path.join(root, `data-${size}`);
  say('generating the corpus');
  const corpus = generateCorpus(contentDir, size, lexicons);
  const published = corpus.articles.filter((a) => a.published);
  const publicArticles = published.filter((a) => a.audience === 'public');
  const heapMb = options.heapMb ?? deployedHeapMb(contentDir);
  say(`heap limit ${heapMb} MB`);
  const nodeOptions = `--max-old-space-size=${heapMb}`;
  // A loaded machine can take many minutes for a first start at 20,000 articles: the limit grows with the size.
  const timeoutMs = Math.max(600_000, size * 150);

  say('first start (empty data directory)');
  const first = await startServer({ appDir, contentDir, dataDir, expectedDocuments: published.length, nodeOptions, timeoutMs });
  const rssAfterFirstStartMB = memoryOf(first.pid)?.peakMB ?? null;
  await first.stop();
  say(`first start ${ms(first.readyMs)}; restart`);
  const server: RunningServer = await startServer({ appDir, contentDir, dataDir, expectedDocuments: published.length, nodeOptions, timeoutMs });
  const peers: Peer[] = [];
  try {
    const pagePaths = publicArticles.slice(0, 300).map((a) => `/${a.locale}/articles/${a.id.slice(a.locale.length + 1)}`);
    const staticDir = path.join(root, `static-${size}`);
    say(`saving ${pagePaths.length} article pages for the static peer`);
    for (const p of pagePaths) {
      const page = await get(server.url + p);
      if (page.status !== 200) throw new Error(`${p} answered ${page.status}`);
      fs.mkdirSync(path.join(staticDir, p), { recursive: true });
      fs.writeFileSync(path.join(staticDir, p, 'index.html'), page.body);
    }
    say('indexing the same articles in FTS5');
    const ftsFile = path.join(root, `fts-${size}.sqlite`);
    buildFtsIndex(contentDir, ftsFile, publicArticles);
    const insertFile = path.join(root, `insert-${size}.sqlite`);
    const [staticPeer, ftsPeer, insertPeer] = await Promise.all([startPeer('static', staticDir), startPeer('fts5', ftsFile), startPeer('insert', insertFile)]);
    peers.push(staticPeer, ftsPeer, insertPeer);

    const queries = buildQueries(lexicons);
    let page = 0;
    let query = 0;
    const nextPage = () => ({ path: pagePaths[page++ % pagePaths.length]! });
    const searchParams = () => {
      const q = queries[query++ % queries.length]!;
      return new URLSearchParams({ q: q.q, locale: q.locale, limit: '10' });
    };
    const base = { connections: options.connections, durationS: options.durationS };

    say('warming up');
    await load({ ...base, durationS: 2, url: server.url, next: nextPage });
    await load({ ...base, durationS: 2, url: server.url, next: () => ({ path: `/api/search?${searchParams()}` }) });
    say('article pages: portal / static file server');
    const pages = await alternate(options.rounds, (t) => load({ ...base, url: t === 'portal' ? server.url : staticPeer.url, next: nextPage }));
    say('search: portal / FTS5');
    const search = await alternate(options.rounds, (t) =>
      load({ ...base, url: t === 'portal' ? server.url : ftsPeer.url, next: () => ({ path: `${t === 'portal' ? '/api/search' : '/search'}?${searchParams()}` }) }),
    );
    const rssUnderLoadMB = memoryOf(server.pid)?.peakMB ?? null;

    say('intake: portal / one-insert server');
    const portalDb = path.join(dataDir, 'kb.sqlite');
    // A fixed number of requests per run, sized from a probe that is itself a fixed number of requests: a
    // timed probe ended with requests in flight that the server completed after the rows were counted.
    const probe = await load({ ...base, amount: options.connections * 10, method: 'POST', expect: 201, url: server.url, next: () => ({ path: '/api/complaints', body: complaintBody() }) });
    const portalBefore = countRows(portalDb);
    const acked = { portal: 0, peer: 0 };
    const amount = Math.max(options.connections * 20, Math.round(probe.perSecond * options.durationS));
    const intake = await alternate(options.rounds, async (t) => {
      const result = await load({ ...base, amount, method: 'POST', expect: 201, url: t === 'portal' ? server.url : insertPeer.url, next: () => ({ path: '/api/complaints', body: complaintBody() }) });
      acked[t] += result.ok;
      return result;
    });
    const portalRows = countRows(portalDb) - portalBefore;
    const peerRows = countRows(insertFile);

    say('edit to searchable');
    const targets = locales.map((locale) => publicArticles.find((a) => a.locale === locale)!).filter(Boolean);
    // Twice over, so each article is edited both in place and by an atomic rename (and edited again after it).
    const edit = await editLatency(server.url, contentDir, [...targets, ...targets]);
    return {
      size,
      heapMb,
      firstStartMs: round(first.readyMs, 0),
      restartMs: round(server.readyMs, 0),
      rssAfterFirstStartMB,
      rssUnderLoadMB,
      pages,
      search,
      intake: { ...intake, portalRowsMatch: portalRows === acked.portal, peerRowsMatch: peerRows === acked.peer },
      editMaxMs: round(edit.max, 0),
      editTimedOut: edit.timedOut,
      loadAverage: os.loadavg().map((x) => round(x, 2)),
    };
  } finally {
    await Promise.all(peers.map((p) => p.stop()));
    await server.stop();
  }
}

const ratio = (a: number, b: number) => (b ? round(a / b, 3) : 0);
const med = (results: LoadResult[], key: 'perSecond' | 'p95' | 'p99') => round(median(results.map((r) => r[key])), 1);

function report(results: SizeResult[]): void {
  const rows = results.map((r) => [
    String(r.size),
    ms(r.firstStartMs),
    ms(r.restartMs),
    `${r.rssAfterFirstStartMB ?? '-'} / ${r.rssUnderLoadMB ?? '-'} MB (heap limit ${r.heapMb})`,
    `${med(r.pages.portal, 'perSecond')} / ${med(r.pages.peer, 'perSecond')} = ${ratio(med(r.pages.portal, 'perSecond'), med(r.pages.peer, 'perSecond'))}x`,
    `${med(r.search.portal, 'p95')} / ${med(r.search.peer, 'p95')} ms = ${ratio(med(r.search.portal, 'p95'), med(r.search.peer, 'p95'))}x`,
    `${ratio(med(r.search.portal, 'perSecond'), med(r.search.peer, 'perSecond'))}x`,
    `${med(r.intake.portal, 'perSecond')} / ${med(r.intake.peer, 'perSecond')} = ${ratio(med(r.intake.portal, 'perSecond'), med(r.intake.peer, 'perSecond'))}x`,
    `${med(r.intake.portal, 'p99')} ms`,
    `${r.intake.portalRowsMatch && r.intake.peerRowsMatch ? 'yes' : 'NO'}`,
    `${r.editTimedOut ? `${r.editTimedOut} missed` : `${r.editMaxMs} ms`}`,
    r.loadAverage.join(' '),
  ]);
  console.log(
    table(
      ['articles', 'first start', 'restart', 'peak RSS start / load', 'pages req/s portal / static', 'search p95 portal / FTS5', 'search req/s ratio', 'intake req/s portal / insert', 'intake p99', 'rows = acks', 'edit -> searchable (max)', 'load avg'],
      rows,
    ),
  );
  const small = results[0];
  const large = results.at(-1);
  if (small && large && large !== small) {
    console.log(`growth ${large.size}/${small.size} articles (x${round(large.size / small.size, 1)}): first start x${ratio(large.firstStartMs, small.firstStartMs)}, restart x${ratio(large.restartMs, small.restartMs)}`);
  }
  console.log('targets: pages >= 0.25x static; search p95 <= 1.0x and req/s >= 1.0x FTS5 at 5,000 and 20,000; intake >= 0.25x, p99 <= 50 ms, rows = acks; edit -> searchable <= 1 s');
  console.log(JSON.stringify({ bench: 'scale', machine: machineInfo(), results }));
}

const options = parseArgs(process.argv.slice(2));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-scale-bench-'));
try {
  const appDir = path.join(root, 'app');
  console.error(`Building and copying the portal${options.build ? '' : ' (skipping the build)'}...`);
  prepareApp(appDir, options.build);
  // The benchmark's configuration: per-address intake limit raised (one client sends the load); the watcher stays on.
  process.env.COMPLAINT_RATE_LIMIT = '1000000';
  const lexicons = Object.fromEntries(locales.map((l, i) => [l, buildLexicon(l, 1000 + i)])) as Record<Locale, Lexicon>;
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, root, appDir, lexicons, options));
  report(results);
} finally {
  closeConnections();
  fs.rmSync(root, { recursive: true, force: true });
}
