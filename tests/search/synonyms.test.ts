import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentStore } from '@core/content/store.ts';
import { SynonymCatalog } from '@core/content/synonyms.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { indexedEngine } from '@tests/search/indexed-content.ts';
import { synonymsRecheckMs } from '@search/select-engine.ts';
import { indexSettings, meiliSynonyms } from '@search/meilisearch/settings.ts';
import type { SearchEngine } from '@search/port.ts';
import { searchDoc } from './contract.ts';

const dirs: string[] = [];
const engines: SearchEngine[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-synonyms-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const engine of engines) await engine.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const catalog = new SynonymCatalog(path.resolve('content'));
let withSynonyms: EmbeddedEngine;
let without: EmbeddedEngine;
let content: ContentStore;

async function projectEngine(synonyms?: (locale: Locale) => string[][]): Promise<EmbeddedEngine> {
  const engine = await indexedEngine(content, tempDir(), synonyms ? { synonyms } : {});
  engines.push(engine);
  return engine;
}

beforeAll(async () => {
  content = new ContentStore(path.resolve('content')).loadAll();
  withSynonyms = await projectEngine((locale) => catalog.groups(locale));
  without = await projectEngine();
}, 180_000);

const publicIds = async (engine: SearchEngine, q: string, locale: Locale) =>
  (await engine.search({ q, locale, audiences: ['public'], page: 1, limit: 20 })).hits.map((h) => h.id);

describe('the synonyms files of the project, on the embedded engine', () => {
  const cases: Array<{ locale: Locale; q: string; finds: string; because: string }> = [
    { locale: 'zh-Hant', q: '雪櫃', finds: 'zh-Hant/faq-warranty-length', because: 'Hong Kong 雪櫃 is 冰箱' },
    { locale: 'en', q: 'robovac', finds: 'en/sweepbot-mapping', because: 'a robovac is a robot vacuum' },
    { locale: 'es', q: 'lavarropas', finds: 'es/codigos-de-error-aquawash', because: 'lavarropas (Río de la Plata) is lavadora' },
    { locale: 'el', q: 'γκαράντι', finds: 'el/faq-warranty-length', because: 'colloquial γκαράντι is εγγύηση' },
    { locale: 'fi', q: 'tuotetakuu', finds: 'fi/kuinka-pitka-takuu-on', because: 'tuotetakuu is takuu' },
  ];
  for (const { locale, q, finds, because } of cases) {
    it(`${locale}: "${q}" finds ${finds} (${because}), which it does not without the synonyms`, async () => {
      expect(content.all().some((a) => a.id === finds)).toBe(true);
      expect(await publicIds(without, q, locale)).not.toContain(finds);
      expect(await publicIds(withSynonyms, q, locale)).toContain(finds);
    });
  }

  it('zh-Hant: 保修 finds the warranty articles, and 維修 written in Simplified finds them by script folding alone', async () => {
    const hits = await publicIds(withSynonyms, '保修', 'zh-Hant');
    expect(hits.slice(0, 5)).toEqual(expect.arrayContaining(['zh-Hant/terms-manufacturer-warranty', 'zh-Hant/faq-warranty-length', 'zh-Hant/claims-deadlines']));
    const folded = await publicIds(without, '保固维修', 'zh-Hant');
    expect(folded).toContain('zh-Hant/claims-deadlines');
  });
});

