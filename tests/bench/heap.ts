import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './server.ts';

/** The heap limit in MB that `npm start` would give the server for this content (scripts/heap-size.mjs). */
export function deployedHeapMb(contentDir: string): number {
  const out = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/heap-size.mjs')], { env: { ...process.env, KB_CONTENT_DIR: contentDir }, encoding: 'utf8' });
  return Number(out.trim());
}
