import type { Locale } from '../i18n/locales.ts';
import { chineseWords, foldChinese } from './chinese.ts';
import { foldDiacritics, normalizeWord } from './normalize.ts';
import { stemmerFor } from './stem.ts';
import { stopWords } from './stopwords.ts';

/**
 * word: a word of an alphabetic script; bigram: two adjacent CJK characters; cjk-word: a dictionary word
 * of three or more CJK characters; cjk-char: a CJK character standing alone.
 */
export type TokenKind = 'word' | 'bigram' | 'cjk-word' | 'cjk-char';

export interface Token {
  /** The index term: normalized, folded, stemmed. */
  term: string;
  /** Normalized and folded but not stemmed: what prefix matching compares against. */
  surface: string;
  kind: TokenKind;
  /** UTF-16 offsets of the token in the text given, for highlighting. */
  start: number;
  end: number;
  /** A bigram that is a whole stop word of the run (什么, 可以): indexed, but a query leaves it out. */
  stop?: true;
}

/** Where the dictionary words of a folded CJK run start: what `chineseWords` returns. */
export type CjkWordFinder = (run: string) => Array<{ word: string; index: number }>;

export interface AnalyzeOptions {
  /** Keep stop words (the classifier's features and keyword rules need them); default false. */
  keepStopWords?: boolean;
  /**
   * Finds the longer words of a CJK run (default: ICU dictionary segmentation, the costliest step of
   * analysing Chinese). The highlighter passes a plain substring search for the words it looks for.
   */
  cjkWords?: CjkWordFinder;
}

const cjkClass = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const notCjk = `(?![${cjkClass}])`;
/**
 * Runs of CJK characters, or words of any other script. An apostrophe between letters stays inside the
 * word ("don't", "customer's"); the per-locale step decides what it means.
 */
