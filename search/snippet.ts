import { scan, type CjkWordFinder } from '@core/text/analyze.ts';
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

/**
 * Finds the CJK words among `terms` in a folded run by plain search instead of dictionary segmentation:
 * where the characters of a searched word stand together, they are worth marking, and it is many times
 * faster than segmenting every run of a section to find the few words a query has.
 */
function cjkWordsAmong(terms: ReadonlySet<string>): CjkWordFinder {
  const words = [...terms].filter((t) => longCjkWord.test(t));
  return (run) => {
    const found: Array<{ word: string; index: number }> = [];
    for (const word of words) for (let i = run.indexOf(word); i >= 0; i = run.indexOf(word, i + word.length)) found.push({ word, index: i });
    return found;
  };
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
function matchedRanges(text: string, locale: Locale, terms: ReadonlySet<string>): Range[] {
  const hits: Range[] = [];
  scan(text, locale, (t) => terms.has(t.term) && hits.push({ term: t.term, start: t.start, end: t.end }), { cjkWords: cjkWordsAmong(terms) });
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
  const ranges = matchedRanges(text, locale, terms);
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
