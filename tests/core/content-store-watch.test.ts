import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publicViewer } from '@core/content/article.ts';
import { parseArticle } from '@core/content/parse-article.ts';
import { openParseCache, type SqliteParseCache } from '@core/content/parse-cache.ts';
import { ParsePool } from '@core/content/parse-pool.ts';
import { ContentStore, type ContentChange } from '@core/content/store.ts';

// Counts the real pipeline's calls: the store reaches it only through this module.
vi.mock('@core/content/parse-article.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('@core/content/parse-article.ts')>();
  return { ...original, parseArticle: vi.fn(original.parseArticle) };
});
const parses = vi.mocked(parseArticle);

const fixtures = path.resolve(import.meta.dirname, '../fixtures/content');
const goodFile = 'en/faq/good-article.mdx';
/** Well past the watcher's 75 ms debounce: anything still to come from a write has come by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

const temps: string[] = [];
const closers: Array<{ close(): void }> = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-store-watch-'));
  temps.push(dir);
  return dir;
}

function contentCopy(): string {
  const dir = path.join(tempDir(), 'content');
  fs.cpSync(fixtures, dir, { recursive: true });
  return dir;
}

/** A store watching a copy of the fixtures, with its 'change' events and the watcher's reloadFile() calls recorded. */
function watched(content = contentCopy()) {
  const store = new ContentStore(content).loadAll();
  closers.push(store);
  store.watch();
  const changes: ContentChange[] = [];
  store.on('change', (c) => changes.push(c));
  const reloads = vi.spyOn(store, 'reloadFile');
  parses.mockClear();
  const title = () => store.get('en', 'good-article', publicViewer)?.meta.title;
  return { content, store, changes, reloads, title };
}