const pattern = new RegExp(`([${cjkClass}]+)|((?:${notCjk}[\\p{L}\\p{M}\\p{N}])+(?:['’](?:${notCjk}[\\p{L}\\p{M}\\p{N}])+)*)`, 'gu');
const apostrophes = /['’]/;
const digit = /\d/;

type Emit = (token: Token) => void;

interface WordForm {
  surface: string;
  term: string;
}

/**
 * Normalizing, folding and stemming a word costs far more than finding it, and the same few thousand
 * words fill every text, so each locale remembers the forms of the words it has seen in two generations:
 * when the newer one is full it becomes the older one, and a word found there moves back to the newer. The
 * frequent words stay, the memory stays bounded (at most twice `generationSize` words per locale), and a
 * look-up is one or two `Map` reads (an LRU was measured three times slower per word). Words of 13
 * characters or more are left out: V8 keeps such substrings as slices that would pin the whole text.
 */
class FormCache {
  private newer = new Map<string, WordForm>();
  private older = new Map<string, WordForm>();

  get(raw: string): WordForm | undefined {
    const form = this.newer.get(raw);
    if (form) return form;
    const old = this.older.get(raw);
    if (old) this.set(raw, old);
    return old;
  }

  set(raw: string, form: WordForm): void {
    if (this.newer.size >= generationSize) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(raw, form);
  }
}

const formCaches = new Map<Locale, FormCache>();
const cachedLengthLimit = 13;
const generationSize = 10_000;

function formCache(locale: Locale): FormCache {
  let cache = formCaches.get(locale);
  if (!cache) {
    cache = new FormCache();
    formCaches.set(locale, cache);
  }
  return cache;
}

function wordForm(word: string, locale: Locale): WordForm {
  const surface = foldDiacritics(word);
  return { surface, term: !surface || digit.test(surface) ? surface : stemmerFor(locale)(word) };
}

function emitWord(raw: string, start: number, locale: Locale, stops: Set<string> | undefined, emit: Emit): void {
  const cacheable = raw.length < cachedLengthLimit;
  const cached = cacheable ? formCache(locale).get(raw) : undefined;
  if (cached) {
    if (cached.surface && !stops?.has(cached.surface)) emit({ term: cached.term, surface: cached.surface, kind: 'word', start, end: start + raw.length });
    return;
  }
  let word = normalizeWord(raw);
  if (apostrophes.test(word)) {
    if (locale === 'en' || locale === 'zh-Hant') {
      // English: the possessive goes, contractions close up ("don't" -> "dont", a stop word).
      word = word.replace(/['’]s$/, '').replace(/['’]/g, '');
    } else {
      // Elsewhere an apostrophe joins separate words (Greek elision σ'αγαπώ, Spanish names): split.
      let offset = start;
      for (const part of raw.split(apostrophes)) {
        if (part) emitWord(part, offset, locale, stops, emit);
        offset += part.length + 1;
      }
      return;
    }
  }
  const form = wordForm(word, locale);
  if (cacheable) formCache(locale).set(raw, form);
  if (form.surface && !stops?.has(form.surface)) emit({ term: form.term, surface: form.surface, kind: 'word', start, end: start + raw.length });
}

/**
 * CJK text has no spaces and segmenters disagree, so a run is indexed as overlapping character bigrams
 * (what any split of a query will share with the text) plus its longer dictionary words (which reward an
 * exact phrase) and its one-character words that are not stop words (鎮, 城: a bigram across them, 的鎮,
 * says little). A lone character is kept as it is, so one-character queries can still match.
 */
/**
 * The dictionary knows each word in the script it was written in better than folded (ICU splits 洗衣机
 * into 洗衣|机 but keeps 洗衣機 whole), so the run is segmented as written and the words are read from
 * the folded run at the same places; a folding that changed the length is segmented folded.
 */
function wordsOf(raw: string, folded: string, findWords: CjkWordFinder): Array<{ word: string; index: number }> {
  if (findWords !== chineseWords || folded.length !== raw.length) return findWords(folded);
  return findWords(raw).map(({ word, index }) => ({ word: folded.slice(index, index + word.length), index }));
}

function emitCjkRun(raw: string, start: number, stops: Set<string> | undefined, findWords: CjkWordFinder, emit: Emit): void {
  const folded = foldChinese(raw);
  // Folding may change the length (a conversion table entry of another length); offsets are then mapped proportionally, close enough for highlighting.
  const at = folded.length === raw.length ? (i: number) => start + i : (i: number) => start + Math.round((i * raw.length) / folded.length);
  const chars: Array<{ ch: string; index: number }> = [];
  for (let i = 0; i < folded.length; ) {
    const cp = folded.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    chars.push({ ch, index: i });
    i += ch.length;
  }
  const first = chars[0];
  if (!first) return;
  if (chars.length === 1) {
    if (!stops?.has(first.ch)) emit({ term: first.ch, surface: first.ch, kind: 'cjk-char', start, end: start + raw.length });
    return;
  }
  const words = wordsOf(raw, folded, findWords);
  const stopAt = new Set(words.filter(({ word }) => stops?.has(word)).map(({ index }) => index));
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    const term = a.ch + b.ch;
    const token: Token = { term, surface: term, kind: 'bigram', start: at(a.index), end: at(b.index + b.ch.length) };
    if (stopAt.has(a.index) && stops?.has(term)) token.stop = true;
    emit(token);
  }
  for (const { word, index } of words) {
    const length = [...word].length;
    if (length === 2 || stops?.has(word)) continue;
    emit({ term: word, surface: word, kind: length === 1 ? 'cjk-char' : 'cjk-word', start: at(index), end: at(index + word.length) });
  }
}

/** Walks the text once and hands every index term to `emit`, in text order except CJK words after their run. */
export function scan(text: string, locale: Locale, emit: Emit, options: AnalyzeOptions = {}): void {
  const stops = options.keepStopWords ? undefined : stopWords(locale);
  const findWords = options.cjkWords ?? chineseWords;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (match[1]) emitCjkRun(match[1], start, stops, findWords, emit);
    else if (match[2]) {
      // Finnish inflects abbreviations and numbers after a colon (EU:n, 2020:ssa): the ending is not a word.
      if (locale === 'fi' && start > 0 && text[start - 1] === ':' && match[2].length <= 4 && start > 1 && /[\p{L}\p{N}]/u.test(text[start - 2] ?? '')) continue;
      emitWord(match[2], start, locale, stops, emit);
    }
  }
}

/** Index tokens of a text with their offsets: the one analysis behind indexing, queries and highlighting. */
export function analyze(text: string, locale: Locale, options?: AnalyzeOptions): Token[] {
  const tokens: Token[] = [];
  scan(text, locale, (t) => tokens.push(t), options);
  return tokens;
}
