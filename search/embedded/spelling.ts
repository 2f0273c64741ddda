import type { Audience } from '@core/content/schema.ts';
import { analyze, scan } from '@core/text/analyze.ts';
import type { DocRecord, LocaleIndex } from './locale-index.ts';

const digit = /\d/;

/** Documents holding the term that the audiences may see, counted up to `enough`. */
function visibleDf(index: LocaleIndex, term: string, audiences: ReadonlySet<Audience>, enough = Infinity): number {
  const list = index.postings.get(term);
  if (!list) return 0;
  let n = 0;
  for (let i = list.start; i < list.start + list.length && n < enough; i++) {
    const record = index.records[list.docs[i]!];
    if (record && audiences.has(record.doc.audience)) n++;
  }
  return n;
}

function firstVisible(index: LocaleIndex, term: string, audiences: ReadonlySet<Audience>): DocRecord | undefined {
  const list = index.postings.get(term);
  if (!list) return undefined;
  for (let i = list.start; i < list.start + list.length; i++) {
    const record = index.records[list.docs[i]!];
    if (record && audiences.has(record.doc.audience)) return record;
  }
  return undefined;
}

/** A damaged index file costs the suggestion its body text, never the results page. */
function sectionTexts(index: LocaleIndex, record: DocRecord): string[] {
  try {
    return index.sectionsOf(record).flatMap((s) => [s.heading, s.text]);
  } catch {
    return [];
  }
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(next[j - 1]! + 1, row[j]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

/**
 * The word as an article writes it (index terms are stems, and "warranti" is no suggestion to show): of
 * the forms of the term in the first visible article holding it, the one closest to what was typed.
 */
function writtenForm(index: LocaleIndex, term: string, typed: string, audiences: ReadonlySet<Audience>): string | undefined {
  const record = firstVisible(index, term, audiences);
  if (!record) return undefined;
  const forms = new Set<string>();
  const texts = [record.doc.title, record.doc.summary, record.doc.answer, ...sectionTexts(index, record)];
  for (const text of texts) scan(text, index.locale, (t) => t.term === term && forms.add(text.slice(t.start, t.end).toLocaleLowerCase(index.locale)));
  return [...forms].sort((a, b) => editDistance(a, typed) - editDistance(b, typed) || (a < b ? -1 : 1))[0];
}

/**
 * "Did you mean": each word of the query that no visible article contains is replaced by the closest
 * word that one does (up to two edits, more than the typo tolerance of a search, nearest first, then the
 * most common), written as the articles write it. Only words of articles the asker may see are offered,
 * so the public never learns an internal article's vocabulary. Undefined when nothing would change.
 */
export function spellingSuggestion(index: LocaleIndex, q: string, audiences: readonly Audience[]): string | undefined {
  const visible = new Set(audiences);
  let out = '';
  let at = 0;
  let changed = false;
  for (const token of analyze(q, index.locale)) {
    if (token.kind !== 'word' || digit.test(token.term) || visibleDf(index, token.term, visible, 1) > 0) continue;
    const length = [...token.term].length;
    if (length < 3) continue;
    const best = index.trie
      .near(token.term, length >= 5 ? 2 : 1)
      .map((n) => ({ ...n, df: visibleDf(index, n.term, visible) }))
      .filter((n) => n.df > 0)
      .sort((a, b) => a.distance - b.distance || b.df - a.df || (a.term < b.term ? -1 : 1))[0];
    const word = best && writtenForm(index, best.term, q.slice(token.start, token.end).toLocaleLowerCase(index.locale), visible);
    if (!word) continue;
    out += q.slice(at, token.start) + word;
    at = token.end;
    changed = true;
  }
  return changed ? (out + q.slice(at)).trim() : undefined;
}
