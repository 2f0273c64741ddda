import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { failedWrites } from './best-effort.ts';

/** One part of the portal as /readyz reports it: `ok`, or `degraded` with the causes. */
export interface CheckResult {
  status: 'ok' | 'degraded';
  causes: string[];
  [detail: string]: unknown;
}

function result(causes: string[], details: Record<string, unknown> = {}): CheckResult {
  return { status: causes.length ? 'degraded' : 'ok', causes, ...details };
}

function message(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  return `${typeof e?.code === 'string' ? `${e.code}: ` : ''}${typeof e?.message === 'string' ? e.message : String(error)}`;
}

/** Below this much free space in DATA_DIR the portal reports the disk as degraded before writes fail. */
export const minFreeDiskBytes = 64 * 1024 * 1024;

/** Free space in the data directory and whether a file can be written and synced there right now. */
export function diskCheck(dataDir: string): CheckResult {
  const causes: string[] = [];
  let freeBytes: number | undefined;
  try {
    const stats = fs.statfsSync(dataDir);
    freeBytes = stats.bavail * stats.bsize;
    if (freeBytes < minFreeDiskBytes) causes.push(`only ${freeBytes} bytes free in the data directory`);
  } catch (error) {
    causes.push(`cannot read the data directory's free space (${message(error)})`);
  }
  const probe = path.join(dataDir, `.readyz-${process.pid}`);
  try {
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, Buffer.alloc(4096));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    causes.push(`cannot write to the data directory (${message(error)})`);
  } finally {
    fs.rmSync(probe, { force: true });
  }
  return result(causes, { freeBytes });
}

/** The database answers, and the best-effort writes (view counts, search analytics) are not failing. */
export function databaseCheck(db: Db): CheckResult {
  const causes: string[] = [];
  let answers = true;
  try {
    db.prepare('SELECT 1').get();
  } catch (error) {
    answers = false;
    causes.push(`the database does not answer (${message(error)})`);
  }
  const failing = failedWrites();
  for (const f of failing) causes.push(`${f.write}: ${f.failures} write${f.failures === 1 ? '' : 's'} failed since ${f.since} (${f.cause})`);
  return result(causes, { answers, failingWrites: failing.map((f) => f.write) });
}

/** Search answers a count of its documents. */
export async function searchCheck(engine: { name: string; count(): Promise<number> }): Promise<CheckResult> {
  try {
    return result([], { engine: engine.name, documents: await engine.count() });
  } catch (error) {
    return result([`the ${engine.name} engine does not answer (${message(error)})`], { engine: engine.name });
  }
}
