import fs from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import { analyze } from '@core/text/analyze.ts';
import { locales, type Locale } from '@core/i18n/locales.ts';
import type { SearchDocument } from '@search/port.ts';
import { defaultRanking } from '@search/embedded/ranking.ts';

/**
 * lunr, set up as the embedded engine would need it, for a side-by-side measurement: one index per locale,
 * the project's analyzer as tokenizer (lunr's own trimmer deletes Greek and Chinese characters, and its
 * pipeline stems only English), the same four fields and weights, and queries built with the same rules
 * (trailing wildcard on the word being typed, edit distance 1 from 5 letters and 2 from 9).
 * It returns ranked ids only: no snippets, facets or stored documents, which the embedded engine's
 * figures include.
 */
export class LunrBench {
  readonly indexes = new Map<Locale, lunr.Index>();

  build(docs: SearchDocument[]): void {
    for (const locale of locales) {
      const mine = docs.filter((d) => d.locale === locale);
      const index = lunr(function () {
        this.pipeline.reset();
        this.searchPipeline.reset();
        this.tokenizer = ((obj?: unknown) => analyze(obj == null ? '' : String(obj), locale).map((t) => new lunr.Token(t.term, {}))) as typeof lunr.tokenizer;
        this.ref('id');
        const [title, summary, headings, body] = defaultRanking.weights;
        this.field('title', { boost: title });
        this.field('summary', { boost: summary });
        this.field('headings', { boost: headings });
        this.field('body', { boost: body });
        for (const d of mine) {
          this.add({ id: d.id, title: d.title, summary: [d.summary, d.answer, d.tags.join(' ')].join('\n'), headings: d.headings.join('\n'), body: d.body });
        }
      });
      this.indexes.set(locale, index);
    }
  }

  /** Writes one JSON file per locale; returns the bytes written. */
  save(dir: string): number {
    fs.mkdirSync(dir, { recursive: true });
    let bytes = 0;
    for (const [locale, index] of this.indexes) {
      const text = JSON.stringify(index);
      fs.writeFileSync(path.join(dir, `${locale}.json`), text);
      bytes += Buffer.byteLength(text);
    }
    return bytes;
  }

  static load(dir: string): LunrBench {
    const bench = new LunrBench();
    for (const locale of locales) {
      const file = path.join(dir, `${locale}.json`);
      if (!fs.existsSync(file)) continue;
      bench.indexes.set(locale, lunr.Index.load(JSON.parse(fs.readFileSync(file, 'utf8')) as object));
    }
    return bench;
  }

  search(q: string, locale: Locale, limit = 10): Array<{ ref: string; score: number }> {
    const index = this.indexes.get(locale);
    if (!index) return [];
    const tokens = analyze(q, locale);
    const last = tokens.at(-1);
    const typing = last !== undefined && last.end === q.trimEnd().length && (last.kind === 'word' || last.kind === 'cjk-char');
    const [typo1Length, typo2Length] = defaultRanking.typoMinLength;
    const results = index.query((query) => {
      const seen = new Set<string>();
      for (const token of tokens) {
        if (seen.has(token.term)) continue;
        seen.add(token.term);
        query.term(token.term, { usePipeline: false, boost: 1 });
        if (typing && token === last && token.surface.length >= (token.kind === 'word' ? 2 : 1)) {
          query.term(token.surface, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: defaultRanking.prefix });
        }
        const length = [...token.term].length;
        if (token.kind === 'word' && !/\d/.test(token.term) && length >= typo1Length) {
          query.term(token.term, { usePipeline: false, editDistance: length >= typo2Length ? 2 : 1, boost: defaultRanking.typo[0] });
        }
      }
    });
    return results.slice(0, limit);
  }
}