describe('synonym expansion keeps precision', () => {
  const docs = [
    searchDoc({ id: 'en/own-word', title: 'Refund of a double charge', sections: [{ text: 'We refund the second payment.' }] }),
    searchDoc({ id: 'en/synonym-only', title: 'Money back after a double charge', sections: [{ text: 'You get your money back.' }] }),
    searchDoc({ id: 'en/both', title: 'Refund or money back', sections: [{ text: 'A refund, money back.' }] }),
  ];

  it('ranks the word typed above its synonym, and an article with both gains nothing over one with the word', async () => {
    const engine = new EmbeddedEngine({ dir: tempDir(), synonyms: () => [['refund', 'money back']] });
    engines.push(engine);
    await engine.replaceAll(docs);
    const result = await engine.search({ q: 'refund', locale: 'en', audiences: ['public'], page: 1, limit: 10 });
    const score = (id: string) => result.hits.find((h) => h.id === id)?.score ?? 0;
    expect(result.hits.map((h) => h.id)).toContain('en/synonym-only');
    expect(score('en/own-word')).toBeGreaterThan(score('en/synonym-only'));
    expect(result.hits.at(-1)?.id).toBe('en/synonym-only');
    const backwards = await engine.search({ q: 'money back', locale: 'en', audiences: ['public'], page: 1, limit: 10 });
    expect(backwards.hits.map((h) => h.id)).toContain('en/own-word');
    expect(backwards.hits.at(-1)?.id).toBe('en/own-word');
  });

  it('reads an edited synonyms file on the next query, with no re-index', async () => {
    const contentDir = tempDir();
    fs.mkdirSync(path.join(contentDir, 'synonyms'));
    const file = path.join(contentDir, 'synonyms', 'en.yaml');
    fs.writeFileSync(file, '- [fridge, refrigerator]\n');
    const own = new SynonymCatalog(contentDir);
    const engine = new EmbeddedEngine({ dir: tempDir(), synonyms: (l) => own.groups(l) });
    engines.push(engine);
    await engine.replaceAll(docs);
    expect(await publicIds(engine, 'reimbursement', 'en')).toEqual([]);
    fs.writeFileSync(file, '- [fridge, refrigerator]\n- [refund, reimbursement]\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await publicIds(engine, 'reimbursement', 'en')).toEqual(expect.arrayContaining(['en/own-word', 'en/both']));
  });
});

describe('the synonyms catalog as searches use it (a check at most once a second)', () => {
  it('does not look at the disk again within the delay, and applies an edit, a new file and a removed one after it', () => {
    const contentDir = tempDir();
    fs.mkdirSync(path.join(contentDir, 'synonyms'));
    const file = path.join(contentDir, 'synonyms', 'en.yaml');
    fs.writeFileSync(file, '- [fridge, refrigerator]\n');
    let now = 1_000_000;
    const own = new SynonymCatalog(contentDir, { recheckMs: synonymsRecheckMs, now: () => now });
    const first = own.groups('en');
    expect(first).toEqual([['fridge', 'refrigerator']]);
    expect(own.groups('fi')).toEqual([]);

    fs.writeFileSync(file, '- [fridge, refrigerator]\n- [refund, reimbursement]\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    fs.writeFileSync(path.join(contentDir, 'synonyms', 'fi.yaml'), '- [hyvitys, korvaus]\n');
    now += synonymsRecheckMs - 1;
    expect(own.groups('en')).toBe(first);
    expect(own.groups('fi')).toEqual([]);

    now += 1;
    expect(own.groups('en')).toEqual([['fridge', 'refrigerator'], ['refund', 'reimbursement']]);
    expect(own.groups('fi')).toEqual([['hyvitys', 'korvaus']]);
    const edited = own.groups('en');
    now += synonymsRecheckMs;
    expect(own.groups('en')).toBe(edited);

    fs.rmSync(file);
    now += synonymsRecheckMs;
    expect(own.groups('en')).toEqual([]);
  });
});

describe('synonyms files', () => {
  function check(name: string, text: string) {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'synonyms'));
    fs.writeFileSync(path.join(dir, 'synonyms', name), text);
    return [...new SynonymCatalog(dir).problems()];
  }

  it('the project has one for every locale and all are valid', () => {
    expect([...catalog.problems()]).toEqual([]);
    for (const locale of ['en', 'es', 'zh-Hant', 'el', 'fi'] as const) expect(catalog.groups(locale).length).toBeGreaterThan(5);
  });

  it('names the line and column of a bad entry, a word in two groups, and a file named after no locale', () => {
    expect(check('en.yaml', '- [fridge, refrigerator]\n- [warranty]\n')).toEqual([
      ['synonyms/en.yaml', [{ line: 2, column: 3, message: 'needs at least 2 words or phrases' }]],
    ]);
    expect(check('en.yaml', '- [fridge, refrigerator]\n- [warranty, Fridge]\n')[0]![1][0]).toMatchObject({ line: 2, column: 14, message: expect.stringContaining('already in the group on line 1') });
    expect(check('en.yaml', '- [fridge, [a, b]]\n')[0]![1][0]).toMatchObject({ line: 1, column: 12 });
    expect(check('en.yaml', '- [fridge, refrigerator\n')[0]![1][0]!.message).toMatch(/^YAML:/);
    expect(check('english.yaml', '- [a, b]\n')).toEqual([['synonyms/english.yaml', [expect.objectContaining({ message: expect.stringContaining('named <locale>.yaml') })]]]);
  });
});

describe('Meilisearch gets the same synonyms', () => {
  it('each word of a group names the others, lower-cased, in the settings sent for its locale', () => {
    expect(meiliSynonyms([['Refund', 'money back'], ['fridge', 'refrigerator', 'cooler']], 'en')).toEqual({
      refund: ['money back'],
      'money back': ['refund'],
      fridge: ['refrigerator', 'cooler'],
      refrigerator: ['fridge', 'cooler'],
      cooler: ['fridge', 'refrigerator'],
    });
    const settings = indexSettings('zh-Hant', catalog.groups('zh-Hant'));
    expect(settings.synonyms?.['保修']).toEqual(expect.arrayContaining(['保固', '質保']));
    expect(settings.synonyms?.['保固']).toEqual(expect.arrayContaining(['保修', '質保']));
    for (const locale of ['en', 'es', 'el', 'fi'] as const) expect(Object.keys(indexSettings(locale, catalog.groups(locale)).synonyms ?? {}).length).toBeGreaterThan(10);
    expect(indexSettings('en').synonyms).toEqual({});
  });
});
