import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentStore } from '@core/content/store.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { indexedEngine } from '@tests/search/indexed-content.ts';
import { suggestArticles } from '@search/suggest.ts';

let root: string;
let engine: EmbeddedEngine;
let content: ContentStore;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-suggest-'));
  content = new ContentStore(path.resolve('content')).loadAll();
  engine = await indexedEngine(content, root);
}, 120_000);

afterAll(async () => {
  await engine.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const productOf = (id: string) => content.all().find((a) => a.id === id)?.meta.product;

describe('complaint form suggestions', () => {
  it('follow the chosen product: an AquaWash leak never brings up a BrewMaster article', async () => {
    const q = 'water leaking from the machine, milk on the floor';
    const withProduct = await suggestArticles(engine, { q, locale: 'en', product: 'aquawash', limit: 5 });
    expect(withProduct.length).toBeGreaterThan(0);
    expect(withProduct.map((s) => productOf(s.id))).not.toContain('brewmaster');
    expect(productOf(withProduct[0]!.id)).toBe('aquawash');
    expect(withProduct.every((s) => !s.fallback && s.locale === 'en')).toBe(true);
    const withoutProduct = await suggestArticles(engine, { q, locale: 'en', limit: 5 });
    expect(withoutProduct.map((s) => productOf(s.id))).toContain('brewmaster');
  });

  it('a Finnish complaint about a robot vacuum gets English SweepBot articles, marked as English', async () => {
    const q = 'Robotti-imuri ei lataudu eikä löydä latausasemaa';
    const suggestions = await suggestArticles(engine, { q, locale: 'fi', product: 'sweepbot', limit: 5 });
    const english = suggestions.filter((s) => s.fallback);
    expect(english.length).toBeGreaterThanOrEqual(2);
    for (const s of english) {
      expect(s.locale).toBe('en');
      expect(productOf(s.id)).toBe('sweepbot');
    }
    expect(english.map((s) => s.id)).toContain('en/faq-sweepbot-not-charging');
  });

  it('stay in the customer’s language when it has enough articles', async () => {
    const suggestions = await suggestArticles(engine, { q: 'codigos de error lavadora AquaWash', locale: 'es', product: 'aquawash', limit: 5 });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.filter((s) => !s.fallback).every((s) => s.locale === 'es')).toBe(true);
  });

  it('never offer internal articles', async () => {
    const suggestions = await suggestArticles(engine, { q: 'SweepBot not charging reply', locale: 'en', product: 'sweepbot', limit: 5 });
    expect(suggestions.map((s) => s.id)).not.toContain('en/reply-sweepbot-not-charging');
  });
});
