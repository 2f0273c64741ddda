import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Attachments live in their own folder of the data directory, outside anything the web server serves. */
export function attachmentDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

/** 128 random bits: the file's name on disk and its id in links. */
export function newAttachmentId(): string {
  return randomBytes(16).toString('base64url');
}

export function isAttachmentId(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
}

function fileOf(dataDir: string, id: string): string {
  if (!isAttachmentId(id)) throw new Error('not an attachment id');
  return path.join(attachmentDir(dataDir), id);
}

/** Writes the bytes under a temporary name, syncs, then renames: a file that exists is complete. */
export function writeAttachmentFile(dataDir: string, id: string, bytes: Uint8Array): void {
  const dir = attachmentDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = fileOf(dataDir, id);
  const temp = `${target}.part`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
}

export function readAttachmentFile(dataDir: string, id: string): Buffer {
  return fs.readFileSync(fileOf(dataDir, id));
}

export function removeAttachmentFile(dataDir: string, id: string): void {
  fs.rmSync(fileOf(dataDir, id), { force: true });
}

/** A data directory of its own for a portal built without one (tests); created on first write. */
export function temporaryDataDir(): string {
  return path.join(os.tmpdir(), `kb-data-${randomBytes(6).toString('hex')}`);
}
