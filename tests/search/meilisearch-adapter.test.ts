import { describe, expect, it } from 'vitest';
import { locales } from '@core/i18n/locales.ts';
import { buildFilter, markClose, markOpen, markedToHtml, meiliId, toMeiliArticle } from '@search/meilisearch/documents.ts';
import { toHit } from '@search/meilisearch/engine.ts';
import { indexSettings, indexUid } from '@search/meilisearch/settings.ts';
import type { SearchDocument } from '@search/port.ts';

const doc: SearchDocument = {
  id: 'zh-Hant/faq-warranty-length',
  locale: 'zh-Hant',
  slug: 'faq-warranty-length',
  url: '/zh-Hant/articles/faq-warranty-length',
  title: '保固期多久？',
  summary: '兩年保固',
  answer: '',
  headings: ['保固範圍'],
  body: '所有家電享有兩年保固。',
  sections: [{ anchor: '保固範圍', heading: '保固範圍', text: '所有家電享有兩年保固。' }],
  category: 'faq',
  audience: 'public',
  tags: ['保固'],
  updated: '2026-10-01',
};

describe('Meilisearch settings', () => {
  it('gives every locale its own index with a valid uid', () => {
    const uids = locales.map((l) => indexUid('kb_', l));
    expect(new Set(uids).size).toBe(locales.length);
    for (const uid of uids) expect(uid).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('ranks title above summary and answer, above headings, above body, above the learned "asked as" phrases', () => {
    expect(indexSettings('en').searchableAttributes).toEqual(['title', 'summary', 'answer', 'headings', 'body', 'askedAs']);
  });

  it('can filter on audience, category and product, and sort by date', () => {
    const settings = indexSettings('es');
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(['audience', 'category', 'product']));
    expect(settings.sortableAttributes).toContain('updated');
    expect(settings.typoTolerance).toMatchObject({ enabled: true });
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['spa'] }]);
  });
});

describe('Meilisearch documents', () => {
  it('maps an article id to an id Meilisearch accepts and back', () => {
    const mapped = toMeiliArticle(doc);
    expect(mapped.id).toBe('zh-Hant__faq-warranty-length');
    expect(mapped.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(mapped.articleId).toBe(doc.id);
    expect(mapped.product).toBeNull();
    expect(meiliId('en/x')).toBe('en__x');
  });

  it('sends an article with the phrases learned for it, and with none when nothing was learned', () => {
    expect(toMeiliArticle(doc).askedAs).toEqual([]);
    expect(toMeiliArticle(doc, ['保固多久', '保修期']).askedAs).toEqual(['保固多久', '保修期']);
  });

  it('quotes filter values so a crafted value cannot widen the filter', () => {
    expect(buildFilter({ audiences: ['public'], category: 'faq', product: 'x" OR audience = "internal' })).toEqual([
      'audience IN ["public"]',
      'category = "faq"',
      'product = "x\\" OR audience = \\"internal"',
    ]);
  });

  it('escapes highlighted text and keeps only its own marks', () => {
    expect(markedToHtml(`<img src=x onerror=alert(1)> ${markOpen}warranty${markClose} & more`)).toBe(
      '&#60;img src=x onerror=alert(1)&#62; <mark>warranty</mark> &#38; more',
    );
  });

  it('links a hit to the section where the words matched', () => {
    const hit = toHit(
      {
        ...toMeiliArticle(doc),
        _formatted: {
          sections: [{ anchor: '保固範圍', heading: '保固範圍', text: `所有家電享有兩年${markOpen}保固${markClose}。` }],
          body: doc.body,
        },
      },
      'zh-Hant',
      1,
    );
    expect(hit.url).toBe('/zh-Hant/articles/faq-warranty-length#保固範圍');
    expect(hit.snippet).toBe('所有家電享有兩年<mark>保固</mark>。');
    expect(hit.id).toBe(doc.id);
  });
});
