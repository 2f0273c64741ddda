import fs from 'node:fs';
import path from 'node:path';
import { isArticlePath } from './load-file.ts';

/**
 * What tells a file's state without reading it, as git and build tools tell it: size, modification and
 * change times (nanoseconds where the disk has them) and inode. The change time catches a write that put
 * the old modification time back; the inode, a file replaced by a rename.
 */
export type Stamp = string;

export function stampOf(stats: fs.BigIntStats): Stamp {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`;
}

/**
 * Files written this recently may be written again within the same tick of the file system's clock,
 * keeping their stamp with other text ("racily clean" in git's words); their stamps are not trusted.
 */
const racyWindowNs = 2_000_000_000n;

/** True when the stamp's modification time is far enough in the past to tell any later write apart. */
export function settled(stamp: Stamp, nowMs = Date.now()): boolean {
  const mtimeNs = BigInt(stamp.split(':')[1] ?? '0');
  return BigInt(Math.floor(nowMs)) * 1_000_000n - mtimeNs > racyWindowNs;
}

/**
 * Every article file under `root` with its stamp, by path relative to the root (POSIX separators).
 * Asynchronous and a folder at a time, so a scan of 20,000 files leaves requests served in between.
 */
export async function scanStamps(root: string): Promise<Map<string, Stamp>> {
  const out = new Map<string, Stamp>();
  const visit = async (rel: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile() && isArticlePath(child)) files.push(child);
    }
    await Promise.all(
      files.map(async (file) => {
        try {
          out.set(file, stampOf(await fs.promises.stat(path.join(root, file), { bigint: true })));
        } catch {
          // gone between listing and stat: absent, like a file never there
        }
      }),
    );
  };
  await visit('');
  return out;
}
