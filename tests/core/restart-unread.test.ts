import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@core/content/article.ts';
import { parseArticle } from '@core/content/parse-article.ts';
import { openParseCache, type SqliteParseCache } from '@core/content/parse-cache.ts';
import { ContentStore } from '@core/content/store.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/content');
/** The fixture files with problems: failures are never cached, so a restart reads them again. */
const problemFiles = ['en/faq/bad-frontmatter.mdx', 'en/faq/hostile.mdx'];
const goodFile = 'en/faq/good-article.mdx';
/** Whole seconds: utimes takes seconds as a float, and only whole ones come back to the nanosecond. */
const anHourAgo = () => new Date(Math.floor(Date.now() / 1000 - 3600) * 1000);

const temps: string[] = [];
const caches: SqliteParseCache[] = [];
const stores: ContentStore[] = [];

/** A copy of the fixtures whose files were last written an hour ago, and where its parse cache goes. */
function setup(): { content: string; cacheFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-restart-'));
  temps.push(dir);
  const content = path.join(dir, 'content');
  fs.cpSync(fixtures, content, { recursive: true });
  for (const file of fs.readdirSync(content, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(content, file);
    if (fs.statSync(full).isFile()) fs.utimesSync(full, anHourAgo(), anHourAgo());
  }
  return { content, cacheFile: path.join(dir, 'data', 'cache', 'parsed-articles.sqlite') };
}

type Loader = 'loadAll' | 'loadAllInParallel';

/** A start of the portal: a fresh store over a freshly opened cache. Returns the article files it opened. */
async function start(content: string, cacheFile: string, loader: Loader = 'loadAll', version = 'test'): Promise<{ store: ContentStore; opened: string[] }> {
  const cache = openParseCache(cacheFile, { version });
  if (!cache) throw new Error('cache did not open');
  caches.push(cache);
  const store = new ContentStore(content, { cache });
  stores.push(store);
  const open = vi.spyOn(fs, 'openSync');
  let calls: unknown[][];
  try {
    if (loader === 'loadAll') store.loadAll();
    else await store.loadAllInParallel({ parse: async (source) => parseArticle(source) });
  } finally {
    calls = open.mock.calls.slice();
    open.mockRestore();
  }
  const opened = calls.map(([file]) => path.relative(content, String(file)).split(path.sep).join('/')).filter((f) => /\.mdx?$/.test(f));
  return { store, opened: opened.sort() };
}

function articles(store: ContentStore): Article[] {
  return store.all().sort((a, b) => a.id.localeCompare(b.id));
}

/** Writes new text of exactly the old length into a file. */
function rewriteSameSize(file: string, from: string, to: string): void {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

describe('restart without reading unchanged articles', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
  });
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
    for (const c of caches.splice(0)) c.close();
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each<Loader>(['loadAll', 'loadAllInParallel'])('%s: a restart opens no article whose stamp is unchanged, and serves the same articles', async (loader) => {
    const { content, cacheFile } = setup();
    const first = await start(content, cacheFile, loader);
    expect(first.opened).toHaveLength(4 + problemFiles.length);
    caches[0]!.close();

    const second = await start(content, cacheFile, loader);
    expect(second.opened).toEqual(problemFiles);
    expect(second.store.lastLoad).toMatchObject({ parsed: problemFiles.length, cached: 4, unread: 4, pruned: 0 });
    expect(articles(second.store)).toEqual(articles(new ContentStore(content).loadAll()));
    expect([...second.store.problems.keys()].sort()).toEqual(problemFiles);
  });

  it('reads a file changed while the portal was down to the same size with another modification time', async () => {
    const { content, cacheFile } = setup();
    await start(content, cacheFile);
    const file = path.join(content, goodFile);
    rewriteSameSize(file, 'How long is the warranty?', 'How long is the guarantee');
    fs.utimesSync(file, anHourAgo(), new Date(anHourAgo().getTime() + 1_800_000));

    const { store, opened } = await start(content, cacheFile);
    expect(opened).toEqual([goodFile, ...problemFiles].sort());
    expect(store.get('en', 'good-article', { kind: 'staff' })?.meta.title).toBe('How long is the guarantee');
  });

  it('reads a file rewritten to the same size whose old modification time was put back', async () => {
    const { content, cacheFile } = setup();
    await start(content, cacheFile);
    const file = path.join(content, goodFile);
    const before = fs.statSync(file, { bigint: true });
    rewriteSameSize(file, 'How long is the warranty?', 'How long is the guarantee');
    // Whole seconds (setup's times), so the Date puts back the very nanoseconds.
    fs.utimesSync(file, before.atime, before.mtime);
    expect(fs.statSync(file, { bigint: true }).mtimeNs).toBe(before.mtimeNs);

    const { store, opened } = await start(content, cacheFile);
    expect(opened).toContain(goodFile);
    expect(store.get('en', 'good-article', { kind: 'staff' })?.meta.title).toBe('How long is the guarantee');
  });

  it('reads a file replaced by a rename with the same size and times', async () => {
    const { content, cacheFile } = setup();
    await start(content, cacheFile);
    const file = path.join(content, goodFile);
    const { atime, mtime } = fs.statSync(file);
    const replacement = path.join(content, 'en/faq/.replacement');
    fs.copyFileSync(file, replacement);
    rewriteSameSize(replacement, 'How long is the warranty?', 'How long is the guarantee');
    fs.utimesSync(replacement, atime, mtime);
    fs.renameSync(replacement, file);

    const { store, opened } = await start(content, cacheFile);
    expect(opened).toContain(goodFile);
    expect(store.get('en', 'good-article', { kind: 'staff' })?.meta.title).toBe('How long is the guarantee');
  });

  it('does not vouch for a file written moments before it was read: the next start reads it again', async () => {
    const { content, cacheFile } = setup();
    const file = path.join(content, goodFile);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8'));
    await start(content, cacheFile);

    const { opened } = await start(content, cacheFile);
    expect(opened).toEqual([goodFile, ...problemFiles].sort());
  });

  it('reads every file again under another pipeline version', async () => {
    const { content, cacheFile } = setup();
    await start(content, cacheFile, 'loadAll', 'pipeline-a');
    const { store, opened } = await start(content, cacheFile, 'loadAll', 'pipeline-b');
    expect(opened).toHaveLength(4 + problemFiles.length);
    expect(store.lastLoad).toMatchObject({ cached: 0, unread: 0 });
  });

  it('reconcile() while running finds a file replaced by a rename that kept its size and modification time', async () => {
    const { content } = setup();
    const store = new ContentStore(content).loadAll();
    stores.push(store);
    const file = path.join(content, goodFile);
    const before = fs.statSync(file, { bigint: true });
    const replacement = path.join(content, 'en/faq/.replacement');
    fs.copyFileSync(file, replacement);
    rewriteSameSize(replacement, 'How long is the warranty?', 'How long is the guarantee');
    fs.utimesSync(replacement, before.atime, before.mtime);
    fs.renameSync(replacement, file);
    const after = fs.statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);

    expect(await store.reconcile()).toBe(1);
    expect(store.get('en', 'good-article', { kind: 'staff' })?.meta.title).toBe('How long is the guarantee');
  });

  it('reads a file again when its cached parse is gone', async () => {
    const { content, cacheFile } = setup();
    await start(content, cacheFile);
    caches[0]!.close();
    const db = openParseCache(cacheFile, { version: 'test' })!;
    caches.push(db);
    db.prune(new Set());
    const { store, opened } = await start(content, cacheFile);
    expect(opened).toHaveLength(4 + problemFiles.length);
    expect(articles(store)).toEqual(articles(new ContentStore(content).loadAll()));
  });
});
