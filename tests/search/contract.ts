/**
 * The behaviour every search engine behind the port (search/port.ts) must show. Each engine's test file
 * calls `describeSearchEngineContract` with a factory for fresh, empty engines:
 *   - tests/search/embedded.test.ts runs it always;
 *   - tests/search/meilisearch-contract.test.ts runs it when MEILI_HOST is set.
 * Not a test file itself (no `.test.ts`), so Vitest only runs it through those two.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '@core/content/categories.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { Section } from '@core/markdown/extract.ts';
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from '@search/port.ts';

export interface ContractOptions {
  /**
   * Whether the engine stems words by language (the embedded engine does, with Snowball and the Greek
   * stemmer; Meilisearch does not). Only the inflection tests depend on it.
   */
  stemming?: boolean;
  /** Called with every engine the suite made, after it is closed (drop indexes, remove directories). */
  dispose?: (engine: SearchEngine) => Promise<void> | void;
}

type DocInput = {
  id: `${Locale}/${string}`;
  title: string;
  summary?: string;
  answer?: string;
  /** The article's text under its headings; the first, without a heading, is the intro. */
  sections: Array<Partial<Section> & { text: string }>;
  category?: Category;
  audience?: SearchDocument['audience'];
  product?: string;
  tags?: string[];
};

/** A search document shaped as toSearchDocument() makes them: body is all section text, headings listed. */
export function searchDoc(input: DocInput): SearchDocument {
  const [locale, slug] = input.id.split('/') as [Locale, string];
  const sections: Section[] = input.sections.map((s) => ({ anchor: s.anchor ?? '', heading: s.heading ?? '', text: s.text }));
  return {
    id: input.id,
    locale,
    slug,
    url: `/${locale}/articles/${slug}`,
    title: input.title,
    summary: input.summary ?? '',
    answer: input.answer ?? '',
    headings: sections.map((s) => s.heading).filter(Boolean),
    body: sections.map((s) => [s.heading, s.text].filter(Boolean).join(' ')).join(' '),
    sections,
    category: input.category ?? 'faq',
    audience: input.audience ?? 'public',
    ...(input.product ? { product: input.product } : {}),
    tags: input.tags ?? [],
    updated: '2026-10-01',
  };
}

const descaling = Array.from({ length: 7 }, (_, i) =>
  searchDoc({
    id: `en/brewmaster-descaling-${i + 1}`,
    title: `BrewMaster descaling tip ${i + 1}`,
    summary: 'Keep the coffee machine free of limescale.',
    sections: [{ text: `Descaling step ${i + 1}: run the descaling programme with fresh water and the tablet.` }],
    category: i % 2 ? 'product-feature' : 'faq',
    product: 'brewmaster',
  }),
);

