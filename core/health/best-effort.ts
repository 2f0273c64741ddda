import { logEvent } from '../log/log.ts';

/** A best-effort write that failed and has not succeeded since. */
export interface FailedWrite {
  write: string;
  cause: string;
  since: string;
  failures: number;
}

const failing = new Map<string, FailedWrite>();

function causeOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? `${e.code}: ` : '';
  return `${code}${typeof e?.message === 'string' ? e.message : String(error)}`;
}

/**
 * Runs a write that a read merely accompanies (view counters, search analytics): when it throws (full
 * disk, read-only or locked database) the read goes on with `fallback`, the failure is logged once per
 * cause and reported by /readyz until the write succeeds again.
 */
export function bestEffort<T>(write: string, run: () => T, fallback: T): T {
  try {
    const value = run();
    if (failing.delete(write)) logEvent('info', 'write.recovered', { write });
    return value;
  } catch (error) {
    const cause = causeOf(error);
    const known = failing.get(write);
    if (known?.cause === cause) known.failures++;
    else {
      failing.set(write, { write, cause, since: new Date().toISOString(), failures: 1 });
      logEvent('warn', 'write.failed', { write, cause });
    }
    return fallback;
  }
}

/** Best-effort writes failing right now, for /readyz. */
export function failedWrites(): FailedWrite[] {
  return [...failing.values()].map((f) => ({ ...f }));
}
