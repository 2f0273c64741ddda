import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | undefined;

/**
 * Folds Traditional Chinese characters to Simplified. Index and queries both pass through it, so either
 * script finds the other. Folding goes towards Simplified because that direction is many-to-one character
 * by character: the other way has to guess from the context (制 is 制 or 製) and guessed differently for
 * the same word in a query and in an article (體制作為 became 體製作為, while 經濟體制 stayed). Only
 * characters are converted, never phrases: phrase conversion rewrote words (資料 -> 数据) that the other
 * side kept; regional vocabulary (保固/保修) is the synonyms' job. Built on first use (about 150 ms).
 */
export function foldChinese(text: string): string {
  toSimplified ??= Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text);
}

let segmenter: Intl.Segmenter | undefined;

/** Dictionary words of a run of Han text (ICU), e.g. 客户关系管理 -> 客户 | 关系 | 管理. */
export function chineseWords(run: string): Array<{ word: string; index: number }> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: Array<{ word: string; index: number }> = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) words.push({ word: s.segment, index: s.index });
  return words;
}
