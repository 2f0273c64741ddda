import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db, type Migration } from '../db/database.ts';
import { locales } from '../i18n/locales.ts';
import { messages } from '../i18n/messages.ts';
import { PIPELINE_REVISION, pipelinePackages, pipelineSourcesSha256 } from '../markdown/pipeline-version.ts';
import type { Rendered } from '../markdown/render.ts';
import { categories } from './categories.ts';
import type { Stamp } from './disk-stamps.ts';
import { productIds } from './products.ts';
import { frontmatterSchema, type Frontmatter } from './schema.ts';

/** What `parseArticle()` returns on success, without the `ok`. */
export interface ParsedParts {
  meta: Frontmatter;
  rendered: Rendered;
}

/** What ContentStore needs from a cache of parse results. Never throws: trouble means a miss. */
export interface ParseCache {
  /** The key for this text: sha256 of the pipeline version and the text. */
  key(source: string): string;
  /** The cached parse, fresh from JSON (so it owns its strings); undefined when absent or damaged. */
  get(key: string, file: string): ParsedParts | undefined;
  /** Keeps a successful parse, given as the JSON text of ParsedParts. */
  put(key: string, json: string): void;
  /** Deletes every entry whose key is not in `keep` (the files just loaded); returns how many. */
  prune(keep: ReadonlySet<string>): number;
  /** The key of the text a file held when it last had this stamp, under this pipeline version; undefined if unknown. */
  keyOf(file: string, stamp: Stamp): string | undefined;
  /** Replaces the remembered stamps with these (file -> stamp and key of its text), so a restart need not read those files. */
  keepStamps(stamps: ReadonlyMap<string, readonly [Stamp, string]>): void;
}

/** The cache is its own database file: derived data, safe to delete at any time (decision 0008). */
export const parseCacheMigrations: Migration[] = [
  {
    id: 'core/cache-001-parsed-articles',
    sql: `CREATE TABLE parsed_articles (
      key TEXT PRIMARY KEY,
      payload TEXT NOT NULL
    )`,
  },
  {
    id: 'core/cache-002-file-stamps',
    sql: `CREATE TABLE file_stamps (
      file TEXT PRIMARY KEY,
      stamp TEXT NOT NULL,
      version TEXT NOT NULL,
      key TEXT NOT NULL
    )`,
  },
];

export function parseCacheFile(dataDir: string): string {
  return path.join(dataDir, 'cache', 'parsed-articles.sqlite');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Finds a package the way Node does, from `fromDir` upwards, without going through its `exports`. */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return path.join(dir, 'node_modules', name);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** name@version of each package and everything it depends on, as installed. Throws if one is missing. */
export function installedPackages(names: readonly string[], fromDir = path.dirname(fileURLToPath(import.meta.url))): string[] {
  const found = new Map<string, string>();
  const visit = (name: string, from: string, required: boolean) => {
    const dir = packageDir(name, from) ?? packageDir(name, process.cwd());
    if (!dir) {
      if (required) throw new Error(`cannot find the installed package ${name}`);
      return;
    }
    if (found.has(dir)) return;
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; dependencies?: Record<string, string> };
    found.set(dir, `${pkg.name ?? name}@${pkg.version ?? '?'}`);
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
  };
  for (const name of names) visit(name, fromDir, true);
  return [...found.values()].sort();
}

/**
 * The version every cache key includes; the rule for what goes into it is in
 * core/markdown/pipeline-version.ts. About 30 ms (it reads ~120 package.json files); once per process.
 */
