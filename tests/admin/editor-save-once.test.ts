import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicViewer } from '@core/content/article.ts';
import { parseArticle } from '@core/content/parse-article.ts';
import type { ContentChange } from '@core/content/store.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { SearchIndexer } from '@search/indexer.ts';
import { addUser, tempDir, world, type World } from './helpers.ts';

// Counts the real pipeline's calls: the editor and the store both reach it only through this module.
vi.mock('@core/content/parse-article.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('@core/content/parse-article.ts')>();
  return { ...original, parseArticle: vi.fn(original.parseArticle) };
});
const parses = vi.mocked(parseArticle);

const goodFile = 'en/faq/good-article.mdx';
/** Well past the watcher's 75 ms debounce: anything still to come from a write has come by then. */
const settleMs = 400;

const settle = () => new Promise((resolve) => setTimeout(resolve, settleMs));

let w: World;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  w?.close();
});

/**
 * A world whose store watches its directory, with every parse, 'change' event and watcher-driven
 * reloadFile() counted from the moment it returns. An outside edit to another file goes through first,
 * so the watcher is known to be live: a save it never saw would prove nothing.
 */
async function watchedWorld() {
  w = world();
  w.content.watch();
  const changes: ContentChange[] = [];
  w.content.on('change', (c) => changes.push(c));
  const reloads = vi.spyOn(w.content, 'reloadFile');
  const other = path.join(w.root, 'en/faq/internal-guide.mdx');
  fs.writeFileSync(other, fs.readFileSync(other, 'utf8') + '\nOne more line.\n');
  await expect.poll(() => changes.length, { timeout: 5000 }).toBe(1);
  changes.length = 0;
  parses.mockClear();
  reloads.mockClear();
  /** Calls for `file` without a written text: the watcher's, plus the editor's own after a removal. */
  const watcherReloads = (file: string) => reloads.mock.calls.filter(([f, written]) => f === file && written === undefined).length;
  return { changes, reloads, watcherReloads };
}

describe('one editor save, one parse, one update', () => {
  it('parses a save once and emits one change, and the watcher seeing the write does nothing more', async () => {
    const { changes, watcherReloads } = await watchedWorld();
    const editor = await addUser(w);
    const base = w.editor.read(goodFile)!;
    const source = base.source.replace('**two-year**', '**three-year**');
    expect(w.editor.save({ file: goodFile, source, baseHash: base.hash, authorId: editor.id, action: 'save' }).ok).toBe(true);
    expect(parses).toHaveBeenCalledTimes(1);
    expect(changes.map((c) => c.type)).toEqual(['upsert']);
    expect(w.content.get('en', 'good-article', publicViewer)?.html).toContain('three-year');

    await expect.poll(() => watcherReloads(goodFile), { timeout: 5000 }).toBeGreaterThan(0);
    await settle();
    expect(parses).toHaveBeenCalledTimes(1);
    expect(changes).toHaveLength(1);

    // An edit from outside the editor afterwards is still picked up, once.
    fs.writeFileSync(path.join(w.root, goodFile), source.replace('three-year', 'four-year'));
    await expect.poll(() => changes.length, { timeout: 5000 }).toBe(2);
    await settle();
    expect(changes.map((c) => c.type)).toEqual(['upsert', 'upsert']);
    expect(parses).toHaveBeenCalledTimes(2);
    expect(w.content.get('en', 'good-article', publicViewer)?.html).toContain('four-year');
  });

  it('removes once without parsing, and the watcher seeing the file go does nothing more', async () => {
    const { changes, watcherReloads } = await watchedWorld();
    const editor = await addUser(w);
    const base = w.editor.read(goodFile)!;
    expect(w.editor.remove({ file: goodFile, baseHash: base.hash, authorId: editor.id })).toEqual({ ok: true });
    expect(changes.map((c) => c.type)).toEqual(['remove']);
    // The editor's own reloadFile() after the removal counts as one; the watcher's come after it.
    await expect.poll(() => watcherReloads(goodFile), { timeout: 5000 }).toBeGreaterThan(1);
    await settle();
    expect(changes).toHaveLength(1);
    expect(parses).not.toHaveBeenCalled();
  });

  it('updates the search index once per save', async () => {
    const { watcherReloads } = await watchedWorld();
    const data = tempDir('kb-admin-search-');
    const engine = new EmbeddedEngine({ dir: path.join(data, 'search') });
    const indexer = new SearchIndexer(engine, w.content, path.join(data, 'search', 'manifest-embedded.json'));
    cleanups.push(async () => {
      indexer.stop();
      await indexer.idle();
      await engine.close();
    });
    await indexer.start();
    const upserts = vi.spyOn(engine, 'upsert');
    const editor = await addUser(w);
    const base = w.editor.read(goodFile)!;
    const source = base.source.replace('**two-year**', '**three-year**');
    expect(w.editor.save({ file: goodFile, source, baseHash: base.hash, authorId: editor.id, action: 'save' }).ok).toBe(true);
    await indexer.idle();
    expect(upserts).toHaveBeenCalledTimes(1);
    expect(upserts.mock.calls[0]?.[0].map((d) => d.id)).toEqual(['en/good-article']);

    await expect.poll(() => watcherReloads(goodFile), { timeout: 5000 }).toBeGreaterThan(0);
    await settle();
    await indexer.idle();
    expect(upserts).toHaveBeenCalledTimes(1);
  });
});
