import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentStore } from '@core/content/store.ts';
import { toSearchDocument } from '@search/documents.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { SearchIndexer } from '@search/indexer.ts';
import type { SearchQuery } from '@search/port.ts';
import { audiencesFor } from '@search/service.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/content');
const publicAudiences = audiencesFor({ kind: 'public' });
const staffAudiences = audiencesFor({ kind: 'staff' });

function article(fields: Record<string, string>, body: string): string {
  const meta = {
    category: 'faq',
    audience: 'public',
    locale: 'en',
    updated: '2026-10-05',
    status: 'published',
    ...fields,
  };
  return `---\n${Object.entries(meta).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}\n`;
}

const descaling = (word: string) =>
  article(
    { title: 'Descaling the BrewMaster', summary: 'Keep the machine free of limescale.', translationKey: 'brewmaster-descaling', product: 'brewmaster' },
    `Run the programme once a month.\n\n## Tablets\n\nUse one ${word} tablet per cycle.\n`,
  );

interface Setup {
  content: string;
  data: string;
  store: ContentStore;
  engine: EmbeddedEngine;
  indexer: SearchIndexer;
  manifest: string;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A content directory with the fixture articles, a store following it, an embedded engine and an indexer. */
async function setup(options: { content?: string; data?: string; watch?: boolean } = {}): Promise<Setup & { started: { indexed: number; removed: number } }> {
  const content = options.content ?? tempDir('kb-content-');
  if (!options.content) fs.cpSync(fixtures, content, { recursive: true });
  const data = options.data ?? tempDir('kb-data-');
  const store = new ContentStore(content).loadAll();
  if (options.watch ?? true) store.watch();
  const engine = new EmbeddedEngine({ dir: path.join(data, 'search') });
  const manifest = path.join(data, 'search', 'manifest-embedded.json');
  const indexer = new SearchIndexer(engine, store, manifest);
  cleanups.push(async () => {
    indexer.stop();
    store.close();
    await indexer.idle();
    await engine.close();
  });
  const started = await indexer.start();
  return { content, data, store, engine, indexer, manifest, started };
}

function find(engine: EmbeddedEngine, q: string, more: Partial<SearchQuery> = {}): Promise<string[]> {
  return engine.search({ q, locale: 'en', audiences: publicAudiences, page: 1, limit: 10, ...more }).then((r) => r.hits.map((h) => h.id));
}

describe('SearchIndexer with ContentStore and the embedded engine', () => {
  it('indexes the published articles at start, leaving out drafts and broken files', async () => {
    const { engine, started } = await setup({ watch: false });
    // Fixtures: good-article, internal-guide (en), the Spanish warranty article; a draft and two broken files.
    expect(started).toEqual({ indexed: 3, removed: 0 });
    expect(await engine.count()).toBe(3);
    expect(await find(engine, 'warranty')).toEqual(['en/good-article']);
    expect(await find(engine, 'garantia', { locale: 'es' })).toEqual(['es/cuanto-dura-la-garantia']);
  });

  it('links a hit to the rendered section where the words matched', async () => {
    const { engine } = await setup({ watch: false });
    const [hit] = (await engine.search({ q: 'serial number', locale: 'en', audiences: publicAudiences, page: 1, limit: 10 })).hits;
    expect(hit?.id).toBe('en/good-article');
    expect(hit?.url).toBe('/en/articles/good-article#section-how-to-claim');
    expect(hit?.snippet).toMatch(/<mark>serial<\/mark> <mark>number<\/mark>/);
  });

  it('indexes an internal article with audience internal: staff find it, the public never does', async () => {
    const { engine, store } = await setup({ watch: false });
    const internal = store.all().find((a) => a.id === 'en/internal-guide');
    expect(internal && toSearchDocument(internal).audience).toBe('internal');
    expect(await find(engine, 'refund limits agents', { audiences: staffAudiences })).toEqual(['en/internal-guide']);
    expect(await find(engine, 'refund limits agents')).toEqual([]);
    const result = await engine.search({ q: 'agents approve', locale: 'en', audiences: publicAudiences, page: 1, limit: 10 });
    expect(result.total).toBe(0);
    expect(result.facets.category).toEqual({});
  });

  it('never indexes a draft, for anyone', async () => {
    const { engine } = await setup({ watch: false });
    expect(await find(engine, 'unannounced', { audiences: staffAudiences })).toEqual([]);
    expect(await find(engine, 'secret', { audiences: staffAudiences })).toEqual([]);
  });

  it('follows the content directory: a new file becomes searchable, an edit changes results, a deletion removes it', async () => {
    const { engine, content } = await setup();
    const file = path.join(content, 'en/faq/descaling-the-brewmaster.mdx');
    expect(await find(engine, 'limescale')).toEqual([]);

    fs.writeFileSync(file, descaling('citric'));
    await expect.poll(() => find(engine, 'limescale'), { timeout: 5000, interval: 50 }).toEqual(['en/descaling-the-brewmaster']);
    expect(await find(engine, 'citric')).toEqual(['en/descaling-the-brewmaster']);

    fs.writeFileSync(file, descaling('vinegar'));
    await expect.poll(() => find(engine, 'vinegar'), { timeout: 5000, interval: 50 }).toEqual(['en/descaling-the-brewmaster']);
    expect(await find(engine, 'citric')).toEqual([]);
    expect(await engine.count()).toBe(4);

    fs.rmSync(file);
    await expect.poll(() => find(engine, 'limescale'), { timeout: 5000, interval: 50 }).toEqual([]);
    expect(await find(engine, 'vinegar')).toEqual([]);
    expect(await engine.count()).toBe(3);
  });

  it('removes an article that turns into a draft or becomes invalid, and indexes it again when fixed', async () => {
    const { engine, content } = await setup();
    const file = path.join(content, 'en/faq/descaling-the-brewmaster.mdx');
    fs.writeFileSync(file, descaling('citric'));
    await expect.poll(() => find(engine, 'citric'), { timeout: 5000, interval: 50 }).toEqual(['en/descaling-the-brewmaster']);

    fs.writeFileSync(file, descaling('citric').replace('status: published', 'status: draft'));
    await expect.poll(() => find(engine, 'citric', { audiences: staffAudiences }), { timeout: 5000, interval: 50 }).toEqual([]);

    fs.writeFileSync(file, descaling('citric'));
    await expect.poll(() => find(engine, 'citric'), { timeout: 5000, interval: 50 }).toEqual(['en/descaling-the-brewmaster']);

    fs.writeFileSync(file, descaling('citric').replace('category: faq', 'category: gossip'));
    await expect.poll(() => find(engine, 'citric', { audiences: staffAudiences }), { timeout: 5000, interval: 50 }).toEqual([]);

    fs.writeFileSync(file, descaling('citric'));
    await expect.poll(() => find(engine, 'citric'), { timeout: 5000, interval: 50 }).toEqual(['en/descaling-the-brewmaster']);
  });

  it('moves an article whose slug changed: the old id is gone, the new one found', async () => {
    const { engine, content } = await setup();
    const file = path.join(content, 'en/faq/descaling-the-brewmaster.mdx');
    fs.writeFileSync(file, descaling('citric'));
    await expect.poll(() => find(engine, 'citric'), { timeout: 5000, interval: 50 }).toEqual(['en/descaling-the-brewmaster']);
    fs.writeFileSync(file, descaling('citric').replace('status: published', 'status: published\nslug: brewmaster-descaling'));
    await expect.poll(() => find(engine, 'citric'), { timeout: 5000, interval: 50 }).toEqual(['en/brewmaster-descaling']);
    expect(await engine.count()).toBe(4);
  });

  it('after a restart, indexes only what changed while it was down', async () => {
    const first = await setup({ watch: false });
    first.indexer.stop();
    first.store.close();
    await first.engine.close();

    const again = await setup({ content: first.content, data: first.data, watch: false });
    expect(again.started).toEqual({ indexed: 0, removed: 0 });
    expect(await find(again.engine, 'warranty')).toEqual(['en/good-article']);
    again.indexer.stop();
    await again.engine.close();

    fs.writeFileSync(path.join(first.content, 'en/faq/descaling-the-brewmaster.mdx'), descaling('citric'));
    fs.rmSync(path.join(first.content, 'es/faq/cuanto-dura-la-garantia.mdx'));
    const third = await setup({ content: first.content, data: first.data, watch: false });
    expect(third.started).toEqual({ indexed: 1, removed: 1 });
    expect(await find(third.engine, 'citric')).toEqual(['en/descaling-the-brewmaster']);
    expect(await find(third.engine, 'garantia', { locale: 'es' })).toEqual([]);
  });

  it('rebuilds from the content when the index was lost but the manifest survived', async () => {
    const first = await setup({ watch: false });
    first.indexer.stop();
    await first.engine.close();
    for (const name of fs.readdirSync(path.join(first.data, 'search'))) {
      if (name.endsWith('.idx')) fs.rmSync(path.join(first.data, 'search', name));
    }
    const again = await setup({ content: first.content, data: first.data, watch: false });
    expect(again.started.indexed).toBe(3);
    expect(await find(again.engine, 'warranty')).toEqual(['en/good-article']);
  });
});
