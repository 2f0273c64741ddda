import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { LocaleIndex } from '@search/embedded/locale-index.ts';
import { indexFile } from '@search/embedded/persist.ts';
import type { SearchEngine } from '@search/port.ts';
import { contractCorpus, describeSearchEngineContract, ids, query, searchDoc, staffAudiences } from './contract.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-embedded-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeSearchEngineContract('embedded', () => new EmbeddedEngine({ dir: tempDir() }));

describe('embedded engine', () => {
  const open: SearchEngine[] = [];
  function engineIn(dir: string, saveDelayMs?: number): EmbeddedEngine {
    const engine = new EmbeddedEngine({ dir, ...(saveDelayMs !== undefined ? { saveDelayMs } : {}) });
    open.push(engine);
    return engine;
  }
  afterEach(async () => {
    for (const engine of open.splice(0)) await engine.close();
    vi.restoreAllMocks();
  });

  describe('persistence', () => {
    it('a new engine on the same directory finds the documents without adding them again', async () => {
      const dir = tempDir();
      const first = engineIn(dir);
      await first.init();
      await first.replaceAll(contractCorpus);
      await first.close();
      expect(fs.existsSync(indexFile(dir, 'en'))).toBe(true);
      expect(fs.existsSync(indexFile(dir, 'zh-Hant'))).toBe(true);

      const add = vi.spyOn(LocaleIndex.prototype, 'add');
      const second = engineIn(dir);
      await second.init();
      expect(await second.count()).toBe(contractCorpus.length);
      expect(ids(await second.search(query('warrenty')))).toContain('en/warranty-length');
      expect(ids(await second.search(query('退货', { locale: 'zh-Hant' })))).toContain('zh-Hant/returns');
      expect(ids(await second.search(query('goodwill', { audiences: staffAudiences })))).toEqual(['en/agent-warranty-exceptions']);
      expect((await second.search(query('goodwill'))).total).toBe(0);
      const [hit] = (await second.search(query('serial number'))).hits;
      expect(hit?.url).toBe('/en/articles/warranty-length#how-to-claim');
      expect(hit?.snippet).toContain('<mark>');
      // Loaded from the file, not analysed again.
      expect(add).not.toHaveBeenCalled();
    });

    it('writes changes to disk by itself after a quiet moment, without close()', async () => {
      const dir = tempDir();
      const engine = engineIn(dir, 20);
      await engine.upsert([searchDoc({ id: 'fi/takuu', title: 'Takuun kesto', sections: [{ text: 'Takuu on voimassa kaksi vuotta.' }] })]);
      await expect.poll(() => fs.existsSync(indexFile(dir, 'fi')), { timeout: 5000 }).toBe(true);
      await engine.flush();
      const reader = engineIn(dir);
      expect(ids(await reader.search(query('takuusta', { locale: 'fi' })))).toEqual(['fi/takuu']);
    });

    it('persists removals and replacements, not just additions', async () => {
      const dir = tempDir();
      const first = engineIn(dir);
      await first.replaceAll(contractCorpus);
      await first.remove(['en/refunds']);
      await first.upsert([searchDoc({ id: 'en/warranty-length', title: 'Guarantee period', sections: [{ text: 'Two years.' }] })]);
      await first.close();
      const second = engineIn(dir);
      expect(await second.count()).toBe(contractCorpus.length - 1);
      expect((await second.search(query('refund'))).total).toBe(0);
      expect((await second.search(query('explained'))).total).toBe(0);
      expect(ids(await second.search(query('guarantee period')))).toEqual(['en/warranty-length']);
      // A loaded index keeps taking changes.
      await second.upsert([searchDoc({ id: 'en/late', title: 'Late addition', sections: [{ text: 'Capybara.' }] })]);
      expect(ids(await second.search(query('capybara')))).toEqual(['en/late']);
    });

    it('keeps section texts on disk once saved, and carries them over unchanged through later saves', async () => {
      const dir = tempDir();
      const first = engineIn(dir);
      await first.replaceAll(contractCorpus);
      await first.flush();
      const before = await first.search(query('serial number'));
      const english = (first as unknown as { indexes: Map<string, LocaleIndex> }).indexes.get('en')!;
      const record = english.byId.get('en/warranty-length')!;
      expect(record.sections).toBeUndefined();
      expect(english.sectionsOf(record)).toEqual(contractCorpus.find((d) => d.id === 'en/warranty-length')!.sections);
      // A second save after one edit copies the other documents' stored text into the new file.
      await first.upsert([searchDoc({ id: 'en/late', title: 'Late addition', sections: [{ text: 'Capybara.' }] })]);
      await first.flush();
      // (Scores move a little: one more document changes the statistics.)
      const shown = (r: typeof before) => r.hits.map((h) => [h.id, h.url, h.snippet]);
      expect(shown(await first.search(query('serial number')))).toEqual(shown(before));
      await first.close();
      const second = engineIn(dir);
      expect(shown(await second.search(query('serial number')))).toEqual(shown(before));
      expect((await second.search(query('capybara'))).hits[0]?.snippet).toBe('<mark>Capybara</mark>.');
    });

    it('re-analyses the stored documents when the index was written by another tokenizer version', async () => {
      const dir = tempDir();
      const first = engineIn(dir);
      await first.replaceAll(contractCorpus);
      await first.close();
      const file = indexFile(dir, 'en');
      const data = fs.readFileSync(file);
      const headerLength = data.readUInt32LE(4);
      const header = JSON.parse(data.toString('utf8', 8, 8 + headerLength)) as { tokenizer: number; storedBytes: number };
      header.tokenizer += 1000;
      const newHeader = Buffer.from(JSON.stringify(header));
      const prefix = Buffer.alloc(8);
      prefix.writeUInt32LE(data.readUInt32LE(0), 0);
      prefix.writeUInt32LE(newHeader.length, 4);
      // The posting lists of another tokenizer are of no use; the documents' stored text at the end is.
      fs.writeFileSync(file, Buffer.concat([prefix, newHeader, data.subarray(data.length - header.storedBytes)]));

      const add = vi.spyOn(LocaleIndex.prototype, 'add');
      const second = engineIn(dir);
      const english = contractCorpus.filter((d) => d.locale === 'en');
      expect(await second.count()).toBe(contractCorpus.length);
      expect(add).toHaveBeenCalledTimes(english.length);
      expect(ids(await second.search(query('warrenty')))).toContain('en/warranty-length');
    });
  });

  describe('incremental updates', () => {
    it('an upsert analyses only the changed document: no rebuild, other documents untouched', async () => {
      const engine = engineIn(tempDir());
      await engine.replaceAll(contractCorpus);
      const add = vi.spyOn(LocaleIndex.prototype, 'add');
      const clear = vi.spyOn(LocaleIndex.prototype, 'clear');
      const changed = searchDoc({ id: 'en/refunds', title: 'Refunds and returns', sections: [{ text: 'Refunds take ten days to reach a wombat account.' }] });
      await engine.upsert([changed]);
      expect(add).toHaveBeenCalledTimes(1);
      expect(add).toHaveBeenCalledWith(changed);
      expect(clear).not.toHaveBeenCalled();
      expect(await engine.count()).toBe(contractCorpus.length);
      expect(ids(await engine.search(query('wombat')))).toEqual(['en/refunds']);
      expect((await engine.search(query('original payment method'))).hits.map((h) => h.id)).not.toContain('en/refunds');
      expect(ids(await engine.search(query('unbalanced')))).toEqual(['en/aquawash-drum']);
    });

    it('a removal leaves the rest searchable, with the same ranking as a fresh index of the rest', async () => {
      const rest = contractCorpus.filter((d) => d.id !== 'en/aquawash-extended-cover');
      const incremental = engineIn(tempDir());
      await incremental.replaceAll(contractCorpus);
      await incremental.remove(['en/aquawash-extended-cover']);
      const rebuilt = engineIn(tempDir());
      await rebuilt.replaceAll(rest);
      for (const q of ['warranty', 'aquawash', 'appliance door', 'descaling']) {
        const a = await incremental.search(query(q));
        const b = await rebuilt.search(query(q));
        expect(ids(a), q).toEqual(ids(b));
        expect(a.hits.map((h) => h.score), q).toEqual(b.hits.map((h) => h.score));
      }
    });

    it('edits on an index loaded from disk rank as a fresh index of the same documents', async () => {
      // A loaded index keeps its posting lists in shared arrays; each edit must copy before it writes.
      const dir = tempDir();
      const writer = engineIn(dir);
      await writer.replaceAll(contractCorpus);
      await writer.flush();
      const loaded = engineIn(dir);
      const edited = { ...contractCorpus.find((d) => d.id === 'en/warranty-length')!, title: 'Warranty length and descaling' };
      await loaded.remove(['en/aquawash-extended-cover']);
      await loaded.upsert([edited]);
      const rebuilt = engineIn(tempDir());
      await rebuilt.replaceAll([...contractCorpus.filter((d) => d.id !== 'en/aquawash-extended-cover' && d.id !== edited.id), edited]);
      for (const q of ['warranty', 'aquawash', 'descaling', 'pump', 'serial number']) {
        const a = await loaded.search(query(q));
        const b = await rebuilt.search(query(q));
        expect(a.hits.map((h) => [h.id, h.score, h.snippet]), q).toEqual(b.hits.map((h) => [h.id, h.score, h.snippet]));
      }
      expect(ids(await loaded.search(query('descaling')))).toContain('en/warranty-length');
      expect((await loaded.search(query('pump'))).total).toBe(0);
    });

    it('moves a large batch into one pool of arrays, with every list still found and edits still working', async () => {
      const engine = engineIn(tempDir());
      const words = ['alder', 'birch', 'cedar', 'daphne', 'elm'];
      const wordsOf = (i: number) => [words[i % 5]!, words[(i * 7) % 5]!, words[(i * 3) % 5]!];
      const docs = Array.from({ length: 1500 }, (_, i) =>
        searchDoc({ id: `en/doc-${i}`, title: `Code q${i}q ${wordsOf(i)[0]}`, sections: [{ text: 'General words.' }, { anchor: 'serial', heading: 'Serial', text: `Serial z${i}z and ${wordsOf(i)[1]} ${wordsOf(i)[2]}.` }] }),
      );
      await engine.replaceAll(docs);
      const english = (engine as unknown as { indexes: Map<string, LocaleIndex> }).indexes.get('en')!;
      expect([...english.postings.values()].every((l) => l.isShared)).toBe(true);
      const withWord = (w: string) => docs.filter((_, i) => wordsOf(i).includes(w)).length;
      for (const w of words) expect((await engine.search(query(w))).total, w).toBe(withWord(w));
      const [hit] = (await engine.search(query('z777z'))).hits;
      expect([hit?.id, hit?.url, hit?.snippet]).toEqual(['en/doc-777', '/en/articles/doc-777#serial', `Serial <mark>z777z</mark> and ${wordsOf(777)[1]} ${wordsOf(777)[2]}.`]);
      expect(ids(await engine.search(query('q1q')))).toEqual(['en/doc-1']);
      await engine.remove(['en/doc-777']);
      await engine.upsert([searchDoc({ id: 'en/doc-1', title: 'Renamed', sections: [{ text: 'Nothing of before.' }] })]);
      expect((await engine.search(query('z777z'))).total).toBe(0);
      expect(ids(await engine.search(query('renamed')))).toEqual(['en/doc-1']);
      expect(ids(await engine.search(query('q1q')))).toEqual([]);
      expect(ids(await engine.search(query('z2z')))).toEqual(['en/doc-2']);
      await engine.flush();
      expect((await engine.search(query('birch'))).total).toBe(withWord('birch') - [1, 777].filter((i) => wordsOf(i).includes('birch')).length);
    });

    it('an article moved to another locale leaves the old one', async () => {
      const engine = engineIn(tempDir());
      const doc = searchDoc({ id: 'en/tapir', title: 'Tapir', sections: [{ text: 'Tapir.' }] });
      await engine.upsert([doc]);
      await engine.upsert([{ ...doc, locale: 'es' }]);
      expect((await engine.search(query('tapir'))).total).toBe(0);
      expect(ids(await engine.search(query('tapir', { locale: 'es' })))).toEqual(['en/tapir']);
      expect(await engine.count()).toBe(1);
    });
  });

  describe('damaged index files', () => {
    async function damaged(write: (file: string, valid: Buffer) => void): Promise<{ engine: EmbeddedEngine; dir: string }> {
      const dir = tempDir();
      const first = engineIn(dir);
      await first.replaceAll(contractCorpus);
      await first.close();
      const file = indexFile(dir, 'en');
      write(file, fs.readFileSync(file));
      return { engine: engineIn(dir), dir };
    }

    const english = contractCorpus.filter((d) => d.locale === 'en');
    // [what, how to damage the file, whether a warning names it (an unreadable path is just absent)]
    const cases: Array<[string, (file: string, valid: Buffer) => void, boolean]> = [
      ['garbage', (file) => fs.writeFileSync(file, 'this is not an index'), true],
      ['empty', (file) => fs.writeFileSync(file, ''), true],
      ['cut inside the header', (file, valid) => fs.writeFileSync(file, valid.subarray(0, 40)), true],
      ['cut inside the posting lists', (file, valid) => fs.writeFileSync(file, valid.subarray(0, valid.length - 9)), true],
      ['unreadable (a directory)', (file) => {
        fs.rmSync(file);
        fs.mkdirSync(file);
      }, false],
    ];

    it.each(cases)('ignores a %s index file without throwing; the other locales still load', async (_, write, warns) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { engine } = await damaged(write);
      await expect(engine.init()).resolves.toBeUndefined();
      expect(await engine.count()).toBe(contractCorpus.length - english.length);
      expect((await engine.search(query('warranty'))).total).toBe(0);
      expect(ids(await engine.search(query('garantia', { locale: 'es' })))).toContain('es/cuanto-dura-la-garantia');
      if (warns) expect(warn).toHaveBeenCalledWith(expect.stringContaining('en.idx'), expect.anything());
    });

    it('heals: documents indexed again after a damaged file are searchable and saved', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { engine, dir } = await damaged((file) => fs.writeFileSync(file, 'KBIX garbage'));
      await engine.upsert(english);
      expect(ids(await engine.search(query('warrenty')))).toContain('en/warranty-length');
      await engine.close();
      const reloaded = engineIn(dir);
      expect(await reloaded.count()).toBe(contractCorpus.length);
      expect(ids(await reloaded.search(query('warrenty')))).toContain('en/warranty-length');
    });
  });

  describe('ranking', () => {
    const faq = [
      searchDoc({ id: 'en/delete-account', title: 'How do I delete my account?', sections: [{ text: 'Open Settings, choose Privacy and press the red button. Your data is erased after 30 days.' }] }),
      searchDoc({
        id: 'en/account-settings',
        title: 'Everything in the account settings page',
        sections: [{ text: 'The account page lists your account details, account security, linked devices and the delete options for saved cards, delete options for addresses and delete options for old orders. Account owners can delete payment cards and change the account e-mail.' }],
      }),
      searchDoc({ id: 'en/orders', title: 'Cancelling an order', sections: [{ text: 'Orders can be cancelled before they ship; delete the order from your account history afterwards.' }] }),
    ];

    it('puts the article whose title the question rephrases above one that repeats its words in the body', async () => {
      const engine = engineIn(tempDir());
      await engine.replaceAll(faq);
      expect(ids(await engine.search(query('how can I get rid of my account')))[0]).toBe('en/delete-account');
      expect(ids(await engine.search(query('delete account')))).toEqual(['en/delete-account', 'en/account-settings', 'en/orders']);
    });

    it('scores the same on an index loaded from disk as on the one that wrote it', async () => {
      const dir = tempDir();
      const writer = engineIn(dir);
      await writer.replaceAll([...contractCorpus, ...faq]);
      await writer.flush();
      const reader = engineIn(dir);
      for (const [q, locale] of [['delete account', 'en'], ['warranty claim', 'en'], ['退货', 'zh-Hant'], ['garantia', 'es']] as const) {
        const a = await writer.search(query(q, { locale }));
        const b = await reader.search(query(q, { locale }));
        expect(b.hits.map((h) => [h.id, h.score]), q).toEqual(a.hits.map((h) => [h.id, h.score]));
      }
    });
  });
});
