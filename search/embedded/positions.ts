import type { Token } from '@core/text/analyze.ts';

/**
 * Gives the tokens of a text ordinal positions, the unit proximity is measured in: one per word, one per
 * character of a CJK run (its bigrams and dictionary words sit at the character they start on, so a
 * phrase's overlapping bigrams are one apart). The tokens of one CJK run overlap each other, so a run ends
 * where a token starts past the end of every token before it. `field` starts a new field or section, far
 * enough from the last one that no phrase spans the two.
 */
export class Positions {
  private next = 0;
  private runStart = -1;
  private runEnd = -1;
  private runBase = 0;

  field(): void {
    this.next += fieldGap;
    this.runStart = -1;
    this.runEnd = -1;
  }

  of(token: Token): number {
    if (token.kind === 'word') {
      this.runEnd = -1;
      return this.next++;
    }
    if (token.start >= this.runEnd) {
      this.runStart = token.start;
      this.runBase = this.next;
    }
    this.runEnd = Math.max(this.runEnd, token.end);
    this.next = Math.max(this.next, this.runBase + this.runEnd - this.runStart);
    return this.runBase + token.start - this.runStart;
  }
}

/** Wider than any proximity window, so terms of two fields or sections are never near. */
export const fieldGap = 64;

/**
 * Where each indexed term of a document occurs, for proximity: term numbers of its locale index in
 * ascending order (repeated once per occurrence), each with a position, ascending within the term, so a
 * query word's positions are found by binary search. Positions past `maxPosition` are not kept: proximity
 * then reads only the start of a very long document, which is where its subject is.
 */
export interface TermSequence {
  ids: Int32Array;
  positions: Uint16Array;
}

/** Sorts (term number, position) pairs into a TermSequence. */
export function termSequence(ids: number[], positions: number[]): TermSequence {
  const order = Array.from(ids, (_, i) => i).sort((a, b) => ids[a]! - ids[b]! || positions[a]! - positions[b]!);
  return { ids: Int32Array.from(order, (i) => ids[i]!), positions: Uint16Array.from(order, (i) => positions[i]!) };
}

/** Index of the first occurrence of term `id` in the sequence, or of the first larger term. */
export function firstOf(sequence: TermSequence, id: number): number {
  const { ids } = sequence;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const maxPosition = 0xffff;

/** How many positions a token covers: a word one, a CJK token one per character. */
export function spanOf(token: Token): number {
  return token.kind === 'word' ? 1 : [...token.term].length;
}
