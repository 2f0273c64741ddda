import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicViewer, type Viewer } from '@core/content/article.ts';
import { Popularity, popularityMigrations } from '@core/content/popularity.ts';
import { ContentStore } from '@core/content/store.ts';
import { openDatabase, type Db } from '@core/db/database.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { englishFallback } from '@search/fallback.ts';
import { indexedEngine } from '@tests/search/indexed-content.ts';
import { searchParamsSchema } from '@search/query-schema.ts';
import { searchArticles } from '@search/service.ts';
import type { App } from '@site/lib/app.ts';
import { searchHelp } from '@site/lib/search-help.ts';
import { searchDoc } from './contract.ts';

const staff: Viewer = { kind: 'staff' };
let root: string;
let engine: EmbeddedEngine;
let content: ContentStore;
let db: Db;
let app: App;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-search-help-'));
  content = new ContentStore(path.resolve('content')).loadAll();
  engine = await indexedEngine(content, root);
  db = openDatabase(path.join(root, 'kb.sqlite'), popularityMigrations);
  // Only what searchHelp reads of the app.
  app = { search: { engine }, content, popularity: new Popularity(db) } as unknown as App;
}, 120_000);

afterAll(async () => {
  await engine.close();
  db.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const params = (q: string, locale: Locale) => searchParamsSchema.parse({ q, locale });
const help = async (q: string, locale: Locale, viewer: Viewer = publicViewer) => {
  const result = await searchArticles(engine, params(q, locale), viewer);
  return { result, help: await searchHelp(app, params(q, locale), viewer, result) };
};

describe('did you mean', () => {
  it('suggests the word the articles use, as they write it, and only a query that finds something', async () => {
    const { result, help: h } = await help('garanty', 'en');
    expect(result.total).toBe(0);
    expect(h.suggestion).toBe('warranty');
    expect((await engine.search({ q: h.suggestion!, locale: 'en', audiences: ['public'], page: 1, limit: 5 })).total).toBeGreaterThan(0);
    expect((await help('garnatía', 'es')).help.suggestion).toBe(undefined);
    expect(await engine.suggestSpelling({ q: 'garnatía policy', locale: 'es', audiences: ['public'] })).toBe('garantía política');
    expect(await engine.suggestSpelling({ q: 'rfund', locale: 'en', audiences: ['public'] })).toMatch(/^refunds?$/);
    expect(await engine.suggestSpelling({ q: 'xyzzy quux', locale: 'en', audiences: ['public'] })).toBe(undefined);
  });

  it('is per locale and never built from words only internal articles use, for the public', async () => {
    const own = new EmbeddedEngine({ dir: path.join(root, 'own') });
    await own.replaceAll([
      searchDoc({ id: 'en/public', title: 'Delivery times', sections: [{ text: 'Parcels arrive within three days.' }] }),
      searchDoc({ id: 'en/internal', title: 'Escalation ladder', audience: 'internal', sections: [{ text: 'Escalate to the shift lead.' }] }),
      searchDoc({ id: 'es/publico', title: 'Plazos de entrega', sections: [{ text: 'Los paquetes llegan en tres días.' }] }),
    ]);
    expect(await own.suggestSpelling({ q: 'escalaton', locale: 'en', audiences: ['public'] })).toBe(undefined);
    expect(await own.suggestSpelling({ q: 'ladderr', locale: 'en', audiences: ['public'] })).toBe(undefined);
    expect(await own.suggestSpelling({ q: 'ladderr', locale: 'en', audiences: ['public', 'internal'] })).toBe('ladder');
    expect(await own.suggestSpelling({ q: 'parsels', locale: 'en', audiences: ['public'] })).toBe('parcels');
    expect(await own.suggestSpelling({ q: 'entrge', locale: 'en', audiences: ['public'] })).toBe(undefined);
    expect(await own.suggestSpelling({ q: 'entrge', locale: 'es', audiences: ['public'] })).toBe('entrega');
    await own.close();
  });
});

describe('no results', () => {
  it('offers the most read articles of the locale the viewer may see', async () => {
    const popularity = new Popularity(db);
    for (let i = 0; i < 3; i++) popularity.recordView('zh-Hant/faq-contact-hours');
    popularity.recordView('zh-Hant/faq-track-delivery');
    for (let i = 0; i < 9; i++) popularity.recordView('zh-Hant/internal-one-answer');
    for (let i = 0; i < 9; i++) popularity.recordView('en/faq-warranty-length');
    // Another counter than the app's: its views reach the app through the database once written.
    popularity.flush();
    const { result, help: h } = await help('xyzzy', 'zh-Hant');
    expect(result.total).toBe(0);
    expect(h.popular.map((a) => a.id).slice(0, 2)).toEqual(['zh-Hant/faq-contact-hours', 'zh-Hant/faq-track-delivery']);
    expect(h.popular.every((a) => a.locale === 'zh-Hant' && a.meta.audience === 'public')).toBe(true);
    expect((await help('xyzzy', 'zh-Hant', staff)).help.popular[0]?.id).toBe('zh-Hant/internal-one-answer');
  });

  it('offers nothing extra when the search found enough', async () => {
    const { result, help: h } = await help('warranty', 'en');
    expect(result.total).toBeGreaterThan(2);
    expect(h).toEqual({ popular: [], english: [] });
  });
});

describe('English fallback in search results', () => {
  it('follows too few Finnish hits with English articles not translated into Finnish, linked in the Finnish site', async () => {
    const { result, help: h } = await help('kahvinkeitin maito', 'fi');
    expect(result.total).toBeGreaterThan(0);
    expect(result.total).toBeLessThan(3);
    const ids = h.english.map((hit) => hit.id);
    expect(ids).toContain('en/brewmaster-milk-system');
    for (const hit of h.english) {
      expect(hit.locale).toBe('en');
      expect(hit.url.startsWith('/fi/articles/')).toBe(true);
      const article = content.get('en', hit.slug, publicViewer)!;
      expect(content.translations(article, publicViewer).some((a) => a.locale === 'fi')).toBe(false);
    }
  });

  it('uses the English titles of the local hits where the words cannot match English (zh-Hant)', async () => {
    const q = '奶泡';
    const local = await searchArticles(engine, params(q, 'zh-Hant'), publicViewer);
    expect(local.total).toBeLessThan(3);
    const english = await englishFallback(engine, content, publicViewer, { q, locale: 'zh-Hant', localHits: local.hits, limit: 5 });
    expect(english.length).toBeGreaterThan(0);
    expect(english.every((hit) => hit.url.startsWith('/zh-Hant/articles/') && hit.locale === 'en')).toBe(true);
  });

  it('never adds internal articles for the public, nothing in English, nothing past page one or after enough hits', async () => {
    const internalTitle = 'Escalation ladder';
    const fallback = await englishFallback(engine, content, publicViewer, { q: internalTitle, locale: 'fi', localHits: [], limit: 10 });
    expect(fallback.every((hit) => content.get('en', hit.slug, publicViewer))).toBe(true);
    expect(fallback.map((h) => h.id)).not.toContain('en/internal-escalation-ladder');
    const forStaff = await englishFallback(engine, content, staff, { q: internalTitle, locale: 'fi', localHits: [], limit: 10 });
    expect(forStaff.map((h) => h.id)).toContain('en/internal-escalation-ladder');
    expect((await help('maito', 'en')).help.english).toEqual([]);
    const many = await searchArticles(engine, params('takuu', 'fi'), publicViewer);
    expect(many.total).toBeGreaterThan(2);
    expect(await englishFallback(engine, content, publicViewer, { q: 'takuu', locale: 'fi', localHits: many.hits, limit: 5 })).toEqual([]);
  });
});
