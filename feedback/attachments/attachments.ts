import { createHash } from 'node:crypto';
import type { Db } from '@core/db/database.ts';
import { ActionError } from '@core/staff/actions.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { ComplaintAccess } from '../complaints/access.ts';
import { hashToken, isTokenShape } from '../complaints/tokens.ts';
import { isAttachmentId, newAttachmentId, readAttachmentFile, removeAttachmentFile, writeAttachmentFile } from './files.ts';
import { formatBytes, type AttachmentLimits } from './limits.ts';
import { cleanName } from './names.ts';
import { sniffType, type AttachmentType } from './sniff.ts';
import { AttachmentStore, type Attachment, type AttachmentReader, type AttachmentSource } from './store.ts';

export type { Attachment, AttachmentReader, AttachmentSource } from './store.ts';

export interface IncomingFile {
  filename: string;
  bytes: Uint8Array;
}

/** Why one file was refused: `code` and `limit` let a page say it in the reader's language. */
export interface AttachmentProblem {
  file: string;
  code: 'type' | 'size' | 'count' | 'empty';
  limit?: number;
  message: string;
}

export interface CheckedFile {
  name: string;
  bytes: Uint8Array;
  mediaType: AttachmentType;
  sha256: string;
}

/** A file written to disk whose row is not recorded yet. */
export interface KeptFile {
  attachment: Omit<Attachment, 'complaintId' | 'createdAt'>;
}

export type StoreResult = { ok: true; attachment: Attachment } | { ok: false; field: 'attachments'; message: string; problem: AttachmentProblem };

function problem(file: string, code: AttachmentProblem['code'], limits: AttachmentLimits): AttachmentProblem {
  switch (code) {
    case 'empty':
      return { file, code, message: `“${file}” is empty.` };
    case 'size':
      return { file, code, limit: limits.maxBytes, message: `“${file}” is larger than the limit of ${formatBytes(limits.maxBytes)} per file.` };
    case 'count':
      return { file, code, limit: limits.maxFiles, message: `“${file}” is one file too many: a complaint takes at most ${limits.maxFiles} files.` };
    case 'type':
      return { file, code, message: `“${file}” is not a photo (JPEG, PNG, WebP, HEIC) or a PDF.` };
  }
}

export interface AttachmentDeps {
  db: Db;
  /** DATA_DIR: files go to its attachments/ folder, outside the web root. */
  dataDir: string;
  clock: Clock;
  limits: AttachmentLimits;
}

/**
 * Files sent with complaints (photos of the damage, receipts), whatever the channel. Intake that
 * creates the complaint in the same step checks the files first (`check`), writes them (`keep`), records
 * them inside the complaint's transaction (`record`) and discards them if that fails; adding a file to an
 * existing complaint is `store`. Reads go through a reader whose rights the query applies.
 */
export class Attachments {
  readonly limits: AttachmentLimits;
  private readonly rows: AttachmentStore;

  constructor(private readonly deps: AttachmentDeps) {
    this.limits = deps.limits;
    this.rows = new AttachmentStore(deps.db);
  }

  /** Sniffs each file and applies the limits, `already` being the files the complaint has; writes nothing. */
  async check(files: readonly IncomingFile[], already = 0): Promise<{ ok: true; files: CheckedFile[] } | { ok: false; problems: AttachmentProblem[] }> {
    const problems: AttachmentProblem[] = [];
    const checked: CheckedFile[] = [];
    for (const [i, file] of files.entries()) {
      const name = cleanName(file.filename);
      if (already + i >= this.limits.maxFiles) {
        problems.push(problem(name, 'count', this.limits));
        continue;
      }
      if (file.bytes.byteLength === 0) problems.push(problem(name, 'empty', this.limits));
      else if (file.bytes.byteLength > this.limits.maxBytes) problems.push(problem(name, 'size', this.limits));
      else {
        const mediaType = await sniffType(file.bytes);
        if (!mediaType) problems.push(problem(name, 'type', this.limits));
        else checked.push({ name, bytes: file.bytes, mediaType, sha256: createHash('sha256').update(file.bytes).digest('hex') });
      }
    }
    return problems.length ? { ok: false, problems } : { ok: true, files: checked };
  }

