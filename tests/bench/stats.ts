import os from 'node:os';
export interface Percentiles {
  samples: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentiles of timings in milliseconds. */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { samples: sorted.length, mean: round(mean, 3), p50: round(at(50), 3), p95: round(at(95), 3), p99: round(at(99), 3), max: round(sorted.at(-1) ?? 0, 3) };
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: round(performance.now() - start, 1) };
}

export function megabytes(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

export function ms(x: number): string {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`;
}

/** A plain-text table, columns padded to their widest cell; numbers right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i > 0 && /^[\d.,\s]+(?:ms|s|MB|KB|q\/s)?$|^-$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export { round };

/** The machine a benchmark ran on, for the JSON line every benchmark ends with. */
export function machineInfo() {
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}
