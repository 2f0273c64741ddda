import type { Locale } from '@core/i18n/locales.ts';
import { analyze } from '@core/text/analyze.ts';
import { chineseWords } from '@core/text/chinese.ts';
import { stopWords } from '@core/text/stopwords.ts';

/**
 * Sparse features of one text, from the project's analyzer (the one search uses), so the classifier sees
 * every locale the way search does: stemmed, accent-folded words, Chinese folded to Simplified and cut
 * into character bigrams and dictionary words.
 *
 * Feature names carry their family in a two-character prefix:
 * - `w:` a word unigram (the stemmed term) or a CJK bigram / dictionary word / lone character;
 * - `b:` two adjacent words (stemmed terms, stop words included: "not receiv", "why charg");
 * - `c:` a character n-gram inside a word, on the folded but unstemmed surface with `<` `>` at the word
 *   edges (catches typos and the endings of Finnish and Greek inflection that stemmers miss);
 * - `h:` a single Han character (short Chinese complaints share characters more often than bigrams);
 * - `s:` a dictionary word of two or more Han characters (ICU, read folded): the analyzer's
 *   bigrams do not tell a word (湖人) from a pair across two words (人队); built here, not by the search
 *   analyzer, so search is unchanged.
 */
export interface FeatureOptions {
  /** Unigrams for stop words too ("not", "why", "how" tell intents apart); they are always kept inside bigrams. */
  unigramStopWords: boolean;
  /** Adjacent word pairs. */
  wordBigrams: boolean;
  /** Smallest and largest character n-gram inside words; [0, 0] turns them off. */
  charNgrams: [number, number];
  /** Single Han characters. */
  hanChars: boolean;
  /** Dictionary words of two or more Han characters (ICU). */
  hanWords: boolean;
  /** Relative weight of each family before the vector is L2-normalized. */
  familyWeights: { w: number; b: number; c: number; h: number; s: number };
}

/** Chosen by 5-fold cross-validation on the banking77-en training set (docs/classification.md). */
export const defaultFeatureOptions: FeatureOptions = {
  unigramStopWords: true,
  wordBigrams: true,
  charNgrams: [2, 4],
  hanChars: true,
  hanWords: true,
  familyWeights: { w: 1, b: 1, c: 0.7, h: 0.3, s: 1 },
};

/** Where a feature came from in the text: the span a staff member would recognise. */
export interface FeatureSource {
  start: number;
  end: number;
}

export interface ExtractedFeatures {
  /** Raw counts per feature name. */
  counts: Map<string, number>;
  /** For explanations: the text spans each feature was seen at (only filled when asked). */
  sources?: Map<string, FeatureSource[]>;
}

const han = /\p{Script=Han}/u;
/** Runs of CJK characters, as the analyzer finds them. */
const cjkRuns = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

export function extractFeatures(text: string, locale: Locale, options: FeatureOptions, withSources = false): ExtractedFeatures {
  const counts = new Map<string, number>();
  const sources = withSources ? new Map<string, FeatureSource[]>() : undefined;
  const add = (name: string, start: number, end: number) => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (sources) {
      const list = sources.get(name);
      if (list) list.push({ start, end });
      else sources.set(name, [{ start, end }]);
    }
  };
  const stops = stopWords(locale);
  const [nMin, nMax] = options.charNgrams;
  let previous: { term: string; start: number; end: number } | undefined;
  const seenHan = new Set<number>();
  // The analyzer segments each run once; the words are read as it asks for them. The run's first bigram,
  // emitted next, says where the run starts in the text. As in search, a run is segmented as written (ICU
  // keeps 洗衣機 whole but splits 洗衣机) and the words are read from the folded run at the same places.
  let runWords: Array<{ word: string; index: number }> = [];
  const rawRuns = options.hanWords ? [...text.matchAll(cjkRuns)].map((m) => m[0]).filter((run) => [...run].length > 1) : [];
  let runAt = 0;
  const cjkWords = options.hanWords
    ? (folded: string) => {
        const raw = rawRuns[runAt++];
        const words = raw !== undefined && raw.length === folded.length ? chineseWords(raw).map(({ word, index }) => ({ word: folded.slice(index, index + word.length), index })) : chineseWords(folded);
        runWords = words.filter(({ word }) => word.length > 1 && han.test(word));
        return words;
      }
    : undefined;
  for (const token of analyze(text, locale, cjkWords ? { keepStopWords: true, cjkWords } : { keepStopWords: true })) {
    if (runWords.length) {
      for (const { word, index } of runWords) add(`s:${word}`, token.start + index, token.start + index + word.length);
      runWords = [];
    }
    if (token.kind !== 'word') {
      previous = undefined;
      if (options.unigramStopWords || !stops.has(token.term)) add(`w:${token.term}`, token.start, token.end);
      if (options.hanChars && token.kind !== 'cjk-word') {
        // The characters of the overlapping bigrams, each text position once.
        const chars = [...token.term];
        const first = chars[0] ?? '';
        const last = chars[chars.length - 1] ?? '';
        const positions: Array<[string, number]> = chars.length === 2 ? [[first, token.start], [last, token.end - last.length]] : [[first, token.start]];
        for (const [ch, at] of positions) {
          if (seenHan.has(at) || !han.test(ch) || stops.has(ch)) continue;
          seenHan.add(at);
          add(`h:${ch}`, at, at + ch.length);
        }
      }
      continue;
    }
    const isStop = stops.has(token.surface);
    if (!isStop || options.unigramStopWords) add(`w:${token.term}`, token.start, token.end);
    if (options.wordBigrams && previous) add(`b:${previous.term} ${token.term}`, previous.start, token.end);
    previous = token;
    if (nMax > 0 && !isStop) {
      const padded = `<${token.surface}>`;
      const chars = [...padded];
      for (let n = nMin; n <= nMax; n++) {
        if (n > chars.length) break;
        for (let i = 0; i + n <= chars.length; i++) {
          // The whole padded word is the unigram's business.
          if (n === chars.length) continue;
          add(`c:${chars.slice(i, i + n).join('')}`, token.start, token.end);
        }
      }
    }
  }
  return sources ? { counts, sources } : { counts };
}

/** The family prefix of a feature name. */
export function featureFamily(name: string): keyof FeatureOptions['familyWeights'] {
  return name.charAt(0) as keyof FeatureOptions['familyWeights'];
}