describe('ContentStore following the disk', () => {
  beforeEach(() => {
    parses.mockClear();
  });
  afterEach(() => {
    for (const c of closers.splice(0)) c.close();
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does nothing for a write that leaves the text as it was: no parse, no event', async () => {
    const { content, changes, reloads } = watched();
    const file = path.join(content, goodFile);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8'));
    await expect.poll(() => reloads.mock.calls.length, { timeout: 5000 }).toBeGreaterThan(0);
    await settle();
    expect(parses).not.toHaveBeenCalled();
    expect(changes).toEqual([]);
  });

  it('keeps following a file replaced by a rename, the way atomic saves and git write', async () => {
    const { content, changes, title } = watched();
    const file = path.join(content, goodFile);
    const source = fs.readFileSync(file, 'utf8');
    const temp = path.join(content, 'en/faq/.good-article.mdx.tmp');
    fs.writeFileSync(temp, source.replace('How long is the warranty?', 'Renamed into place'));
    fs.renameSync(temp, file);
    await expect.poll(title, { timeout: 5000 }).toBe('Renamed into place');
    fs.writeFileSync(file, source.replace('How long is the warranty?', 'Written in place'));
    await expect.poll(title, { timeout: 5000 }).toBe('Written in place');
    fs.rmSync(file);
    await expect.poll(title, { timeout: 5000 }).toBeUndefined();
    fs.writeFileSync(file, source);
    await expect.poll(title, { timeout: 5000 }).toBe('How long is the warranty?');
    await settle();
    expect(changes.map((c) => c.type)).toEqual(['upsert', 'upsert', 'remove', 'upsert']);
  });

  it('takes in a folder moved in with its articles, and drops the articles of a folder moved away', async () => {
    const { content, store } = watched();
    const before = store.count();
    const outside = path.join(tempDir(), 'claims');
    fs.mkdirSync(outside);
    const source = fs.readFileSync(path.join(content, goodFile), 'utf8').replace('translationKey: good-article', 'translationKey: moved-in');
    fs.writeFileSync(path.join(outside, 'moved-in.mdx'), source);
    fs.renameSync(outside, path.join(content, 'en/claims'));
    await expect.poll(() => store.get('en', 'moved-in', publicViewer)?.file, { timeout: 5000 }).toBe('en/claims/moved-in.mdx');
    expect(store.count()).toBe(before + 1);
    // Watched from then on, like any other folder.
    fs.writeFileSync(path.join(content, 'en/claims/moved-in.mdx'), source.replace('How long is the warranty?', 'Moved in'));
    await expect.poll(() => store.get('en', 'moved-in', publicViewer)?.meta.title, { timeout: 5000 }).toBe('Moved in');
    fs.renameSync(path.join(content, 'en/claims'), path.join(tempDir(), 'claims'));
    await expect.poll(() => store.get('en', 'moved-in', publicViewer), { timeout: 5000 }).toBeUndefined();
    expect(store.count()).toBe(before);
  });

  it('sees every edit through rounds of atomic renames and in-place writes, as editors and git make them', async () => {
    const { content, title } = watched();
    const file = path.join(content, goodFile);
    const source = fs.readFileSync(file, 'utf8');
    const edit = (text: string) => source.replace('How long is the warranty?', text);
    for (let round = 1; round <= 3; round++) {
      for (let n = 1; n <= 3; n++) {
        const temp = path.join(content, `en/faq/.good-article.mdx.${round}-${n}.tmp`);
        fs.writeFileSync(temp, edit(`Renamed ${round}.${n}`));
        fs.renameSync(temp, file);
        await expect.poll(title, { timeout: 5000 }).toBe(`Renamed ${round}.${n}`);
      }
      fs.writeFileSync(file, edit(`In place ${round}`));
      await expect.poll(title, { timeout: 5000 }).toBe(`In place ${round}`);
    }
  });

  it('follows a folder renamed inside the content directory, and edits in it afterwards', async () => {
    const { content, store, title } = watched();
    fs.renameSync(path.join(content, 'en/faq'), path.join(content, 'en/help'));
    await expect.poll(() => store.get('en', 'good-article', publicViewer)?.file, { timeout: 5000 }).toBe('en/help/good-article.mdx');
    const file = path.join(content, 'en/help/good-article.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('How long is the warranty?', 'Edited after the move'));
    await expect.poll(title, { timeout: 5000 }).toBe('Edited after the move');
    expect(store.all().filter((a) => a.file.startsWith('en/faq/'))).toEqual([]);
  });

  it('sees a folder deleted and created again under the same name', async () => {
    const { content, store, title } = watched();
    const folder = path.join(content, 'en/faq');
    const source = fs.readFileSync(path.join(folder, 'good-article.mdx'), 'utf8');
    fs.rmSync(folder, { recursive: true });
    await expect.poll(title, { timeout: 5000 }).toBeUndefined();
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'good-article.mdx'), source.replace('How long is the warranty?', 'Back again'));
    await expect.poll(title, { timeout: 5000 }).toBe('Back again');
    fs.writeFileSync(path.join(folder, 'good-article.mdx'), source.replace('How long is the warranty?', 'Edited when back'));
    await expect.poll(title, { timeout: 5000 }).toBe('Edited when back');
    expect(store.problems.size).toBe(0);
  });

  it('reconciles with the disk what no watcher reported: edits, renames, new and removed files and folders', async () => {
    const content = contentCopy();
    const store = new ContentStore(content).loadAll();
    closers.push(store);
    const changes: ContentChange[] = [];
    store.on('change', (c) => changes.push(c));
    const file = path.join(content, goodFile);
    const source = fs.readFileSync(file, 'utf8');
    parses.mockClear();
    expect(await store.reconcile()).toBe(0);
    expect(parses).not.toHaveBeenCalled();

    const temp = path.join(content, 'en/faq/.good-article.mdx.tmp');
    fs.writeFileSync(temp, source.replace('How long is the warranty?', 'Missed rename'));
    fs.renameSync(temp, file);
    fs.rmSync(path.join(content, 'es'), { recursive: true });
    fs.mkdirSync(path.join(content, 'en/new-folder'));
    fs.writeFileSync(path.join(content, 'en/new-folder/arrived.mdx'), source.replace('translationKey: good-article', 'translationKey: arrived'));
    expect(await store.reconcile()).toBe(3);
    expect(store.get('en', 'good-article', publicViewer)?.meta.title).toBe('Missed rename');
    expect(store.get('en', 'arrived', publicViewer)?.file).toBe('en/new-folder/arrived.mdx');
    expect(store.all().filter((a) => a.locale === 'es')).toEqual([]);
    expect(changes.map((c) => c.type).sort()).toEqual(['remove', 'upsert', 'upsert']);

    // A touch changes the stamp, not the text: read once, no parse, no event; then nothing differs.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    parses.mockClear();
    expect(await store.reconcile()).toBe(1);
    expect(parses).not.toHaveBeenCalled();
    expect(changes).toHaveLength(3);
    expect(await store.reconcile()).toBe(0);
  });

  it('reconciles a file edited in place without its size changing', async () => {
    const content = contentCopy();
    const store = new ContentStore(content).loadAll();
    closers.push(store);
    const file = path.join(content, goodFile);
    const source = fs.readFileSync(file, 'utf8');
    const edited = source.replace('How long is the warranty?', 'How long is the wArranty?');
    expect(edited.length).toBe(source.length);
    fs.writeFileSync(file, edited);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    expect(await store.reconcile()).toBe(1);
    expect(store.get('en', 'good-article', publicViewer)?.meta.title).toBe('How long is the wArranty?');
  });

  it('loads a file that clashed once the other file is gone, though its text is unchanged', () => {
    const content = contentCopy();
    fs.copyFileSync(path.join(content, goodFile), path.join(content, 'en/copy.mdx'));
    const store = new ContentStore(content).loadAll();
    closers.push(store);
    expect(store.problems.get(goodFile)?.[0]).toMatchObject({ field: 'translationKey' });
    fs.rmSync(path.join(content, 'en/copy.mdx'));
    store.reloadFile('en/copy.mdx');
    store.reloadFile(goodFile);
    expect(store.problems.has(goodFile)).toBe(false);
    expect(store.get('en', 'good-article', publicViewer)?.file).toBe(goodFile);
  });

  it('loads in parallel workers what loadAll() loads, clashes decided the same way, and the cache makes a restart parse nothing', async () => {
    const content = contentCopy();
    fs.copyFileSync(path.join(content, goodFile), path.join(content, 'en/copy.mdx'));
    const cacheFile = path.join(tempDir(), 'parsed-articles.sqlite');
    const cache = openParseCache(cacheFile, { version: 'test' });
    if (!cache) throw new Error('cache did not open');
    closers.push(cache);
    const pool = new ParsePool({ size: 2 });
    const jobs = vi.spyOn(pool, 'parse');
    try {
      parses.mockClear();
      const parallel = await new ContentStore(content, { cache }).loadAllInParallel(pool, 2);
      // Every text went to the workers once (the copy is the same text: a cache hit); the main thread parsed
      // only the two files with problems again.
      expect(jobs).toHaveBeenCalledTimes(6);
      expect(parses).toHaveBeenCalledTimes(2);
      const serial = new ContentStore(content).loadAll();
      expect(parallel.all()).toEqual(serial.all());
      expect([...parallel.problems]).toEqual([...serial.problems]);
      expect(parallel.lastLoad).toMatchObject({ parsed: 6, cached: 1 });

      jobs.mockClear();
      const restarted = await new ContentStore(content, { cache }).loadAllInParallel(pool);
      // Only the two files with problems are parsed again: failures are not cached.
      expect(jobs).toHaveBeenCalledTimes(2);
      expect(restarted.lastLoad).toMatchObject({ parsed: 2, cached: 5 });
      expect(restarted.all()).toEqual(serial.all());
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('parses on the main thread what the workers could not (a worker that cannot start must not empty the knowledge base)', async () => {
    const content = contentCopy();
    const broken = { parse: async () => ({ ok: false as const, diagnostics: [{ line: 1, column: 1, message: 'could not be parsed: the worker did not start' }] }) };
    const loaded = await new ContentStore(content).loadAllInParallel(broken);
    const serial = new ContentStore(content).loadAll();
    expect(loaded.all()).toEqual(serial.all());
    expect([...loaded.problems]).toEqual([...serial.problems]);
  });

  it('takes a parse it is given without parsing again, and keeps it in the cache for the next start', () => {
    const content = contentCopy();
    const cacheFile = path.join(tempDir(), 'parsed-articles.sqlite');
    const open = (): SqliteParseCache => {
      const cache = openParseCache(cacheFile, { version: 'test' });
      if (!cache) throw new Error('cache did not open');
      closers.push(cache);
      return cache;
    };
    const store = new ContentStore(content, { cache: open() }).loadAll();
    closers.push(store);
    const changes: ContentChange[] = [];
    store.on('change', (c) => changes.push(c));
    const source = fs.readFileSync(path.join(content, goodFile), 'utf8').replace('How long is the warranty?', 'Given parse');
    fs.writeFileSync(path.join(content, goodFile), source);
    const parsed = parseArticle(source);
    parses.mockClear();

    store.reloadFile(goodFile, { source, parsed });
    expect(parses).not.toHaveBeenCalled();
    expect(changes.map((c) => c.type)).toEqual(['upsert']);
    const fresh = new ContentStore(content).loadAll();
    expect(store.get('en', 'good-article', publicViewer)).toEqual(fresh.get('en', 'good-article', publicViewer));
    // The same text again, read from disk this time, is what the store holds already.
    store.reloadFile(goodFile);
    expect(changes).toHaveLength(1);

    parses.mockClear();
    const next = new ContentStore(content, { cache: open() }).loadAll();
    closers.push(next);
    expect(next.lastLoad).toMatchObject({ cached: 4, parsed: 2 });
    expect(next.get('en', 'good-article', publicViewer)?.meta.title).toBe('Given parse');
  });
});
