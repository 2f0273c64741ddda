import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@core/content/article.ts';
import { parseArticle } from '@core/content/parse-article.ts';
import { openParseCache, type SqliteParseCache } from '@core/content/parse-cache.ts';
import { ContentStore } from '@core/content/store.ts';

// Counts the real pipeline's calls: the store reaches it only through this module.
vi.mock('@core/content/parse-article.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('@core/content/parse-article.ts')>();
  return { ...original, parseArticle: vi.fn(original.parseArticle) };
});
const parses = vi.mocked(parseArticle);

const fixtures = path.resolve(import.meta.dirname, '../fixtures/content');
/** The fixtures hold 4 good articles and 2 files with problems; failures are never cached. */
const goodFiles = 4;
const badFiles = 2;

const temps: string[] = [];
const caches: SqliteParseCache[] = [];
const stores: ContentStore[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-parse-cache-'));
  temps.push(dir);
  return dir;
}

function setup(): { content: string; cacheFile: string } {
  const dir = tempDir();
  const content = path.join(dir, 'content');
  fs.cpSync(fixtures, content, { recursive: true });
  return { content, cacheFile: path.join(dir, 'data', 'cache', 'parsed-articles.sqlite') };
}

function open(cacheFile: string, options: { version?: string; warnings?: string[] } = {}): SqliteParseCache {
  const cache = openParseCache(cacheFile, { version: options.version, warn: (m) => options.warnings?.push(m) });
  if (!cache) throw new Error('cache did not open');
  caches.push(cache);
  return cache;
}

function load(content: string, cache?: SqliteParseCache): ContentStore {
  parses.mockClear();
  const store = new ContentStore(content, { cache }).loadAll();
  stores.push(store);
  return store;
}

function byId(store: ContentStore): Article[] {
  return store.all().sort((a, b) => a.id.localeCompare(b.id));
}

/** A store that parses everything, for comparison. */
function fresh(content: string): ContentStore {
  const store = new ContentStore(content).loadAll();
  stores.push(store);
  return store;
}

