/**
 * Start-up alone, without HTTP load: `npm run bench:startup [-- --sizes 1000,5000] [--rounds 1]`.
 *
 * For each size: a seeded corpus (tests/bench/corpus.ts), then in fresh processes (startup-run.ts) a first
 * start on an empty data directory and restarts on the data it left, each with the heap `npm start` would
 * give it. Prints wall and CPU time per phase (content, search sync, index save), the files parsed / taken
 * from the cache / taken without reading, peak RSS, the load average, and the growth from the smallest to
 * the largest size. On a shared machine wall time follows the load; CPU time is the figure to compare.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { locales, type Locale } from '@core/i18n/locales.ts';
import { buildLexicon, generateCorpus, type Lexicon } from './corpus.ts';
import { deployedHeapMb } from './heap.ts';
import { repoRoot } from './server.ts';
import { median } from './load.ts';
import { machineInfo, ms, round, table } from './stats.ts';

interface Phase {
  wallMs: number;
  cpuMs: number;
}

interface Run {
  articles: number;
  load: { parsed: number; cached: number; unread: number };
  indexed: number;
  content: Phase;
  search: Phase;
  save: Phase;
  rssMB: number;
  peakRssMB: number | null;
  heapMB: number;
  /** Spawn to exit, module loading included. */
  processWallMs: number;
}

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,5000' }, rounds: { type: 'string', default: '1' } } });
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const rounds = Number(values.rounds);
if (!sizes.every((n) => Number.isInteger(n) && n > 0) || !(Number.isInteger(rounds) && rounds > 0)) throw new Error('--sizes and --rounds take positive whole numbers');

function start(contentDir: string, dataDir: string, heapMb: number): Run {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', path.join(repoRoot, 'tests/bench/startup-run.ts'), contentDir, dataDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.trim().split('\n').at(-1)!;
  return { ...(JSON.parse(line) as Omit<Run, 'processWallMs'>), processWallMs: Math.round(performance.now() - t0) };
}

interface SizeResult {
  size: number;
  heapMb: number;
  first: Run;
  restarts: Run[];
  loadAverage: number[];
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-startup-bench-'));
const results: SizeResult[] = [];
try {
  const lexicons = Object.fromEntries(locales.map((l, i) => [l, buildLexicon(l, 1000 + i)])) as Record<Locale, Lexicon>;
  for (const size of sizes) {
    const say = (msg: string) => console.error(`[startup ${size}] ${msg}`);
    const contentDir = path.join(root, `content-${size}`);
    const dataDir = path.join(root, `data-${size}`);
    say('generating the corpus');
    generateCorpus(contentDir, size, lexicons);
    // Files written this moment are not trusted on their stamp (core/content/disk-stamps.ts); an installed
    // knowledge base was written long before the portal starts.
    const past = new Date(Date.now() - 3_600_000);
    for (const file of fs.readdirSync(contentDir, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(contentDir, file);
      if (fs.statSync(full).isFile()) fs.utimesSync(full, past, past);
    }
    const heapMb = deployedHeapMb(contentDir);
    say(`first start (heap limit ${heapMb} MB)`);
    const first = start(contentDir, dataDir, heapMb);
    const restarts: Run[] = [];
    for (let r = 0; r < rounds; r++) {
      say(`restart ${r + 1}/${rounds}`);
      restarts.push(start(contentDir, dataDir, heapMb));
    }
    results.push({ size, heapMb, first, restarts, loadAverage: os.loadavg().map((x) => round(x, 2)) });
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

const total = (run: Run, key: 'wallMs' | 'cpuMs') => run.content[key] + run.search[key] + run.save[key];
const medianRestart = (r: SizeResult, key: 'wallMs' | 'cpuMs') => median(r.restarts.map((run) => total(run, key)));
const phases = (run: Run) => `${ms(run.content.cpuMs)} / ${ms(run.search.cpuMs)} / ${ms(run.save.cpuMs)}`;
const rows = results.flatMap((r) => [
  [String(r.size), 'first start', ms(total(r.first, 'wallMs')), ms(total(r.first, 'cpuMs')), phases(r.first), `${r.first.load.parsed} / ${r.first.load.cached} / ${r.first.load.unread}`, `${r.first.peakRssMB ?? '-'} MB`, r.loadAverage.join(' ')],
  ...r.restarts.map((run, i) => [String(r.size), `restart ${i + 1}`, ms(total(run, 'wallMs')), ms(total(run, 'cpuMs')), phases(run), `${run.load.parsed} / ${run.load.cached} / ${run.load.unread}`, `${run.peakRssMB ?? '-'} MB`, '']),
]);
console.log(table(['articles', 'start', 'wall', 'CPU', 'CPU content / search / save', 'parsed / cached / unread', 'peak RSS', 'load avg'], rows));
const small = results[0];
const large = results.at(-1);
if (small && large && large !== small) {
  const x = (a: number, b: number) => round(a / b, 2);
  console.log(
    `growth ${large.size}/${small.size} articles (x${round(large.size / small.size, 1)}): first start CPU x${x(total(large.first, 'cpuMs'), total(small.first, 'cpuMs'))}, wall x${x(total(large.first, 'wallMs'), total(small.first, 'wallMs'))}; ` +
      `restart CPU x${x(medianRestart(large, 'cpuMs'), medianRestart(small, 'cpuMs'))}, wall x${x(medianRestart(large, 'wallMs'), medianRestart(small, 'wallMs'))}`,
  );
}
console.log('wall and CPU exclude loading the modules (about 2 s of CPU per process); processWallMs in the JSON includes it');
console.log(JSON.stringify({ bench: 'startup', machine: machineInfo(), results }));
