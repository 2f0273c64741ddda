import { scan } from '@core/text/analyze.ts';
import { foldChinese } from '@core/text/chinese.ts';
import { stopWords } from '@core/text/stopwords.ts';
import { cjkWordExtents } from '@core/text/cjk-word-extent.ts';
import type { Locale } from '@core/i18n/locales.ts';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function escapeHtml(text: string): string {
  return text.replace(controls, '').replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

interface Range {
  start: number;
  end: number;
  term: string;
}

const longCjkWord = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{3,}$/u;
const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** A CJK run of three characters or more, folded as the analyzer folds it: where a long query word can stand. */
interface CjkRun {
  start: number;
  length: number;
  folded: string;
}

/**
 * A text analysed once for any number of highlights: its index terms with their offsets, and its CJK runs.
 * The analysis is the costly part of a snippet and does not depend on the query, so the engine keeps it
 * for the sections it shows often.
 */
export interface AnalysedText {
  text: string;
  locale: Locale;
  terms: string[];
  starts: Int32Array;
  ends: Int32Array;
  runs: CjkRun[];
}

export function analyseForHighlight(text: string, locale: Locale): AnalysedText {
  const terms: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // Dictionary words are left out here: a highlight looks for the query's own long CJK words in `runs`.
  scan(text, locale, (t) => {
    terms.push(t.term);
    starts.push(t.start);
    ends.push(t.end);
  }, { cjkWords: () => [] });
  const runs: CjkRun[] = [];
  for (const match of text.matchAll(cjkRun)) {
    const folded = foldChinese(match[0]);
    if ([...folded].length >= 3) runs.push({ start: match.index, length: match[0].length, folded });
  }
  return { text, locale, terms, starts: Int32Array.from(starts), ends: Int32Array.from(ends), runs };
}

/** Bytes an analysed text holds, roughly (for a cache's size cap). */
export function analysedBytes(analysed: AnalysedText): number {
  return 64 + analysed.text.length * 2 + analysed.terms.length * 16 + analysed.runs.reduce((n, r) => n + 48 + r.folded.length * 2, 0);
}

/**
 * The query's CJK words of three characters or more, found in the folded runs by plain search instead of
 * dictionary segmentation: where the characters of a searched word stand together, they are worth marking,
 * and it is many times faster than segmenting every run to find the few words a query has. Offsets map
 * back to the text as the analyzer maps them (proportionally when folding changed the length).
 */
function cjkWordHits(analysed: AnalysedText, terms: ReadonlySet<string>): Range[] {
  const words = [...terms].filter((t) => longCjkWord.test(t));
  if (!words.length) return [];
  const stops = stopWords(analysed.locale);
  const hits: Range[] = [];
  for (const run of analysed.runs) {
    const at = run.folded.length === run.length ? (i: number) => run.start + i : (i: number) => run.start + Math.round((i * run.length) / run.folded.length);
    for (const word of words) {
      if (stops.has(word)) continue;
      for (let i = run.folded.indexOf(word); i >= 0; i = run.folded.indexOf(word, i + word.length)) hits.push({ term: word, start: at(i), end: at(i + word.length) });
    }
  }
  return hits;
}

function merge(hits: Range[]): Range[] {
  const ranges: Range[] = [];
  for (const t of hits) {
    const last = ranges.at(-1);
    if (last && t.start < last.end) last.end = Math.max(last.end, t.end);
    else ranges.push({ start: t.start, end: t.end, term: t.term });
  }
  return ranges;
}

/** Ranges of the text whose index terms are among `terms`; overlapping ones (CJK bigrams) merged. */
function matchedRanges(analysed: AnalysedText, terms: ReadonlySet<string>): Range[] {
  const hits: Range[] = [];
  for (let i = 0; i < analysed.terms.length; i++) {
    const term = analysed.terms[i]!;
    if (terms.has(term)) hits.push({ term, start: analysed.starts[i]!, end: analysed.ends[i]! });
  }
  // After the run's bigrams, as the analyzer emits a run's words: the stable sort keeps that order on ties.
  hits.push(...cjkWordHits(analysed, terms));
  return merge(hits.sort((a, b) => a.start - b.start));
}

/** The shown ranges, each CJK one widened to the dictionary word it sits inside and never beyond it (see cjkWordExtent). */
function wholeWords(text: string, ranges: Range[], start: number, end: number): Range[] {
  return merge(cjkWordExtents(text, start, end, ranges));
}

/** The window of `size` characters holding the most distinct matched terms (then the most matches), started a little before its first match. */
function bestWindow(text: string, ranges: Range[], size: number): [number, number] {
  if (text.length <= size) return [0, text.length];
  const lead = Math.floor(size / 5);
  let best: [number, number] = [0, size];
  let bestScore = -1;
  for (const r of ranges) {
    const start = Math.max(0, Math.min(r.start - lead, text.length - size));
    const inside = ranges.filter((x) => x.start >= start && x.end <= start + size);
    const score = new Set(inside.map((x) => x.term)).size * 1000 + inside.length;
    if (score > bestScore) {
      bestScore = score;
      best = [start, start + size];
    }
  }
  return snapToWords(text, best[0], best[1]);
}

/** Moves the cut points to spaces when one is near, so the snippet does not start or end mid-word. */
function snapToWords(text: string, start: number, end: number): [number, number] {
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    if (space >= 0 && start - space < 20) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && end - space < 20) end = space;
  }
  return [start, end];
}

/**
 * An HTML snippet of `text` around the words that matched: everything escaped, and only our own <mark>
 * tags around matched words. Matching uses the index analysis, so "Warranties" lights up for "warranty"
 * and 保固 for a Simplified query.
 */
export function highlight(text: string, locale: Locale, terms: ReadonlySet<string>, size = 200): string {
  return highlightAnalysed(analyseForHighlight(text, locale), terms, size);
}

/** `highlight` of a text analysed before (see `analyseForHighlight`). */
export function highlightAnalysed(analysed: AnalysedText, terms: ReadonlySet<string>, size = 200): string {
  const { text } = analysed;
  const ranges = matchedRanges(analysed, terms);
  const [start, end] = bestWindow(text, ranges, size);
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const r of wholeWords(text, ranges.filter((x) => x.start >= start && x.end <= end), start, end)) {
    html += `${escapeHtml(text.slice(at, r.start))}<mark>${escapeHtml(text.slice(r.start, r.end))}</mark>`;
    at = r.end;
  }
  html += escapeHtml(text.slice(at, end));
  if (end < text.length) html += '…';
  return html;
}
