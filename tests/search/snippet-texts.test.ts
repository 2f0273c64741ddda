import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { query, searchDoc } from './contract.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const article = (text: string) =>
  searchDoc({ id: 'en/filter', title: 'Water filter', sections: [{ anchor: 'intro', heading: 'Intro', text: 'Read this first.' }, { anchor: 'change', heading: 'Changing it', text }] });

describe('snippets from analysed section texts kept between searches', () => {
  it('show an edited article\'s new text at once, before and after the index is saved, in any cache size', async () => {
    for (const snippetCacheBytes of [32 * 1024 * 1024, 1]) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-snippet-texts-'));
      dirs.push(dir);
      const engine = new EmbeddedEngine({ dir, snippetCacheBytes, saveDelayMs: 1e9, maxSaveDelayMs: 1e9 });
      await engine.replaceAll([article('Twist the old cartridge to the left.')]);
      const snippet = async () => (await engine.search(query('cartridge'))).hits.map((h) => [h.url, h.snippet]);
      expect(await snippet()).toEqual([['/en/articles/filter#change', 'Twist the old <mark>cartridge</mark> to the left.']]);
      expect(await snippet()).toEqual([['/en/articles/filter#change', 'Twist the old <mark>cartridge</mark> to the left.']]);
      await engine.upsert([article('Pull the new cartridge straight out.')]);
      expect(await snippet()).toEqual([['/en/articles/filter#change', 'Pull the new <mark>cartridge</mark> straight out.']]);
      await engine.flush();
      expect(await snippet()).toEqual([['/en/articles/filter#change', 'Pull the new <mark>cartridge</mark> straight out.']]);
      await engine.upsert([article('Lift the cartridges out after the cartridge lock.')]);
      expect(await snippet()).toEqual([['/en/articles/filter#change', 'Lift the <mark>cartridges</mark> out after the <mark>cartridge</mark> lock.']]);
      await engine.close();
    }
  });
});
