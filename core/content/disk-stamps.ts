import fs from 'node:fs';
import path from 'node:path';
import { isArticlePath } from './load-file.ts';

/** What tells a file's state without reading it: size and modification time (nanoseconds where the disk has them). */
export type Stamp = string;

export function stampOf(stats: fs.BigIntStats): Stamp {
  return `${stats.size}:${stats.mtimeNs}`;
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