/** A small multilingual knowledge base; each document is there for the tests that name it. */
export const contractCorpus: SearchDocument[] = [
  searchDoc({
    id: 'en/warranty-length',
    title: 'Warranty length explained',
    summary: 'Two years on every appliance.',
    sections: [
      { text: 'Every appliance comes with a two-year warranty from the day of delivery.' },
      { anchor: 'how-to-claim', heading: 'How to claim', text: 'Find the serial number on the label inside the door, then file the claim online.' },
    ],
    tags: ['warranty'],
  }),
  searchDoc({
    id: 'en/frostline-transport-damage',
    title: 'Transport damage on a FrostLine fridge',
    summary: 'Report damage within 48 hours.',
    sections: [{ text: 'Transport damage is not covered by the warranty unless it is reported within 48 hours of delivery.' }],
    category: 'claim-rules',
    product: 'frostline',
  }),
  searchDoc({
    id: 'en/aquawash-extended-cover',
    title: 'Extended cover for AquaWash',
    summary: 'Add three years of cover.',
    sections: [{ text: 'Kestrel Care adds three years to the AquaWash warranty for the motor and the pump.' }],
    category: 'product-feature',
    product: 'aquawash',
  }),
  searchDoc({
    id: 'en/agent-warranty-exceptions',
    title: 'Warranty exceptions for agents',
    summary: 'When agents may extend cover.',
    sections: [{ text: 'Agents may approve goodwill repairs outside the warranty up to EUR 100 without escalation.' }],
    category: 'internal-guide',
    audience: 'internal',
  }),
  searchDoc({
    id: 'en/aquawash-drum',
    title: 'AquaWash drum does not spin',
    summary: 'Check the door lock and the load.',
    sections: [
      { text: 'If the drum stays still after filling, the door lock or an unbalanced load is the usual cause.' },
      { anchor: 'reset', heading: 'Reset the machine', text: 'Hold the start button for five seconds to reboot the control board.' },
    ],
    category: 'product-feature',
    product: 'aquawash',
  }),
  searchDoc({
    id: 'en/refunds',
    title: 'Refunds and returns',
    summary: 'Return an appliance within 30 days.',
    sections: [{ text: 'You can return an unused appliance within 30 days for a full refund to the original payment method.' }],
    category: 'service-terms',
  }),
  searchDoc({
    id: 'en/chat-widget',
    title: 'Embedding the chat widget',
    summary: 'Paste the snippet we give you.',
    sections: [{ text: `Never paste <script>alert(1)</script> into the widget field & expect it to run; "quotes" and 'apostrophes' stay text.` }],
  }),
  ...descaling,
  searchDoc({
    id: 'es/cuanto-dura-la-garantia',
    title: '¿Cuánto dura la garantía?',
    summary: 'Dos años en todos los aparatos.',
    sections: [{ text: 'Todos los aparatos tienen dos años de garantía desde la entrega.' }],
  }),
  searchDoc({
    id: 'es/devoluciones',
    title: 'Devoluciones y reembolsos',
    summary: 'Treinta días para devolver un aparato.',
    sections: [{ text: 'Puede devolver un aparato sin usar en un plazo de treinta días.' }],
    category: 'service-terms',
  }),
  searchDoc({
    id: 'zh-Hant/returns',
    title: '如何辦理退貨？',
    summary: '三十天內可以退貨。',
    sections: [{ text: '請在三十天內申請退貨，並提供產品序號。' }],
    category: 'service-terms',
  }),
  searchDoc({
    id: 'zh-Hant/warranty',
    title: '保固期多久？',
    summary: '所有家電享有兩年保固。',
    sections: [{ text: '保固自交貨日起算。' }],
  }),
  searchDoc({
    id: 'el/eggyisi',
    title: 'Πόσο διαρκεί η εγγύηση;',
    summary: 'Δύο χρόνια για όλες τις συσκευές.',
    sections: [{ text: 'Όλες οι συσκευές έχουν εγγύηση δύο ετών από την παράδοση.' }],
  }),
  searchDoc({
    id: 'el/epistrofes',
    title: 'Επιστροφές προϊόντων',
    summary: 'Τριάντα ημέρες για επιστροφή.',
    sections: [{ text: 'Μπορείτε να επιστρέψετε ένα προϊόν μέσα σε τριάντα ημέρες.' }],
    category: 'service-terms',
  }),
  searchDoc({
    id: 'fi/takuu',
    title: 'Takuun kesto',
    summary: 'Kaikilla laitteilla on kahden vuoden takuu.',
    sections: [{ text: 'Takuu on voimassa kaksi vuotta toimituspäivästä.' }],
  }),
  searchDoc({
    id: 'fi/palautukset',
    title: 'Palautukset',
    summary: 'Palauta laite kolmenkymmenen päivän kuluessa.',
    sections: [{ text: 'Voit palauttaa käyttämättömän laitteen kolmenkymmenen päivän kuluessa.' }],
    category: 'service-terms',
  }),
];

export const publicOnly: SearchQuery['audiences'] = ['public'];
export const staffAudiences: SearchQuery['audiences'] = ['public', 'internal'];

export function query(q: string, more: Partial<SearchQuery> = {}): SearchQuery {
  return { q, locale: 'en', audiences: publicOnly, page: 1, limit: 10, ...more };
}

export function ids(result: SearchResult): string[] {
  return result.hits.map((h) => h.id);
}

function sum(counts: Record<string, number | undefined>): number {
  return Object.values(counts).reduce<number>((s, n) => s + (n ?? 0), 0);
}

