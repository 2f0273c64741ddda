const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const allCjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;
/** How far around a match the run is segmented: words are short, and a run can be a whole paragraph. */
const reach = 24;
let segmenter: Intl.Segmenter | undefined;

/**
 * Extends a CJK match to the dictionary word it sits inside (冰 in 冰箱 marks 冰箱), so a highlight never
 * cuts a word. Only a word that holds the whole match counts: a match across two words (不冷 in 就不|冷)
 * stays exactly as matched, so a neighbouring word is never swallowed. Anything else is returned as is.
 */
export function cjkWordExtent(text: string, start: number, end: number): { start: number; end: number } {
  if (end <= start || !allCjk.test(text.slice(start, end))) return { start, end };
  let from = start;
  while (from > 0 && start - from < reach && cjk.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < reach && cjk.test(text[to]!)) to++;
  segmenter ??= new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  for (const { segment, index, isWordLike } of segmenter.segment(text.slice(from, to))) {
    const s = from + index;
    const e = s + segment.length;
    if (s > start) break;
    if (e >= end) return isWordLike && allCjk.test(segment) ? { start: s, end: e } : { start, end };
  }
  return { start, end };
}

/**
 * `cjkWordExtent` for many matches of one window of text, segmenting once only the stretch that holds
 * them (snippets have several matches each, and segmenting is the costly part: it runs for every CJK
 * result of every search). Matches must lie inside [from, to).
 */
export function cjkWordExtents<T extends { start: number; end: number }>(text: string, from: number, to: number, matches: T[]): T[] {
  const cjkMatches = matches.filter((m) => m.end > m.start && allCjk.test(text.slice(m.start, m.end)));
  if (!cjkMatches.length) return matches;
  const first = Math.min(...cjkMatches.map((m) => m.start));
  const last = Math.max(...cjkMatches.map((m) => m.end));
  const lo = Math.max(from, first - reach);
  const hi = Math.min(to, last + reach);
  segmenter ??= new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  const words = new Map<T, { start: number; end: number }>();
  for (const { segment, index, isWordLike } of segmenter.segment(text.slice(lo, hi))) {
    const s = lo + index;
    if (s >= last) break;
    if (!isWordLike) continue;
    const e = s + segment.length;
    for (const m of cjkMatches) {
      if (s <= m.start && m.end <= e && !words.has(m) && allCjk.test(segment)) words.set(m, { start: s, end: e });
    }
  }
  return matches.map((m) => {
    const word = words.get(m);
    return word ? { ...m, ...word } : m;
  });
}