  /** Writes checked files to disk (synced) under new random ids. */
  keep(files: readonly CheckedFile[], source: AttachmentSource): KeptFile[] {
    const kept: KeptFile[] = [];
    try {
      for (const f of files) {
        const id = newAttachmentId();
        writeAttachmentFile(this.deps.dataDir, id, f.bytes);
        kept.push({ attachment: { id, source, mediaType: f.mediaType, size: f.bytes.byteLength, sha256: f.sha256, originalName: f.name } });
      }
    } catch (error) {
      this.discard(kept);
      throw error;
    }
    return kept;
  }

  /** Records kept files for a complaint; call inside the transaction that creates or changes it. */
  record(complaintId: number, kept: readonly KeptFile[], at: string): Attachment[] {
    if (this.rows.count(complaintId) + kept.length > this.limits.maxFiles) {
      throw new ActionError('attachments', `A complaint takes at most ${this.limits.maxFiles} files.`);
    }
    return kept.map((k) => {
      const attachment: Attachment = { ...k.attachment, complaintId, createdAt: at };
      this.rows.insert(attachment);
      return attachment;
    });
  }

  /** Removes files whose rows were never committed. */
  discard(kept: readonly KeptFile[]): void {
    for (const k of kept) removeAttachmentFile(this.deps.dataDir, k.attachment.id);
  }

  /** Adds one file to an existing complaint: on disk and recorded before this returns, or refused. */
  async store(input: { complaintId: number; filename: string; bytes: Uint8Array; source: AttachmentSource }): Promise<StoreResult> {
    const checked = await this.check([input], this.rows.count(input.complaintId));
    if (!checked.ok) return { ok: false, field: 'attachments', message: checked.problems[0]!.message, problem: checked.problems[0]! };
    const kept = this.keep(checked.files, input.source);
    try {
      const [attachment] = this.deps.db.transaction(() => this.record(input.complaintId, kept, this.deps.clock.now().toISOString())).immediate();
      return { ok: true, attachment: attachment! };
    } catch (error) {
      this.discard(kept);
      if (error instanceof ActionError) {
        const refused = problem(checked.files[0]!.name, 'count', this.limits);
        return { ok: false, field: 'attachments', message: refused.message, problem: refused };
      }
      throw error;
    }
  }

  /** Staff see a complaint's files when they see the complaint in full (see ./store.ts). */
  staffReader(access: ComplaintAccess, complaintId: number): AttachmentReader {
    return { kind: 'staff', complaintId, full: access.pii, teams: access.teams };
  }

  /** The tracking-link holder sees their complaint's files; a malformed token sees none. */
  tokenReader(token: string | undefined): AttachmentReader {
    return { kind: 'token', tokenHash: isTokenShape(token) ? hashToken(token) : '' };
  }

  list(reader: AttachmentReader): Attachment[] {
    return this.rows.list(reader);
  }

  /** One file and its bytes, when the reader may see it; undefined otherwise (answer 404). */
  open(reader: AttachmentReader, id: string | undefined): { attachment: Attachment; bytes: Buffer } | undefined {
    if (!isAttachmentId(id)) return undefined;
    const attachment = this.rows.one(reader, id);
    if (!attachment) return undefined;
    return { attachment, bytes: readAttachmentFile(this.deps.dataDir, id) };
  }

  /** Erases a complaint's files and their rows (the customer's erasure request); returns how many. */
  erase(complaintId: number): number {
    return eraseAttachments(this.deps.db, this.deps.dataDir, complaintId);
  }
}

/** `Attachments.store` for callers without the room's services (mail intake, scripts). */
export function storeAttachment(
  db: Db,
  dataDir: string,
  input: { complaintId: number; filename: string; bytes: Uint8Array; source: AttachmentSource },
  limits: AttachmentLimits,
  clock: Clock = systemClock,
): Promise<StoreResult> {
  return new Attachments({ db, dataDir, clock, limits }).store(input);
}

/** Deletes a complaint's attachment rows, then their files; safe to call twice. */
export function eraseAttachments(db: Db, dataDir: string, complaintId: number): number {
  const store = new AttachmentStore(db);
  const gone = db.transaction(() => {
    const rows = store.ofComplaint(complaintId);
    store.removeAll(complaintId);
    return rows;
  })();
  for (const a of gone) removeAttachmentFile(dataDir, a.id);
  return gone.length;
}
