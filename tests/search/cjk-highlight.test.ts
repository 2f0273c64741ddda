import { describe, expect, it } from 'vitest';
import { analyze } from '@core/text/analyze.ts';
import { cjkWordExtent } from '@core/text/cjk-word-extent.ts';
import { highlight as complaintHighlight } from '@feedback/complaints/labels.ts';
import { highlight } from '@search/snippet.ts';

const queryTerms = (q: string) => new Set(analyze(q, 'zh-Hant').map((t) => t.term));
const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

// Sentences from the zh-Hant articles (claims-what-is-covered, reply-frostline-noise-cooling, faq-warranty-length).
describe('CJK highlights cover whole words and only the query’s words', () => {
  it('marks 不冷 exactly where the segmenter splits 就不|冷 (never 就不冷)', () => {
    expect(marked(highlight('冰箱用了兩個月就不冷了，請先檢查電源。', 'zh-Hant', queryTerms('不冷')))).toEqual(['不冷']);
    expect(marked(highlight('FrostLine Duo 的冷凍庫不冷了。', 'zh-Hant', queryTerms('不冷')))).toEqual(['不冷']);
  });

  it('widens a match inside one word to that word: 凍庫 marks 冷凍庫, 保固 marks 保固期, not the words around', () => {
    expect(marked(highlight('FrostLine Duo 的冷凍庫不冷了。', 'zh-Hant', queryTerms('凍庫')))).toEqual(['冷凍庫']);
    const html = highlight('保固期內免費維修，請保留發票。', 'zh-Hant', queryTerms('保固 維修'));
    expect(marked(html)).toEqual(['保固期', '維修']);
    expect(html).toContain('</mark>內免費<mark>');
  });

  it('keeps a match across two words as typed, and leaves a whole word as it is', () => {
    expect(marked(highlight('洗衣機漏水怎麼辦', 'zh-Hant', queryTerms('機漏')))).toEqual(['機漏']);
    expect(marked(highlight('洗衣機漏水怎麼辦', 'zh-Hant', queryTerms('漏水')))).toEqual(['漏水']);
    expect(marked(highlight('請先關閉洗衣機的電源', 'zh-Hant', queryTerms('洗衣')))).toEqual(['洗衣機']);
  });

  it('leaves non-CJK text and punctuation alone', () => {
    expect(cjkWordExtent('AquaWash 洗衣機', 0, 4)).toEqual({ start: 0, end: 4 });
    expect(cjkWordExtent('好，冰箱', 1, 2)).toEqual({ start: 1, end: 2 });
  });

  it('applies the same rule to the words behind a complaint’s classification in the staff view', () => {
    const hits = (text: string, terms: string[]) => complaintHighlight(text, terms).filter((p) => p.hit).map((p) => p.text);
    expect(hits('冰箱用了兩個月就不冷了', ['不冷'])).toEqual(['不冷']);
    expect(hits('冰箱用了兩個月就不冷了', ['冰'])).toEqual(['冰箱']);
    expect(hits('洗衣機漏水，地板都濕了', ['漏', '洗衣'])).toEqual(['洗衣機', '漏水']);
    expect(complaintHighlight('洗衣機漏水，地板都濕了', ['漏', '洗衣']).map((p) => p.text).join('')).toBe('洗衣機漏水，地板都濕了');
  });
});