export function pipelineVersion(): string {
  return sha256(
    JSON.stringify({
      revision: PIPELINE_REVISION,
      sources: pipelineSourcesSha256(),
      packages: installedPackages(pipelinePackages),
      // Regular expressions (slugs, schema checks) follow the engine's Unicode tables.
      unicode: process.versions.unicode,
      data: { locales, categories, productIds, callouts: locales.map((l) => messages(l).callout) },
    }),
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
function isArrayOf(v: unknown, fields: Record<string, (x: unknown) => boolean>): boolean {
  return Array.isArray(v) && v.every((item) => typeof item === 'object' && item !== null && Object.entries(fields).every(([k, check]) => check((item as Record<string, unknown>)[k])));
}

/** A cheap check that a cached value has the shape the store relies on; the frontmatter goes through its schema again. */
function isParsedParts(value: unknown): value is ParsedParts {
  if (typeof value !== 'object' || value === null) return false;
  const { meta, rendered } = value as Record<string, unknown>;
  if (!frontmatterSchema.safeParse(meta).success) return false;
  if (typeof rendered !== 'object' || rendered === null) return false;
  const r = rendered as Record<string, unknown>;
  return (
    isString(r.html) &&
    isArrayOf(r.headings, { depth: isNumber, text: isString, id: isString }) &&
    isArrayOf(r.sections, { anchor: isString, heading: isString, text: isString }) &&
    isArrayOf(r.links, { url: isString, line: isNumber, column: isNumber })
  );
}

/** An error's code or class, never its message: messages can quote the cached text. */
function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}

const damagedCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

type Warn = (message: string) => void;

/** Parse results in SQLite, one row per distinct article text. */
export class SqliteParseCache implements ParseCache {
  private db: Db | undefined;
  private readonly select;
  private readonly upsert;
  private readonly keys;
  private readonly remove;
  private readonly count;
  private readonly stampedKey;
  private readonly clearStamps;
  private readonly addStamp;
  private damagedEntries = 0;

  constructor(db: Db, private readonly file: string, readonly version: string, private readonly warn: Warn = console.warn) {
    this.db = db;
    this.select = db.prepare('SELECT payload FROM parsed_articles WHERE key = ?').pluck();
    this.upsert = db.prepare('INSERT INTO parsed_articles (key, payload) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET payload = excluded.payload');
    this.keys = db.prepare('SELECT key FROM parsed_articles').pluck();
    this.remove = db.prepare('DELETE FROM parsed_articles WHERE key = ?');
    this.count = db.prepare('SELECT count(*) FROM parsed_articles').pluck();
    this.stampedKey = db.prepare('SELECT key FROM file_stamps WHERE file = ? AND stamp = ? AND version = ?').pluck();
    this.clearStamps = db.prepare('DELETE FROM file_stamps');
    this.addStamp = db.prepare('INSERT INTO file_stamps (file, stamp, version, key) VALUES (?, ?, ?, ?)');
  }

  key(source: string): string {
    return createHash('sha256').update(this.version).update('\0').update(source).digest('hex');
  }

  get(key: string, file: string): ParsedParts | undefined {
    const payload = this.guard(() => this.select.get(key) as string | undefined);
    if (payload === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(payload);
    } catch (error) {
      return this.damaged(file, reason(error));
    }
    return isParsedParts(value) ? value : this.damaged(file, 'unexpected shape');
  }

  put(key: string, json: string): void {
    this.guard(() => this.upsert.run(key, json));
  }

  prune(keep: ReadonlySet<string>): number {
    return (
      this.guard(() => {
        const stale = (this.keys.all() as string[]).filter((k) => !keep.has(k));
        this.db?.transaction(() => {
          for (const k of stale) this.remove.run(k);
        })();
        return stale.length;
      }) ?? 0
    );
  }

  keyOf(file: string, stamp: Stamp): string | undefined {
    return this.guard(() => this.stampedKey.get(file, stamp, this.version) as string | undefined);
  }

  keepStamps(stamps: ReadonlyMap<string, readonly [Stamp, string]>): void {
    this.guard(() =>
      this.db?.transaction(() => {
        this.clearStamps.run();
        for (const [file, [stamp, key]] of stamps) this.addStamp.run(file, stamp, this.version, key);
      })(),
    );
  }

  /** Entries stored (0 once the cache has been switched off). */
  size(): number {
    return this.guard(() => this.count.get() as number) ?? 0;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  /** The entry is skipped and parsed again; the store's put then overwrites it. */
  private damaged(file: string, why: string): undefined {
    this.damagedEntries++;
    if (this.damagedEntries <= 3) this.warn(`[content] parse cache: damaged entry for ${file} (${why}), parsing it again${this.damagedEntries === 3 ? '; further ones not reported' : ''}`);
    return undefined;
  }

  /** Runs one database call; on any error the cache switches itself off for this process. */
  private guard<T>(call: () => T): T | undefined {
    if (!this.db) return undefined;
    try {
      return call();
    } catch (error) {
      const why = reason(error);
      this.warn(`[content] parse cache failed (${why}); parsing without it until restart`);
      try {
        this.db.close();
      } catch {
        // already unusable
      }
      this.db = undefined;
      // A damaged file would fail the same way at every start: remove it, the next start builds a new one.
      if (damagedCodes.has(why)) {
        try {
          removeDatabase(this.file);
        } catch {
          // left for the next start's open to deal with
        }
      }
      return undefined;
    }
  }
}

/**
 * Opens (or creates) the cache; a damaged file is replaced by an empty one. Returns undefined, after a
 * one-line warning, when there is no usable cache: the store then parses every file, as without one.
 */
export function openParseCache(file: string, options: { version?: string; warn?: Warn } = {}): SqliteParseCache | undefined {
  const warn = options.warn ?? console.warn;
  let version: string;
  try {
    version = options.version ?? pipelineVersion();
  } catch (error) {
    warn(`[content] parse cache off: cannot tell the pipeline version (${reason(error)})`);
    return undefined;
  }
  const open = () => new SqliteParseCache(openDatabase(file, parseCacheMigrations), file, version, warn);
  try {
    return open();
  } catch (error) {
    if (file === ':memory:' || !damagedCodes.has(reason(error))) {
      warn(`[content] parse cache off (${reason(error)}); parsing every article`);
      return undefined;
    }
    warn(`[content] parse cache damaged (${reason(error)}); starting an empty one`);
  }
  try {
    removeDatabase(file);
    return open();
  } catch (error) {
    warn(`[content] parse cache off (${reason(error)}); parsing every article`);
    return undefined;
  }
}
