import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SynonymGroups } from '@core/content/synonym-file.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import type { SearchEngine, SearchQuery, SearchResult } from '@search/port.ts';
import { CachingSearchEngine } from '@search/result-cache.ts';
import { describeSearchEngineContract, ids, publicOnly, query, searchDoc, staffAudiences } from './contract.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-result-cache-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeSearchEngineContract('embedded behind the results cache', () => new CachingSearchEngine(new EmbeddedEngine({ dir: tempDir() }), { maxBytes: 1024 * 1024 }));

/** Counts the searches that reach the engine, so a test can tell an answer from the cache from a computed one. */
class CountingEngine extends EmbeddedEngine {
  searches = 0;
  /** When set, an answer is computed at once but handed back only when this settles (a slow answer). */
  gate: Promise<void> | undefined;
  override async search(q: SearchQuery): Promise<SearchResult> {
    this.searches++;
    const result = await super.search(q);
    await this.gate;
    return result;
  }
}

const publicDoc = searchDoc({ id: 'en/filter-public', title: 'Changing the water filter', sections: [{ text: 'Twist the water filter to change it.' }] });
const internalDoc = searchDoc({ id: 'en/filter-internal', title: 'Water filter returns (internal)', audience: 'internal', sections: [{ text: 'Agents: accept water filter returns.' }] });

async function setUp(synonyms?: (locale: string) => SynonymGroups) {
  const inner = new CountingEngine({ dir: tempDir(), ...(synonyms ? { synonyms } : {}) });
  const engine = new CachingSearchEngine(inner, { maxBytes: 1024 * 1024, ...(synonyms ? { synonyms } : {}) });
  await engine.init();
  await engine.replaceAll([publicDoc, internalDoc]);
  return { inner, engine };
}

describe('the results cache', () => {
  it('answers a repeated question from memory, and a different page, limit or filter from the engine', async () => {
    const { inner, engine } = await setUp();
    const first = await engine.search(query('water filter'));
    expect(await engine.search(query('water filter'))).toBe(first);
    expect(inner.searches).toBe(1);
    await engine.search(query('water filter', { limit: 5 }));
    await engine.search(query('water filter', { page: 2 }));
    await engine.search(query('water filter', { category: 'faq' }));
    await engine.search(query('water filters'));
    expect(inner.searches).toBe(5);
    await engine.close();
  });

  it('never gives the public an answer computed for staff, whichever is asked first', async () => {
    const { engine } = await setUp();
    expect(ids(await engine.search(query('water filter', { audiences: staffAudiences })))).toContain('en/filter-internal');
    expect(ids(await engine.search(query('water filter', { audiences: publicOnly })))).toEqual(['en/filter-public']);
    expect(ids(await engine.search(query('water filter', { audiences: ['internal', 'public'] })))).toContain('en/filter-internal');
    expect(ids(await engine.search(query('water filter', { audiences: publicOnly })))).toEqual(['en/filter-public']);
    await engine.close();
  });

  it('is emptied by an edit, a removal, a re-index and new "asked as" phrases', async () => {
    const { inner, engine } = await setUp();
    const titles = async (q: string) => (await engine.search(query(q, { audiences: staffAudiences }))).hits.map((h) => h.title);
    expect(await titles('water filter')).toContain('Changing the water filter');
    await engine.upsert([{ ...publicDoc, title: 'Replacing the water filter' }]);
    expect(await titles('water filter')).toContain('Replacing the water filter');
    await engine.remove([internalDoc.id]);
    expect(await titles('water filter')).toEqual(['Replacing the water filter']);
    await engine.replaceAll([internalDoc]);
    expect(await titles('water filter')).toEqual(['Water filter returns (internal)']);
    expect(ids(await engine.search(query('cartridge', { audiences: staffAudiences })))).toEqual([]);
    await engine.setAskedAs([{ id: internalDoc.id, locale: 'en', phrases: [{ text: 'cartridge swap', weight: 1 }] }]);
    expect(ids(await engine.search(query('cartridge', { audiences: staffAudiences })))).toEqual([internalDoc.id]);
    expect(inner.searches).toBe(6);
    await engine.close();
  });

  it('does not keep an answer computed while a change was under way', async () => {
    const { inner, engine } = await setUp();
    let open = () => {};
    inner.gate = new Promise((resolve) => (open = resolve));
    const during = engine.search(query('water filter'));
    await engine.upsert([{ ...publicDoc, title: 'Replacing the water filter' }]);
    inner.gate = undefined;
    open();
    expect((await during).hits.map((h) => h.title)).toEqual(['Changing the water filter']);
    expect((await engine.search(query('water filter'))).hits.map((h) => h.title)).toEqual(['Replacing the water filter']);
    await engine.close();
  });

  it('computes again when the synonyms of the locale changed', async () => {
    let groups: SynonymGroups = [];
    const { inner, engine } = await setUp(() => groups);
    expect(ids(await engine.search(query('cartridge')))).toEqual([]);
    groups = [['cartridge', 'filter']];
    expect(ids(await engine.search(query('cartridge')))).toEqual(['en/filter-public']);
    expect(inner.searches).toBe(2);
    await engine.close();
  });

  it('hands out frozen results, so no caller can change what the next one gets', async () => {
    const { engine } = await setUp();
    const result = await engine.search(query('water filter'));
    expect(Object.isFrozen(result) && Object.isFrozen(result.hits) && Object.isFrozen(result.hits[0]) && Object.isFrozen(result.facets.category)).toBe(true);
    await engine.close();
  });

  it('caches spelling suggestions per audience and empties them with the results', async () => {
    const { engine } = await setUp();
    expect(await engine.suggestSpelling!({ q: 'watre', locale: 'en', audiences: publicOnly })).toBe('water');
    await engine.upsert([{ ...publicDoc, title: 'Changing the cartridge', sections: [{ anchor: '', heading: '', text: 'Twist the cartridge.' }] }]);
    await engine.remove([internalDoc.id]);
    expect(await engine.suggestSpelling!({ q: 'watre', locale: 'en', audiences: publicOnly })).toBeUndefined();
    await engine.close();
  });

  it('passes every search through when turned off', async () => {
    const inner = new CountingEngine({ dir: tempDir() });
    const engine: SearchEngine = new CachingSearchEngine(inner, { maxBytes: 0 });
    await engine.replaceAll([publicDoc]);
    await engine.search(query('water filter'));
    await engine.search(query('water filter'));
    expect(inner.searches).toBe(2);
    await engine.close();
  });
});
