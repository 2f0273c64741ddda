import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AtomicWriteHooks {
  /** Runs after the temporary file is complete and synced, before it replaces the target (tests simulate crashes here). */
  beforeRename?: (tempFile: string) => void;
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Replaces `file` with `text` so that a crash at any moment leaves either the old or the new file:
 * write a temporary file in the same directory (same file system), fsync it, rename it over the target,
 * fsync the directory. The temporary name starts with a dot, so the content watcher ignores it.
 */
export function writeFileAtomic(file: string, text: string, hooks: AtomicWriteHooks = {}): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    try {
      fs.writeFileSync(fd, text, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    hooks.beforeRename?.(temp);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/** Removes a file and makes the removal durable. */
export function removeFileDurably(file: string): void {
  fs.rmSync(file, { force: true });
  syncDirectory(path.dirname(file));
}
