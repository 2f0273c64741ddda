import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Audience } from '@core/content/schema.ts';
import { learnAskedAs, type LearnOptions, type Use } from '@search/asked-as/asked-as.ts';
import { AskedAsField } from '@search/embedded/asked-as-field.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { contractCorpus, ids, query, searchDoc, staffAudiences } from './contract.ts';

const now = new Date('2026-10-10T12:00:00Z');
const options: LearnOptions = { halfLifeDays: 30, maxPhrases: 3, minVisitors: 3 };
const audiences: Record<string, Audience> = { 'en/warranty-length': 'public', 'en/agent-warranty-exceptions': 'internal' };
const audienceOf = (id: string) => audiences[id];

function daysAgo(days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

function uses(query: string, articleId: string, visitors: number, more: Partial<Use> = {}): Use[] {
  return Array.from({ length: visitors }, (_, v) => ({ articleId, locale: 'en', query, visitor: `visitor-${v}`, at: now, scope: 'public', ...more }));
}

describe('learning "asked as" phrases', () => {
  it('learns a query only once enough distinct visitors asked it, however often one visitor repeats it', () => {
    const oneVisitorManyTimes = Array.from({ length: 500 }, () => uses('cover for my kettle', 'en/warranty-length', 1)[0]!);
    expect(learnAskedAs(oneVisitorManyTimes, audienceOf, options, now)).toEqual([]);
    expect(learnAskedAs(uses('cover for my kettle', 'en/warranty-length', 2), audienceOf, options, now)).toEqual([]);
    const learned = learnAskedAs(uses('cover for my kettle', 'en/warranty-length', 3), audienceOf, options, now);
    expect(learned).toEqual([{ id: 'en/warranty-length', locale: 'en', phrases: [{ text: 'cover for my kettle', weight: 0.5 }] }]);
  });

  it('counts a repeating visitor once, so a flood from one visitor weighs no more than their single use', () => {
    const flood = [...uses('kettle cover', 'en/warranty-length', 3), ...Array.from({ length: 200 }, () => uses('kettle cover', 'en/warranty-length', 1)[0]!)];
    expect(learnAskedAs(flood, audienceOf, options, now)).toEqual(learnAskedAs(uses('kettle cover', 'en/warranty-length', 3), audienceOf, options, now));
  });

  it('weighs older use less, by the configured half-life, and never above 1', () => {
    const weight = (at: Date, visitors = 3) => learnAskedAs(uses('kettle cover', 'en/warranty-length', visitors, { at }), audienceOf, options, now)[0]!.phrases[0]!.weight;
    // Three visitors a half-life ago count as 1.5 visitors today.
    expect(weight(daysAgo(30))).toBeCloseTo(1.5 / 4.5, 10);
    expect(weight(daysAgo(90))).toBeLessThan(weight(daysAgo(30)));
    expect(weight(now, 10_000)).toBeLessThan(1);
  });

  it('keeps only the heaviest phrases of an article, up to the cap', () => {
    const all = [
      ...uses('a one', 'en/warranty-length', 3),
      ...uses('b two', 'en/warranty-length', 9),
      ...uses('c three', 'en/warranty-length', 5),
      ...uses('d four', 'en/warranty-length', 4),
      ...uses('e five', 'en/warranty-length', 6, { at: daysAgo(200) }),
    ];
    const [entry] = learnAskedAs(all, audienceOf, options, now);
    expect(entry!.phrases.map((p) => p.text)).toEqual(['b two', 'c three', 'd four']);
  });

  it('lets staff searches teach internal articles only, and nothing teaches an article that is gone', () => {
    const learned = learnAskedAs(
      [
        ...uses('project falcon hinge', 'en/warranty-length', 5, { scope: 'staff' }),
        ...uses('goodwill limit', 'en/agent-warranty-exceptions', 5, { scope: 'staff' }),
        ...uses('old page', 'en/deleted-article', 5),
      ],
      audienceOf,
      options,
      now,
    );
    expect(learned.map((e) => [e.id, e.phrases.map((p) => p.text)])).toEqual([['en/agent-warranty-exceptions', ['goodwill limit']]]);
  });
});

describe('the "asked as" field in the embedded engine', () => {
  const dirs: string[] = [];
  const engines: EmbeddedEngine[] = [];
  async function engine(): Promise<EmbeddedEngine> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-asked-as-'));
    dirs.push(dir);
    const e = new EmbeddedEngine({ dir });
    engines.push(e);
    await e.init();
    await e.replaceAll(contractCorpus);
    return e;
  }
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
  });
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const learned = (text: string, id = 'en/warranty-length', weight = 0.5) => ({ id, locale: 'en' as const, phrases: [{ text, weight }] });

  it('finds an article by the words customers asked for it with, and forgets them when a refresh no longer has them', async () => {
    const e = await engine();
    expect((await e.search(query('guaranteed kettle'))).total).toBe(0);
    await e.setAskedAs([learned('how long is my kettle guaranteed')]);
    expect(ids(await e.search(query('guaranteed kettle')))).toEqual(['en/warranty-length']);
    await e.setAskedAs([]);
    expect((await e.search(query('guaranteed kettle'))).total).toBe(0);
  });

  it('lifts the article customers opened above one that only shares a word with the query', async () => {
    const e = await engine();
    const before = ids(await e.search(query('warranty delivery damage')));
    expect(before[0]).toBe('en/frostline-transport-damage');
    const phrases = ['warranty delivery damage', 'damage at delivery under warranty', 'is delivery damage a warranty case'].map((text) => ({ text, weight: 0.8 }));
    await e.setAskedAs([{ id: 'en/warranty-length', locale: 'en', phrases }]);
    expect(ids(await e.search(query('warranty delivery damage')))[0]).toBe('en/warranty-length');
  });

  it('ranks a learned phrase below the same words in a title', async () => {
    const e = await engine();
    await e.setAskedAs([learned('drum does not spin', 'en/warranty-length', 1)]);
    expect(ids(await e.search(query('drum does not spin')))[0]).toBe('en/aquawash-drum');
  });

  it('leaves question words out of what it learns, as a query does, and sums the weights of the phrases holding a word', () => {
    const field = new AskedAsField('zh-Hant');
    field.replace([{ id: 'zh-Hant/returns', locale: 'zh-Hant', phrases: [{ text: '退貨期限是什麼', weight: 0.5 }, { text: '退貨要多久', weight: 0.25 }] }]);
    const numOf = (id: string) => (id === 'zh-Hant/returns' ? 7 : undefined);
    expect(field.list('什么', numOf)).toBeUndefined();
    expect(field.list('退货', numOf)).toEqual({ nums: Int32Array.from([7]), tfs: Float64Array.from([0.75]) });
  });

  it('never shows an internal article to the public, whatever it learned from staff', async () => {
    const e = await engine();
    await e.setAskedAs([learned('falcon hinge recall', 'en/agent-warranty-exceptions', 1)]);
    expect(ids(await e.search(query('falcon hinge recall', { audiences: staffAudiences })))).toEqual(['en/agent-warranty-exceptions']);
    const forPublic = await e.search(query('falcon hinge recall'));
    expect(forPublic.total).toBe(0);
    expect(forPublic.facets.category).toEqual({});
  });

  it('keeps what it learned for an article through an edit of it, which renumbers the document', async () => {
    const e = await engine();
    await e.setAskedAs([learned('kettle guarantee')]);
    const edited = searchDoc({ id: 'en/warranty-length', title: 'Warranty length, explained again', sections: [{ text: 'Two years on every appliance.' }] });
    await e.upsert([edited]);
    expect(ids(await e.search(query('kettle guarantee')))).toEqual(['en/warranty-length']);
    await e.remove(['en/warranty-length']);
    expect((await e.search(query('kettle guarantee'))).total).toBe(0);
  });
});
