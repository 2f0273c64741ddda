import { Converter } from 'opencc-js/cn2t';

let toTraditional: ((text: string) => string) | undefined;

/**
 * Folds Simplified Chinese (and mainland wording: 软件 -> 軟體) to Taiwan Traditional, the script of our
 * zh-Hant articles. Index and queries both pass through it, so either script finds the other. Built on
 * first use: loading the dictionaries takes about 150 ms.
 */
export function foldChinese(text: string): string {
  toTraditional ??= Converter({ from: 'cn', to: 'twp' });
  return toTraditional(text);
}

let segmenter: Intl.Segmenter | undefined;

/** Dictionary words of a run of Han text (ICU), e.g. 客戶關係管理 -> 客戶 | 關係 | 管理. */
export function chineseWords(run: string): Array<{ word: string; index: number }> {
  segmenter ??= new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  const words: Array<{ word: string; index: number }> = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) words.push({ word: s.segment, index: s.index });
  return words;
}
