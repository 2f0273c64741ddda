import { analyze } from '../core/text/analyze.ts';
import type { Locale } from '../core/i18n/locales.ts';

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

/** Ranges of the text whose index terms are among `terms`; overlapping ones (CJK bigrams) merged. */
function matchedRanges(text: string, locale: Locale, terms: ReadonlySet<string>): Range[] {
  const hits = analyze(text, locale)
    .filter((t) => terms.has(t.term))
    .sort((a, b) => a.start - b.start);
  const ranges: Range[] = [];
  for (const t of hits) {
    const last = ranges.at(-1);
    if (last && t.start < last.end) last.end = Math.max(last.end, t.end);
    else ranges.push({ start: t.start, end: t.end, term: t.term });
  }
  return ranges;
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
  for (const r of ranges) {
    if (r.start < start || r.end > end) continue;
    html += `${escapeHtml(text.slice(at, r.start))}<mark>${escapeHtml(text.slice(r.start, r.end))}</mark>`;
    at = r.end;
  }
  html += escapeHtml(text.slice(at, end));
  if (end < text.length) html += '…';
  return html;
}
