import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';

/** References read C-<year>-<six digits>, counted per year: C-2026-000123. */
export function formatReference(year: number, n: number): string {
  return `C-${year}-${String(n).padStart(6, '0')}`;
}

export const referencePattern = /^C-(\d{4})-(\d{6,})$/;

/** Hands out the next number of the year; call inside the transaction that writes the complaint. */
export class ReferenceCounter {
  private readonly next: Statement;

  constructor(db: Db) {
    this.next = db.prepare('INSERT INTO complaint_sequences (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last').pluck();
  }

  take(at: Date): string {
    const year = at.getUTCFullYear();
    return formatReference(year, this.next.get(year) as number);
  }
}
