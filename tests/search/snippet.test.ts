import { describe, expect, it } from 'vitest';
import { analyze } from '@core/text/analyze.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { highlight } from '@search/snippet.ts';

const queryTerms = (q: string, locale: Locale) => new Set(analyze(q, locale).map((t) => t.term));

describe('highlight', () => {
  it('marks inflected forms of the query words and escapes the rest', () => {
    const html = highlight('Our <b>Warranties</b> cover the drum & the pump.', 'en', queryTerms('warranty pump', 'en'));
    expect(html).toBe('Our &lt;b&gt;<mark>Warranties</mark>&lt;/b&gt; cover the drum &amp; the <mark>pump</mark>.');
  });

  it('marks a Traditional word for a Simplified query as one span', () => {
    const html = highlight('請先關閉洗衣機的電源，再清潔濾網。', 'zh-Hant', queryTerms('洗衣机', 'zh-Hant'));
    expect(html).toBe('請先關閉<mark>洗衣機</mark>的電源，再清潔濾網。');
  });

  it('marks a long CJK word the query found even when none of its pairs were searched', () => {
    // A completion can add a dictionary word without the pairs inside it.
    const html = highlight('請先關閉洗衣機的電源，洗衣機會停止。', 'zh-Hant', new Set(['洗衣机']));
    expect(html).toBe('請先關閉<mark>洗衣機</mark>的電源，<mark>洗衣機</mark>會停止。');
  });

  it('cuts a long text to the window with the most query words', () => {
    const text = `${'Filler words about nothing in particular. '.repeat(20)}The drain pump and the filter sit behind the kick plate. ${'More filler text here. '.repeat(20)}`;
    const html = highlight(text, 'en', queryTerms('drain filter', 'en'));
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>drain</mark> pump and the <mark>filter</mark>');
    expect(html.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(200);
  });
});
