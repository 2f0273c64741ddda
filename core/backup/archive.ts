import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';

/** What a backup holds, written into it as manifest.json so a restore can check it is whole. */
export interface Manifest {
  format: 'kestrel-backup/1';
  createdAt: string;
  databases: string[];
}

// The parse cache and the search index are rebuilt on start: copying them would only make backups bigger.
const rebuiltDirs = new Set(['cache', 'search']);

/** Every SQLite database in the data directory (paths relative to it), except the rebuilt ones. */
export function findDatabases(dataDir: string, sub = ''): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(dataDir, sub), { withFileTypes: true })) {
    const rel = path.join(sub, entry.name);
    if (entry.isDirectory() && !(sub === '' && rebuiltDirs.has(entry.name))) found.push(...findDatabases(dataDir, rel));
    else if (entry.isFile() && entry.name.endsWith('.sqlite')) found.push(rel);
  }
  return found.sort();
}

function withStaging<T>(run: (staging: string) => Promise<T>, near: string): Promise<T> {
  const staging = fs.mkdtempSync(path.join(near, '.kb-backup-'));
  return run(staging).finally(() => fs.rmSync(staging, { recursive: true, force: true }));
}

/**
 * Writes one gzipped tar file: `data/` with an online backup of each database (consistent while the
 * portal keeps writing), `content/` with the content directory, and `manifest.json`.
 */
export async function createBackup(options: { dataDir: string; contentDir: string; out: string }): Promise<Manifest> {
  const databases = findDatabases(options.dataDir);
  if (databases.length === 0) throw new Error(`no database in ${options.dataDir}`);
  return withStaging(async (staging) => {
    for (const rel of databases) {
      const target = path.join(staging, 'data', rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const db = new Database(path.join(options.dataDir, rel), { readonly: true, fileMustExist: true });
      try {
        await db.backup(target);
      } finally {
        db.close();
      }
    }
    fs.cpSync(options.contentDir, path.join(staging, 'content'), { recursive: true });
    const manifest: Manifest = { format: 'kestrel-backup/1', createdAt: new Date().toISOString(), databases };
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const partial = `${options.out}.partial`;
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true }, ['manifest.json', 'data', 'content']);
    fs.renameSync(partial, options.out);
    return manifest;
  }, os.tmpdir());
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

function readManifest(staging: string): Manifest {
  const file = path.join(staging, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error('not a portal backup: manifest.json is missing');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== 'kestrel-backup/1' || !Array.isArray(manifest.databases)) throw new Error(`not a portal backup this version reads: format ${String(manifest.format)}`);
  return manifest;
}

function checkDatabase(file: string, rel: string): void {
  if (!fs.existsSync(file)) throw new Error(`the backup lacks ${rel}, which its manifest lists`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${rel} failed its integrity check: ${String(result)}`);
  } finally {
    db.close();
  }
}

/**
 * Unpacks a backup, checks every database in it, and only then puts it in place. Refuses a data or
 * content directory that already holds something, unless `force` (which replaces what is there).
 */
export async function restoreBackup(options: { file: string; dataDir: string; contentDir: string; force: boolean }): Promise<Manifest> {
  for (const dir of [options.dataDir, options.contentDir]) {
    if (!options.force && !isEmptyDir(dir)) throw new Error(`${dir} is not empty: restore into an empty directory, or pass --force to replace it`);
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  return withStaging(async (staging) => {
    await tar.x({ file: options.file, cwd: staging, strict: true });
    const manifest = readManifest(staging);
    for (const rel of manifest.databases) checkDatabase(path.join(staging, 'data', rel), rel);
    if (!fs.existsSync(path.join(staging, 'content'))) throw new Error('the backup lacks its content directory');
    for (const dir of [options.dataDir, options.contentDir]) {
      for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir) : []) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
    fs.cpSync(path.join(staging, 'data'), options.dataDir, { recursive: true });
    fs.cpSync(path.join(staging, 'content'), options.contentDir, { recursive: true });
    return manifest;
  }, path.dirname(path.resolve(options.dataDir)));
}
