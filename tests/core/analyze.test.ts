import { describe, expect, it } from 'vitest';
import { analyze } from '@core/text/analyze.ts';

const terms = (text: string, ...args: Parameters<typeof analyze> extends [string, ...infer R] ? R : never) => analyze(text, ...args).map((t) => t.term);

describe('analyze', () => {
  it('gives a word the same forms whether or not it was seen before, in any case', () => {
    const first = analyze('Warranties warranty WARRANTY', 'en');
    const again = analyze('Warranties warranty WARRANTY', 'en');
    expect(again).toEqual(first);
    expect(new Set(first.map((t) => t.term))).toEqual(new Set(['warranti']));
    expect(first.map((t) => t.surface)).toEqual(['warranties', 'warranty', 'warranty']);
  });

  it('keeps or drops stop words per call, even for words it remembers', () => {
    expect(terms('the drum', 'en', { keepStopWords: true })).toEqual(['the', 'drum']);
    expect(terms('the drum', 'en')).toEqual(['drum']);
    expect(terms('the drum', 'en', { keepStopWords: true })).toEqual(['the', 'drum']);
  });

  it('keeps words apart per locale: the same letters stem by each language', () => {
    expect(terms('garantías', 'es')).toEqual(terms('garantia', 'es'));
    expect(terms('garantías', 'en')).not.toEqual(terms('garantías', 'es'));
  });

  it('gives offsets of the word as written, also for long words it does not remember', () => {
    const text = 'See internationalization and εγγύηση.';
    const tokens = analyze(text, 'en');
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['See', 'internationalization', 'εγγύηση']);
  });

  it('finds CJK words with the finder it is given instead of the dictionary', () => {
    const dictionary = analyze('洗衣機保固', 'zh-Hant').filter((t) => t.kind === 'cjk-word');
    // Terms are folded to Simplified (foldChinese).
    expect(dictionary.map((t) => t.term)).toContain('洗衣机');
    const none = analyze('洗衣機保固', 'zh-Hant', { cjkWords: () => [] }).filter((t) => t.kind === 'cjk-word');
    expect(none).toEqual([]);
    const own = analyze('洗衣機保固', 'zh-Hant', { cjkWords: (run) => [{ word: run.slice(2, 5), index: 2 }] }).filter((t) => t.kind === 'cjk-word');
    expect(own.map((t) => [t.term, t.start, t.end])).toEqual([['机保固', 2, 5]]);
  });
});
