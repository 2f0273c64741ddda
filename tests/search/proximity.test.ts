import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Locale } from '@core/i18n/locales.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { LocaleIndex } from '@search/embedded/locale-index.ts';
import { indexFile } from '@search/embedded/persist.ts';
import { parseQuery } from '@search/embedded/query.ts';
import { defaultRanking, type Ranking } from '@search/embedded/ranking.ts';
import { Scorer } from '@search/embedded/scorer.ts';
import { ids, query, searchDoc } from './contract.ts';

const withProximity: Ranking = defaultRanking;
const without: Ranking = { ...defaultRanking, proximity: 0 };

function indexOf(locale: Locale, bodies: Record<string, string>): LocaleIndex {
  const index = new LocaleIndex(locale);
  for (const [slug, text] of Object.entries(bodies)) index.add(searchDoc({ id: `${locale}/${slug}`, title: 'Notes', sections: [{ text }] }));
  return index;
}

/** Scores by article id. */
function scores(index: LocaleIndex, q: string, ranking: Ranking): Record<string, number> {
  const { nums, scores: values } = new Scorer(ranking).score(index, parseQuery(q, index, ranking));
  return Object.fromEntries(nums.map((num, i) => [index.records[num]!.doc.id, values[i]!]));
}

function ranked(index: LocaleIndex, q: string, ranking: Ranking): string[] {
  return Object.entries(scores(index, q, ranking))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([id]) => id);
}

const filler = 'river mountain lantern harbor orchard meadow violin saddle copper beacon thistle quarry';

describe('term proximity', () => {
  const english = indexOf('en', {
    // The same words in both: only their order differs, so BM25F alone cannot tell them apart.
    'a-far': `descale ${filler} kettle`,
    'b-near': `descale kettle ${filler}`,
    unrelated: 'warranty claims need the receipt',
  });

  it('ranks the article with the query words next to each other above the one with them far apart', () => {
    const plain = scores(english, 'descale kettle', without);
    expect(plain['en/a-far']).toBe(plain['en/b-near']);
    expect(ranked(english, 'descale kettle', without).slice(0, 2)).toEqual(['en/a-far', 'en/b-near']);
    expect(ranked(english, 'descale kettle', withProximity).slice(0, 2)).toEqual(['en/b-near', 'en/a-far']);
  });

  it('counts the words in either order', () => {
    expect(ranked(english, 'kettle descale', withProximity).slice(0, 2)).toEqual(['en/b-near', 'en/a-far']);
  });

  it('does not change a one-word query', () => {
    expect(scores(english, 'kettle', withProximity)).toEqual(scores(english, 'kettle', without));
  });

  const chinese = indexOf('zh-Hant', {
    // Two CJK runs: the same bigrams in both articles, near each other in one.
    'a-far': '公孫康。天氣晴朗，山川秀麗，人民安居樂業，城外農田一望無際，商旅往來不絕。丸都城',
    'b-near': '公孫康，丸都城。天氣晴朗，山川秀麗，人民安居樂業，城外農田一望無際，商旅往來不絕。',
    unrelated: '洗衣機的保固期為兩年。',
  });

  it('works on Chinese, where a word is a run of characters', () => {
    const plain = scores(chinese, '公孫康丸都城', without);
    expect(plain['zh-Hant/a-far']).toBe(plain['zh-Hant/b-near']);
    expect(ranked(chinese, '公孫康丸都城', withProximity).slice(0, 2)).toEqual(['zh-Hant/b-near', 'zh-Hant/a-far']);
  });

  it('leaves a one-bigram Chinese query alone', () => {
    expect(scores(chinese, '丸都', withProximity)).toEqual(scores(chinese, '丸都', without));
  });
});

describe('index format with term positions', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const docs = [
    searchDoc({ id: 'en/a-far', title: 'Notes', sections: [{ text: `descale ${filler} kettle` }] }),
    searchDoc({ id: 'en/b-near', title: 'Notes', sections: [{ text: `descale kettle ${filler}` }] }),
  ];

  function header(file: string): { format: number; docs: Array<Record<string, unknown>>; storedBytes: number } {
    const data = fs.readFileSync(file);
    return JSON.parse(data.toString('utf8', 8, 8 + data.readUInt32LE(4)));
  }

  it('rebuilds an index written before positions were kept, on start, from its stored text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-proximity-'));
    dirs.push(dir);
    const first = new EmbeddedEngine({ dir });
    await first.replaceAll(docs);
    await first.close();
    const file = indexFile(dir, 'en');
    // What format 2 wrote: the same header without term sequences, posting lists, then the stored sections.
    const data = fs.readFileSync(file);
    const old = header(file);
    expect(old.format).toBe(3);
    const oldHeader = Buffer.from(JSON.stringify({ ...old, format: 2, docs: old.docs.map(({ tokens: _tokens, ...doc }) => doc) }));
    const prefix = Buffer.alloc(8);
    prefix.writeUInt32LE(data.readUInt32LE(0), 0);
    prefix.writeUInt32LE(oldHeader.length, 4);
    fs.writeFileSync(file, Buffer.concat([prefix, oldHeader, data.subarray(data.length - old.storedBytes)]));

    const add = vi.spyOn(LocaleIndex.prototype, 'add');
    const second = new EmbeddedEngine({ dir });
    try {
      expect(await second.count()).toBe(2);
      expect(add).toHaveBeenCalledTimes(2);
      expect(ids(await second.search(query('descale kettle')))).toEqual(['en/b-near', 'en/a-far']);
    } finally {
      await second.close();
      add.mockRestore();
    }
    expect(header(file).format).toBe(3);
  });
});
