import autocannon from 'autocannon';
import { percentiles, round } from './stats.ts';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p95: number;
  p99: number;
  /** Answers with the status the load expects (200 for reads, 201 for intake). */
  ok: number;
  failed: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Either a duration in seconds, or an exact number of requests (every one answered before it returns). */
  durationS?: number;
  amount?: number;
  method?: 'GET' | 'POST';
  /** The next request's path, and for POST its JSON body. */
  next: () => { path: string; body?: string };
  expect?: number;
}

/**
 * autocannon with our own percentiles: it reports p97.5 and p99 but not p95, so every response time is
 * kept. With `amount` autocannon waits for every answer, so in-flight requests are counted, not dropped.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  let ok = 0;
  let failed = 0;
  const expect = options.expect ?? 200;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.durationS ?? 10 }),
        requests: [
          {
            method: options.method ?? 'GET',
            headers: options.method === 'POST' ? { 'content-type': 'application/json' } : {},
            setupRequest: (request) => {
              const { path, body } = options.next();
              return { ...request, path, ...(body === undefined ? {} : { body }) };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status === expect) ok++;
      else failed++;
    });
  });
  const stats = percentiles(times);
  return {
    requests: times.length,
    perSecond: round(times.length / (result.duration || 1), 1),
    p95: round(stats.p95, 1),
    p99: round(stats.p99, 1),
    ok,
    failed: failed + result.errors + result.timeouts,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
