import type { LearnedPhrase } from './asked-as-field.ts';
import type { DocRecord, LocaleIndex } from './locale-index.ts';
import { firstOf, type TermSequence } from './positions.ts';
import type { QueryGroup } from './query.ts';
import type { Ranking } from './ranking.ts';

/**
 * Term proximity on top of BM25F, after Rasolofo and Savoy's BM25TP: in each of the best-scored
 * documents, every two query words found within `proximityWindow` positions of each other (in either
 * order) add 1 / gap to each other's accumulator, weighted by the other word's idf; the accumulators are
 * saturated like term frequencies and weighted by idf. Query words that overlap in the query (a CJK
 * phrase's consecutive bigrams, a dictionary word and its bigrams) are not paired: they are near each
 * other in every document that holds the phrase at all, which BM25F already counts. Phrases learned for
 * a document ("asked as") count as its text does, at that field's weight.
 */
export class Proximity {
  /** Per term number: its query word's index + 1 (0: not in the query), and its variant's weighted idf. */
  private groupOf = new Int32Array(0);
  private weightOf = new Float64Array(0);
  /** The same for the terms of learned phrases, which may not be indexed at all. */
  private learnedTerms = new Map<string, { group: number; weight: number }>();
  /** One document's occurrences of query words, by position: where, which word, its weight. */
  private at = new Int32Array(256);
  private group = new Int32Array(256);
  private weight = new Float64Array(256);

  constructor(private readonly ranking: Ranking) {}

  /**
   * Adds the proximity bonus to the scores of the `proximityCandidates` best of `nums`, in place.
   * `matched[num]`: how many query words document `num` holds; one alone cannot be near another.
   */
  apply(index: LocaleIndex, groups: QueryGroup[], nums: number[], scores: number[], matched: ArrayLike<number>): void {
    const { proximity, proximityCandidates } = this.ranking;
    if (proximity <= 0 || groups.length < 2 || nums.length === 0) return;
    if (this.groupOf.length < index.termIdCount) {
      this.groupOf = new Int32Array(index.termIdCount * 2);
      this.weightOf = new Float64Array(index.termIdCount * 2);
    }
    const ids = this.markTerms(index, groups);
    const weights = new Float64Array(groups.length);
    for (const { group, weight } of this.learnedTerms.values()) weights[group] = Math.max(weights[group]!, weight);
    if (weights.filter((w) => w > 0).length >= 2) {
      const separate = separatePairs(groups);
      const threshold = kthLargest(scores, proximityCandidates);
      for (let i = 0; i < nums.length; i++) {
        if (scores[i]! < threshold || matched[nums[i]!]! < 2) continue;
        const record = index.records[nums[i]!];
        if (record) scores[i] = scores[i]! + proximity * this.bonus(index, record, ids, groups, weights, separate);
      }
    }
    for (const id of ids) this.groupOf[id] = 0;
  }

  private markTerms(index: LocaleIndex, groups: QueryGroup[]): number[] {
    const ids: number[] = [];
    this.learnedTerms.clear();
    groups.forEach((group, g) => {
      for (const { term, weight } of group.variants) {
        if (this.learnedTerms.has(term)) continue;
        const list = index.postings.get(term);
        const df = Math.max(list?.length ?? 0, index.askedAsList(term)?.nums.length ?? 0);
        if (df === 0) continue;
        const w = weight * index.idf(df);
        this.learnedTerms.set(term, { group: g, weight: w });
        if (!list || list.length === 0) continue;
        this.groupOf[list.id] = g + 1;
        this.weightOf[list.id] = w;
        ids.push(list.id);
      }
    });
    return ids;
  }

  /** A document's bonus: its own text and, at the asked-as field's weight, each phrase learned for it. */
  private bonus(index: LocaleIndex, record: DocRecord, ids: readonly number[], groups: QueryGroup[], weights: Float64Array, separate: Uint8Array): number {
    const { k1, askedAs } = this.ranking;
    const acc = new Float64Array(groups.length);
    this.accumulate(this.textOccurrences(record.sequence, ids), 1, groups, separate, acc);
    for (const phrase of index.askedAs.phrases(record.doc.id) ?? []) {
      this.accumulate(this.phraseOccurrences(phrase), askedAs * phrase.weight, groups, separate, acc);
    }
    let bonus = 0;
    for (let g = 0; g < groups.length; g++) if (acc[g]! > 0) bonus += (weights[g]! * acc[g]! * (k1 + 1)) / (acc[g]! + k1);
    return bonus;
  }

  /** Pairs the first `count` occurrences within the window: each adds the other's weight / gap. */
  private accumulate(count: number, factor: number, groups: QueryGroup[], separate: Uint8Array, acc: Float64Array): void {
    const { proximityWindow: window } = this.ranking;
    const { at, group, weight } = this;
    const n = groups.length;
    for (let i = 0; i < count; i++) {
      const a = group[i]!;
      const end = at[i]! + groups[a]!.span;
      for (let j = i + 1; j < count; j++) {
        const gap = at[j]! - end + 1;
        if (gap > window) break;
        const b = group[j]!;
        if (gap < 1 || !separate[a * n + b]) continue;
        acc[a] = acc[a]! + (factor * weight[j]!) / gap;
        acc[b] = acc[b]! + (factor * weight[i]!) / gap;
      }
    }
  }

  /** The document's occurrences of the query's terms `ids`, found by binary search. */
  private textOccurrences(sequence: TermSequence, ids: readonly number[]): number {
    let count = 0;
    for (const id of ids) {
      const group = this.groupOf[id]! - 1;
      const weight = this.weightOf[id]!;
      for (let i = firstOf(sequence, id); i < sequence.ids.length && sequence.ids[i] === id; i++) count = this.insert(count, sequence.positions[i]!, group, weight);
    }
    return count;
  }

  private phraseOccurrences(phrase: LearnedPhrase): number {
    let count = 0;
    phrase.terms.forEach((term, i) => {
      const found = this.learnedTerms.get(term);
      if (found) count = this.insert(count, phrase.positions[i]!, found.group, found.weight);
    });
    return count;
  }

  /** Inserts in position order (each term's positions come in order, so most occurrences land at the end). */
  private insert(count: number, position: number, group: number, weight: number): number {
    if (count === this.at.length) this.grow();
    const { at } = this;
    let j = count;
    while (j > 0 && at[j - 1]! > position) {
      at[j] = at[j - 1]!;
      this.group[j] = this.group[j - 1]!;
      this.weight[j] = this.weight[j - 1]!;
      j--;
    }
    at[j] = position;
    this.group[j] = group;
    this.weight[j] = weight;
    return count + 1;
  }

  private grow(): void {
    const size = this.at.length * 2;
    const at = new Int32Array(size);
    at.set(this.at);
    const group = new Int32Array(size);
    group.set(this.group);
    const weight = new Float64Array(size);
    weight.set(this.weight);
    this.at = at;
    this.group = group;
    this.weight = weight;
  }
}

/** Per pair of query words (a * n + b): 1 when they do not overlap in the query and are different words. */
function separatePairs(groups: QueryGroup[]): Uint8Array {
  const n = groups.length;
  const separate = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const x = groups[a]!;
      const y = groups[b]!;
      if (a !== b && (x.at + x.span <= y.at || y.at + y.span <= x.at)) separate[a * n + b] = 1;
    }
  }
  return separate;
}

/** The k-th largest score (the smallest when there are fewer): documents scoring at least this get the bonus. */
function kthLargest(scores: number[], k: number): number {
  if (scores.length <= k) return -Infinity;
  const sorted = Float64Array.from(scores).sort();
  return sorted[sorted.length - k]!;
}
