import fs from 'node:fs';
import type { Db } from '@core/db/database.ts';
import { erasedMark, type ErasureContext, type ErasureStep, type ErasureSubject } from '@core/privacy/erasure.ts';
import { erasePersonalText } from '../complaints/masking.ts';

/** How many rows (or files) each place changed: what the audit entry and the log record, never the data. */
export type ErasureCounts = Record<string, number>;

export interface Erased {
  counts: ErasureCounts;
  /** Files to remove once the transaction has committed; `Eraser.finish` does it. */
  files: string[];
}

function scrubJsonWith(scrub: (text: string) => string): (json: string) => string {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return (json) => {
    try {
      return JSON.stringify(walk(JSON.parse(json)));
    } catch {
      return scrub(json);
    }
  };
}

/**
 * Runs the erasure steps for one subject. `erase` runs inside the caller's transaction (with its audit
 * entry and whatever else the caller changes); `finish` runs after the commit. SQLite keeps old row
 * images in free space and in the write-ahead log: the connection zeroes freed space (`secure_delete`)
 * and `finish` checkpoints and truncates the log, so the erased values are gone from the files too.
 */
export class Eraser {
  constructor(
    private readonly db: Db,
    private readonly steps: readonly ErasureStep[],
    private readonly dataDir: string | undefined,
    private readonly afterErasure: () => void,
  ) {
    db.pragma('secure_delete = ON');
  }

  erase(subject: ErasureSubject, at: string): Erased {
    const literals = [...subject.emails, ...subject.phones, ...subject.complaints.map((c) => c.orderNumber ?? '')].filter((l) => l.trim().length > 3);
    const scrub = (text: string) => erasePersonalText(text, subject.names, literals, erasedMark);
    const files: string[] = [];
    const context: ErasureContext = {
      db: this.db,
      subject,
      at,
      dataDir: this.dataDir,
      scrub,
      scrubJson: scrubJsonWith(scrub),
      removeFileAfterCommit: (file) => files.push(file),
    };
    const counts: ErasureCounts = {};
    for (const step of this.steps) counts[step.place] = (counts[step.place] ?? 0) + step.erase(context);
    return { counts, files };
  }

  finish(erased: Erased): void {
    for (const file of erased.files) fs.rmSync(file, { force: true });
    this.afterErasure();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