describe('parse cache', () => {
  beforeEach(() => {
    parses.mockClear();
  });
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
    for (const c of caches.splice(0)) c.close();
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('parses only the files without an entry on the second load, and serves the same articles', () => {
    const { content, cacheFile } = setup();
    const first = open(cacheFile);
    const one = load(content, first);
    expect(parses).toHaveBeenCalledTimes(goodFiles + badFiles);
    expect(first.size()).toBe(goodFiles);
    first.close();

    const two = load(content, open(cacheFile));
    expect(parses).toHaveBeenCalledTimes(badFiles);
    expect(two.lastLoad).toMatchObject({ parsed: badFiles, cached: goodFiles, pruned: 0 });
    const reference = fresh(content);
    expect(byId(two)).toEqual(byId(reference));
    expect(byId(two)).toEqual(byId(one));
    expect([...two.problems].sort()).toEqual([...reference.problems].sort());
  });

  it('parses an edited file again and prunes the entry of its old text', () => {
    const { content, cacheFile } = setup();
    load(content, open(cacheFile));
    const file = path.join(content, 'en/faq/good-article.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('How long is the warranty?', 'Warranty length'));

    const cache = open(cacheFile);
    const store = load(content, cache);
    expect(parses).toHaveBeenCalledTimes(badFiles + 1);
    expect(parses.mock.calls.some(([source]) => source.includes('Warranty length'))).toBe(true);
    expect(store.get('en', 'good-article', { kind: 'staff' })?.meta.title).toBe('Warranty length');
    expect(store.lastLoad?.pruned).toBe(1);
    expect(cache.size()).toBe(goodFiles);
  });

  it('parses everything again when the pipeline version changes, and drops the old entries', () => {
    const { content, cacheFile } = setup();
    load(content, open(cacheFile, { version: 'pipeline-a' }));
    load(content, open(cacheFile, { version: 'pipeline-a' }));
    expect(parses).toHaveBeenCalledTimes(badFiles);

    const cache = open(cacheFile, { version: 'pipeline-b' });
    const store = load(content, cache);
    expect(parses).toHaveBeenCalledTimes(goodFiles + badFiles);
    expect(store.lastLoad?.pruned).toBe(goodFiles);
    expect(cache.size()).toBe(goodFiles);
    expect(byId(store)).toEqual(byId(fresh(content)));
  });

  it('parses a damaged entry again, says so in one line, and repairs the entry', () => {
    const { content, cacheFile } = setup();
    open(cacheFile).close();
    load(content, open(cacheFile));
    const db = new Database(cacheFile);
    const [truncated, misshapen] = db.prepare('SELECT key FROM parsed_articles ORDER BY key LIMIT 2').pluck().all() as string[];
    db.prepare('UPDATE parsed_articles SET payload = substr(payload, 1, 40) WHERE key = ?').run(truncated);
    db.prepare(`UPDATE parsed_articles SET payload = '{"meta":{"title":"x"},"rendered":{"html":1}}' WHERE key = ?`).run(misshapen);
    db.close();

    const warnings: string[] = [];
    const store = load(content, open(cacheFile, { warnings }));
    expect(parses).toHaveBeenCalledTimes(badFiles + 2);
    expect(byId(store)).toEqual(byId(fresh(content)));
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).toMatch(/^\[content\] parse cache: damaged entry for (en|es)\/faq\/[a-z-]+\.mdx \((SyntaxError|unexpected shape)\), parsing it again$/);

    load(content, open(cacheFile));
    expect(parses).toHaveBeenCalledTimes(badFiles);
  });

  it('replaces a cache file that is not a database with an empty one', () => {
    const { content, cacheFile } = setup();
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, 'this is not a database '.repeat(400));
    const warnings: string[] = [];
    const cache = open(cacheFile, { warnings });
    expect(warnings).toEqual(['[content] parse cache damaged (SQLITE_NOTADB); starting an empty one']);
    const store = load(content, cache);
    expect(store.all()).toHaveLength(goodFiles);
    expect(cache.size()).toBe(goodFiles);
  });

  it('keeps loading by parsing when the cache database fails under it', () => {
    const { content, cacheFile } = setup();
    load(content, open(cacheFile));
    const warnings: string[] = [];
    const cache = open(cacheFile, { warnings });
    const other = new Database(cacheFile);
    other.exec('DROP TABLE parsed_articles');
    other.close();

    const store = load(content, cache);
    expect(parses).toHaveBeenCalledTimes(goodFiles + badFiles);
    expect(byId(store)).toEqual(byId(fresh(content)));
    expect(warnings).toEqual(['[content] parse cache failed (SQLITE_ERROR); parsing without it until restart']);
    expect(cache.size()).toBe(0);
  });

  it('starts without a cache when the cache file cannot be opened', () => {
    const { content } = setup();
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const warnings: string[] = [];
    expect(openParseCache(path.join(blocker, 'cache.sqlite'), { warn: (m) => warnings.push(m) })).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[content\] parse cache off \(E[A-Z]+\); parsing every article$/);
    expect(load(content, undefined).all()).toHaveLength(goodFiles);
  });

  it('prunes the entries of removed files', () => {
    const { content, cacheFile } = setup();
    load(content, open(cacheFile));
    fs.rmSync(path.join(content, 'en/faq/internal-guide.mdx'));
    const cache = open(cacheFile);
    const store = load(content, cache);
    expect(parses).toHaveBeenCalledTimes(badFiles);
    expect(store.lastLoad?.pruned).toBe(1);
    expect(cache.size()).toBe(goodFiles - 1);
  });

  it('still checks the folder and slug of a file whose text comes from the cache', () => {
    const { content, cacheFile } = setup();
    load(content, open(cacheFile));
    fs.mkdirSync(path.join(content, 'fi/faq'), { recursive: true });
    fs.copyFileSync(path.join(content, 'es/faq/cuanto-dura-la-garantia.mdx'), path.join(content, 'fi/faq/takuu.mdx'));
    fs.copyFileSync(path.join(content, 'en/faq/good-article.mdx'), path.join(content, 'en/faq/Not_A_Slug.mdx'));
    const store = load(content, open(cacheFile));
    expect(parses).toHaveBeenCalledTimes(badFiles);
    expect(store.problems.get('fi/faq/takuu.mdx')?.[0]).toMatchObject({ field: 'locale' });
    expect(store.problems.get('en/faq/Not_A_Slug.mdx')?.[0]?.message).toContain('not a valid slug');
  });

  it('stores an article saved while running, so the next start does not parse it', async () => {
    const { content, cacheFile } = setup();
    const store = load(content, open(cacheFile));
    const file = path.join(content, 'en/faq/good-article.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('How long is the warranty?', 'Warranty length'));
    store.reloadFile('en/faq/good-article.mdx');
    const next = load(content, open(cacheFile));
    expect(parses).toHaveBeenCalledTimes(badFiles);
    expect(next.get('en', 'good-article', { kind: 'staff' })?.meta.title).toBe('Warranty length');
  });
});
