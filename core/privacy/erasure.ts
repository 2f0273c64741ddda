import type { Db } from '../db/database.ts';

/** One complaint as it was before erasure: what the steps look for in every other place. */
export interface SubjectComplaint {
  id: number;
  reference: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  orderNumber: string | null;
  subject: string;
  description: string;
}

/**
 * Whose personal data an erasure removes: the complaints, the customer records cleared with them (none
 * when retention erases some complaints of a customer who has others), and every name, email address and
 * phone number they were known by, read before any step runs so the order of the steps does not matter.
 */
export interface ErasureSubject {
  complaints: SubjectComplaint[];
  customerIds: number[];
  names: string[];
  emails: string[];
  phones: string[];
}

/** What every step gets: the open transaction's database, whose data to remove, and how to clean text. */
export interface ErasureContext {
  db: Db;
  subject: ErasureSubject;
  /** When the erasure runs (ISO). */
  at: string;
  /** The data directory, for steps that remove files. */
  dataDir: string | undefined;
  /** Free text with the subject's personal data (and any other found) replaced by `erasedMark`. */
  scrub(text: string): string;
  /** A stored JSON text with `scrub` applied to every string in it. */
  scrubJson(json: string): string;
  /** Removes a file once the transaction has committed (a rolled-back erasure keeps it). */
  removeFileAfterCommit(file: string): void;
}

/**
 * One place personal data lives. `erase` runs inside the erasure's transaction and returns how many rows
 * (or files) it changed, which the audit entry records instead of the data. A step for a table of the complaint room is one line in
 * feedback/privacy/steps.ts; other rooms' steps are handed in by the composition root (site/lib/app.ts).
 */
export interface ErasureStep {
  place: string;
  erase(context: ErasureContext): number;
}

/** What erased personal data is replaced with in text. */
export const erasedMark = '[removed]';