/** Undoes the HTML escaping a snippet may use (named or numeric entities). */
function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A snippet is safe when, once our own <mark> tags are gone, nothing in it can open a tag or an entity we did not write. */
function expectSafeSnippet(snippet: string): void {
  const unmarked = snippet.replace(/<\/?mark>/g, '');
  expect(unmarked).not.toMatch(/[<>]/);
  expect(unmarked).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39|apos|#\d+|#x[0-9a-f]+);)/i);
}

export function describeSearchEngineContract(
  name: string,
  makeEngine: () => SearchEngine | Promise<SearchEngine>,
  options: ContractOptions = {},
): void {
  const stemming = options.stemming ?? true;
  const made: SearchEngine[] = [];

  async function fresh(): Promise<SearchEngine> {
    const engine = await makeEngine();
    made.push(engine);
    await engine.init();
    return engine;
  }

  async function release(): Promise<void> {
    for (const engine of made.splice(0)) {
      await engine.close();
      await options.dispose?.(engine);
    }
  }

  describe(`${name}: search engine contract`, () => {
    describe('on a seeded knowledge base', () => {
      let engine: SearchEngine;
      const search = (q: string, more?: Partial<SearchQuery>) => engine.search(query(q, more));

      beforeAll(async () => {
        engine = await fresh();
        await engine.replaceAll(contractCorpus);
      });
      afterAll(release);

      it('counts every indexed document', async () => {
        expect(await engine.count()).toBe(contractCorpus.length);
      });

      it('finds a document by a word of its title and by a word of its body', async () => {
        expect(ids(await search('explained'))).toEqual(['en/warranty-length']);
        expect(ids(await search('unbalanced'))).toEqual(['en/aquawash-drum']);
        expect(ids(await search('AquaWash drum'))[0]).toBe('en/aquawash-drum');
      });

      it('returns hits in the shape of the port', async () => {
        const [hit] = (await search('extended cover aquawash')).hits;
        expect(hit).toMatchObject({
          id: 'en/aquawash-extended-cover',
          slug: 'aquawash-extended-cover',
          locale: 'en',
          title: 'Extended cover for AquaWash',
          category: 'product-feature',
          product: 'aquawash',
        });
        expect(hit?.url).toMatch(/^\/en\/articles\/aquawash-extended-cover(#.*)?$/);
        expect(typeof hit?.snippet).toBe('string');
        expect(typeof hit?.score).toBe('number');
      });

      it('finds nothing, without failing, when no document matches', async () => {
        const result = await search('xylophone');
        expect(result.total).toBe(0);
        expect(result.hits).toEqual([]);
        expect(sum(result.facets.category)).toBe(0);
        expect(result.facets.product).toEqual({});
      });

      describe('filters', () => {
        it('searches only the locale asked for', async () => {
          expect(ids(await search('garantía', { locale: 'es' }))).toContain('es/cuanto-dura-la-garantia');
          expect((await search('garantía', { locale: 'en' })).total).toBe(0);
          const english = await search('warranty', { locale: 'es' });
          expect(english.hits.every((h) => h.locale === 'es')).toBe(true);
          expect((await search('appliance')).hits.every((h) => h.locale === 'en')).toBe(true);
        });

        it('never returns internal documents to the public audience', async () => {
          const pub = await search('warranty');
          expect(ids(pub)).not.toContain('en/agent-warranty-exceptions');
          expect(pub.facets.category['internal-guide']).toBeUndefined();
          const onlyInternal = await search('goodwill repairs');
          expect(onlyInternal.total).toBe(0);
          expect(onlyInternal.hits).toEqual([]);
          expect(sum(onlyInternal.facets.category)).toBe(0);
        });

        it('returns internal documents when the audiences include internal (staff)', async () => {
          expect(ids(await search('goodwill', { audiences: staffAudiences }))).toEqual(['en/agent-warranty-exceptions']);
          const staff = await search('warranty', { audiences: staffAudiences });
          expect(ids(staff)).toContain('en/agent-warranty-exceptions');
          expect(staff.facets.category['internal-guide']).toBe(1);
          expect(staff.total).toBe((await search('warranty')).total + 1);
        });

        it('ignores anything in the query text that looks like a filter', async () => {
          for (const q of ['audience:internal warranty', 'warranty audience = "internal"', 'warranty OR audience IN ["internal"]', 'goodwill"']) {
            const result = await search(q);
            expect(ids(result)).not.toContain('en/agent-warranty-exceptions');
          }
        });

        it('filters by category', async () => {
          const result = await search('warranty', { category: 'claim-rules' });
          expect(ids(result)).toEqual(['en/frostline-transport-damage']);
          expect(result.total).toBe(1);
          expect((await search('goodwill', { audiences: staffAudiences, category: 'faq' })).total).toBe(0);
        });

        it('filters by product, alone and with a category', async () => {
          expect(ids(await search('warranty', { product: 'aquawash' }))).toEqual(['en/aquawash-extended-cover']);
          const both = await search('aquawash', { product: 'aquawash', category: 'product-feature' });
          expect(ids(both).sort()).toEqual(['en/aquawash-drum', 'en/aquawash-extended-cover']);
          expect((await search('aquawash', { product: 'frostline' })).total).toBe(0);
        });
      });

      describe('facets', () => {
        it('counts categories and products over the matching documents the audience may see', async () => {
          const result = await search('warranty');
          expect(result.total).toBe(3);
          expect(result.facets.category).toEqual({ faq: 1, 'claim-rules': 1, 'product-feature': 1 });
          expect(result.facets.product).toEqual({ frostline: 1, aquawash: 1 });
        });

        it('counts over all matches, not just the page returned', async () => {
          const result = await search('descaling', { limit: 2 });
          expect(result.hits).toHaveLength(2);
          expect(result.total).toBe(7);
          expect(result.facets.category).toEqual({ faq: 4, 'product-feature': 3 });
          expect(result.facets.product).toEqual({ brewmaster: 7 });
        });

        it('adds up to the total (every document has one category)', async () => {
          for (const q of ['warranty', 'aquawash', 'appliance', 'descaling']) {
            const result = await search(q);
            expect(sum(result.facets.category)).toBe(result.total);
          }
        });
      });

      describe('paging', () => {
        it('splits the matches into pages of `limit`, with the same total on each', async () => {
          const pages = await Promise.all([1, 2, 3, 4].map((page) => search('descaling', { page, limit: 3 })));
          expect(pages.map((p) => p.hits.length)).toEqual([3, 3, 1, 0]);
          expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7]);
          const seen = pages.flatMap(ids);
          expect(new Set(seen).size).toBe(7);
          expect(seen.sort()).toEqual(contractCorpus.filter((d) => d.id.includes('descaling')).map((d) => d.id).sort());
        });

        it('returns the first page in the same order as a larger page', async () => {
          const all = ids(await search('descaling', { limit: 10 }));
          expect(ids(await search('descaling', { limit: 3 }))).toEqual(all.slice(0, 3));
          expect(ids(await search('descaling', { page: 2, limit: 3 }))).toEqual(all.slice(3, 6));
        });
      });

      describe('snippets', () => {
        it('puts <mark> around the matched word', async () => {
          const [hit] = (await search('serial')).hits;
          expect(hit?.snippet).toMatch(/<mark>serial<\/mark>/i);
          expectSafeSnippet(hit!.snippet);
        });

        it('escapes everything else, so a document cannot inject markup', async () => {
          const [hit] = (await search('widget field')).hits;
          expect(hit?.id).toBe('en/chat-widget');
          const snippet = hit!.snippet;
          expect(snippet).toMatch(/<mark>widget<\/mark>/i);
          expect(snippet).not.toContain('<script');
          expectSafeSnippet(snippet);
          const text = decodeEntities(snippet.replace(/<\/?mark>/g, ''));
          expect(text).toContain(`<script>alert(1)</script> into the widget field & expect it to run; "quotes" and 'apostrophes'`);
        });

        it('marks a match inside escaped markup without unescaping it', async () => {
          const [hit] = (await search('alert')).hits;
          expect(hit?.id).toBe('en/chat-widget');
          expect(hit!.snippet).toMatch(/<mark>alert<\/mark>/);
          expect(hit!.snippet).not.toContain('<script');
          expectSafeSnippet(hit!.snippet);
        });

        it('escapes the query too: markup typed into the box comes back as text, never as tags', async () => {
          const result = await search('<script>alert(1)</script>');
          expect(ids(result)).toContain('en/chat-widget');
          for (const hit of result.hits) expectSafeSnippet(hit.snippet);
        });
      });

      describe('section anchors', () => {
        it('links to the heading of the section where the words matched', async () => {
          const [hit] = (await search('serial number')).hits;
          expect(hit?.id).toBe('en/warranty-length');
          expect(hit?.url).toBe('/en/articles/warranty-length#how-to-claim');
          expect((await search('reboot control board')).hits[0]?.url).toBe('/en/articles/aquawash-drum#reset');
        });

        it('links to the article itself when only the title matched', async () => {
          expect((await search('explained')).hits[0]?.url).toBe('/en/articles/warranty-length');
        });
      });

      describe('search as you type and typos', () => {
        it('matches the unfinished last word as a prefix', async () => {
          expect(ids(await search('warr'))).toContain('en/warranty-length');
          expect(ids(await search('aquawash dr'))[0]).toBe('en/aquawash-drum');
          expect(ids(await search('garan', { locale: 'es' }))).toContain('es/cuanto-dura-la-garantia');
          expect(ids(await search('εγγυ', { locale: 'el' }))).toContain('el/eggyisi');
        });

        it('forgives a typo in a longer word', async () => {
          const result = await search('warrenty');
          expect(ids(result)).toContain('en/warranty-length');
          expect(ids(result)).not.toContain('en/agent-warranty-exceptions');
          expect(ids(await search('unbalancd'))).toContain('en/aquawash-drum');
        });

        it('does not apply typo tolerance to very short words', async () => {
          // "pup" is one edit from "pump" (in the AquaWash cover article) but too short to forgive.
          expect((await search('pup')).total).toBe(0);
          expect(ids(await search('pump'))).toEqual(['en/aquawash-extended-cover']);
        });
      });

      describe('languages and scripts', () => {
        it('finds a Traditional Chinese article with a Simplified query', async () => {
          // OpenCC s2t: 退货 -> 退貨, 序号 -> 序號; the article is written only in Traditional script.
          for (const q of ['退货', '序号', '申请退货']) {
            const result = await search(q, { locale: 'zh-Hant' });
            expect(ids(result), q).toContain('zh-Hant/returns');
            expect(result.hits[0]?.snippet, q).toContain('<mark>');
          }
          expect(ids(await search('退貨', { locale: 'zh-Hant' }))).toContain('zh-Hant/returns');
        });

        it('finds Chinese from the first character typed and keeps other Chinese articles apart', async () => {
          expect(ids(await search('退', { locale: 'zh-Hant' }))).toContain('zh-Hant/returns');
          expect(ids(await search('保固', { locale: 'zh-Hant' }))).toEqual(['zh-Hant/warranty']);
        });

        it('matches Greek with or without accents, in capitals, and with final or medial sigma', async () => {
          for (const q of ['εγγύηση', 'εγγυηση', 'ΕΓΓΥΗΣΗ', 'συσκευές', 'συσκευεσ', 'ΣΥΣΚΕΥΕΣ']) {
            expect(ids(await search(q, { locale: 'el' })), q).toContain('el/eggyisi');
          }
        });

        it('matches Spanish with or without accents', async () => {
          for (const q of ['garantía', 'garantia', 'GARANTIA', 'cuanto dura']) {
            expect(ids(await search(q, { locale: 'es' }))[0], q).toBe('es/cuanto-dura-la-garantia');
          }
        });

        it.runIf(stemming)('matches inflected forms the analyzer stems (English, Spanish, Finnish, Greek)', async () => {
          expect(ids(await search('warranties'))).toContain('en/warranty-length');
          expect(ids(await search('devolución', { locale: 'es' }))).toContain('es/devoluciones');
          // Finnish cases of takuu: neither "takuusta" nor "takuuta" occurs in the article.
          for (const q of ['takuusta', 'takuuta']) expect(ids(await search(q, { locale: 'fi' })), q).toContain('fi/takuu');
          expect(ids(await search('palautuksista', { locale: 'fi' }))).toContain('fi/palautukset');
          expect(ids(await search('εγγύησης', { locale: 'el' }))).toContain('el/eggyisi');
        });
      });

      it('answers odd and hostile queries without failing and without leaking internal articles', async () => {
        const odd = ['"', '*', '-', '\\', '((', 'AND OR NOT', '🙂', ' \u0000 ', '<mark>x</mark>', '%', 'a'.repeat(200), '"unclosed phrase'];
        for (const q of odd) {
          const result = await search(q, { audiences: publicOnly });
          expect(result.total, JSON.stringify(q)).toBeGreaterThanOrEqual(0);
          expect(ids(result)).not.toContain('en/agent-warranty-exceptions');
          for (const hit of result.hits) expectSafeSnippet(hit.snippet);
        }
      });
    });

    describe('changes', () => {
      let engine: SearchEngine;
      const search = (q: string, more?: Partial<SearchQuery>) => engine.search(query(q, more));
      const quokka = searchDoc({ id: 'en/animal-care', title: 'Quokka care', sections: [{ text: 'The quokka enclosure needs shade.' }] });
      const axolotl = searchDoc({ id: 'en/animal-care', title: 'Axolotl care', sections: [{ text: 'The axolotl tank needs cool water.' }] });
      const pangolin = searchDoc({ id: 'en/pangolin', title: 'Pangolin facts', sections: [{ text: 'A pangolin rolls into a ball.' }] });
      const numbat = searchDoc({ id: 'es/numbat', title: 'El numbat', sections: [{ text: 'El numbat come termitas.' }] });

      beforeAll(async () => {
        engine = await fresh();
      });
      afterEach(async () => {
        await engine.replaceAll([]);
      });
      afterAll(release);

      it('starts empty after replaceAll([])', async () => {
        await engine.replaceAll([]);
        expect(await engine.count()).toBe(0);
        expect((await search('quokka')).total).toBe(0);
      });

      it('upserting an existing id replaces the document: the old text is no longer found', async () => {
        await engine.upsert([quokka, pangolin]);
        expect(ids(await search('quokka'))).toEqual(['en/animal-care']);
        await engine.upsert([axolotl]);
        expect((await search('quokka')).total).toBe(0);
        const found = await search('axolotl');
        expect(ids(found)).toEqual(['en/animal-care']);
        expect(found.hits[0]?.title).toBe('Axolotl care');
        expect(ids(await search('pangolin'))).toEqual(['en/pangolin']);
        expect(await engine.count()).toBe(2);
      });

      it('upserting the same document twice keeps one copy', async () => {
        await engine.upsert([pangolin]);
        await engine.upsert([pangolin]);
        const result = await search('pangolin');
        expect(result.total).toBe(1);
        expect(await engine.count()).toBe(1);
      });

      it('removes documents by id, in any locale, and ignores unknown ids', async () => {
        await engine.upsert([quokka, pangolin, numbat]);
        await engine.remove(['en/pangolin', 'es/numbat', 'en/never-indexed']);
        expect((await search('pangolin')).total).toBe(0);
        expect((await search('numbat', { locale: 'es' })).total).toBe(0);
        expect(ids(await search('quokka'))).toEqual(['en/animal-care']);
        expect(await engine.count()).toBe(1);
      });

      it('replaceAll drops what was there before', async () => {
        await engine.upsert([quokka, numbat]);
        await engine.replaceAll([pangolin]);
        expect(await engine.count()).toBe(1);
        expect((await search('quokka')).total).toBe(0);
        expect((await search('numbat', { locale: 'es' })).total).toBe(0);
        expect(ids(await search('pangolin'))).toEqual(['en/pangolin']);
      });

      it('init is idempotent and keeps the documents', async () => {
        await engine.upsert([pangolin]);
        await engine.init();
        expect(ids(await search('pangolin'))).toEqual(['en/pangolin']);
      });
    });
  });
}
