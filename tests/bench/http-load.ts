import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { BenchQuery } from './corpus.ts';
import { cpuMsOf, get, memoryOf } from './server.ts';
import { percentiles, round, type Percentiles } from './stats.ts';

export function searchPath(q: BenchQuery): string {
  return `/api/search?${new URLSearchParams({ q: q.q, locale: q.locale, limit: '10' })}`;
}

/** One client, one request at a time, over a keep-alive connection: the latency one customer sees. */
export async function sequentialLatency(base: string, queries: BenchQuery[], passes: number, pid: number): Promise<Percentiles & { errors: number; serverCpuMsPerRequest: number | null }> {
  let errors = 0;
  // Warm-up: JIT, lazily loaded dictionaries, the first query of each locale.
  for (const q of queries) await get(base + searchPath(q));
  const times: number[] = [];
  const cpuBefore = cpuMsOf(pid);
  for (let pass = 0; pass < passes; pass++) {
    for (const q of queries) {
      const start = performance.now();
      const response = await get(base + searchPath(q));
      times.push(performance.now() - start);
      if (response.status !== 200) errors++;
    }
  }
  const cpuAfter = cpuMsOf(pid);
  const serverCpuMsPerRequest = cpuBefore !== undefined && cpuAfter !== undefined ? round((cpuAfter - cpuBefore) / times.length, 3) : null;
  return { ...percentiles(times), errors, serverCpuMsPerRequest };
}

export interface Throughput {
  connections: number;
  durationS: number;
  requests: number;
  perSecond: number;
  /** Server CPU time per request (all its threads): a cost that does not depend on what else runs. */
  serverCpuMsPerRequest: number | null;
  /** Share of one core the server got during the test (1 = a full core). */
  serverCores: number | null;
  /** Highest VmRSS sampled every 250 ms during the test. */
  maxRssMB: number | null;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
}

/** `connections` clients on keep-alive connections, each sending its next query as soon as it has the answer. */
export async function throughput(base: string, queries: BenchQuery[], connections: number, durationS: number, pid: number): Promise<Throughput> {
  let next = 0;
  const paths = queries.map(searchPath);
  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, memoryOf(pid)?.rssMB ?? 0)), 250);
  const cpuBefore = cpuMsOf(pid);
  const wallBefore = performance.now();
  const result = await autocannon({
    url: base,
    connections,
    duration: durationS,
    // Each request takes the next query of the mix, so the clients together walk through all of it.
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  const cpuAfter = cpuMsOf(pid);
  const wall = performance.now() - wallBefore;
  clearInterval(sampler);
  const requests = result.requests.total;
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  return {
    connections,
    durationS,
    requests,
    perSecond: round(requests / result.duration, 1),
    serverCpuMsPerRequest: cpu !== undefined && requests ? round(cpu / requests, 3) : null,
    serverCores: cpu !== undefined ? round(cpu / wall, 2) : null,
    maxRssMB: maxRss || null,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Edits articles on disk, as an editor or a git pull would (in place and by atomic rename, alternately),
 * and measures how long until a word that exists nowhere else is found through the API. Edits are spaced
 * so each one's index save has finished.
 */
export async function editLatency(
  base: string,
  contentDir: string,
  targets: Array<{ file: string; id: string; locale: string }>,
  timeoutMs = 10_000,
): Promise<{ samples: number[]; p50: number; max: number; timedOut: number }> {
  const samples: number[] = [];
  let timedOut = 0;
  for (const [i, target] of targets.entries()) {
    const word = `zqedit${'abcdefghij'[i % 10]}${Date.now().toString(36).replace(/\d/g, (d) => 'klmnopqrst'[Number(d)]!)}`;
    const file = path.join(contentDir, target.file);
    const source = fs.readFileSync(file, 'utf8');
    const text = `${source}\nThis paragraph was added by the benchmark: ${word}.\n`;
    const start = performance.now();
    // Every other edit replaces the file by a rename, as editors and git write; a watcher can lose such files.
    if (i % 2) {
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.bench.tmp`);
      fs.writeFileSync(temp, text);
      fs.renameSync(temp, file);
    } else fs.writeFileSync(file, text);
    let found = false;
    while (performance.now() - start < timeoutMs) {
      const response = await get(`${base}/api/search?${new URLSearchParams({ q: word, locale: target.locale })}`);
      if (response.status === 200 && (JSON.parse(response.body) as { hits: Array<{ id: string }> }).hits.some((h) => h.id === target.id)) {
        found = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const elapsed = performance.now() - start;
    if (found) samples.push(round(elapsed, 1));
    else timedOut++;
    // Let the debounced index save (1 s after the last change) run before the next edit.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  const stats = percentiles(samples);
  return { samples, p50: stats.p50, max: timedOut ? timeoutMs : stats.max, timedOut };
}
