import type { LocaleIndex } from './locale-index.ts';
import type { QueryGroup } from './query.ts';
import { fieldCount, type Ranking } from './ranking.ts';

export interface Scored {
  /** Document numbers that matched at least one query word, in no order. */
  nums: number[];
  /** The score of each of `nums`, position for position. */
  scores: number[];
}

/** Inverse document frequency as in BM25, always positive. */
export function idf(index: LocaleIndex, df: number): number {
  return index.idf(df);
}

/**
 * BM25F with one accumulator per document, plus the title-match bonus (see `Ranking.titleMatch`); reuses
 * its buffers, so queries allocate almost nothing.
 */
export class Scorer {
  private total = new Float64Array(0);
  private best = new Float64Array(0);
  /** Per document: the query words' idf found in the title so far, and the current word's best. */
  private inTitle = new Float64Array(0);
  private bestTitle = new Float64Array(0);

  constructor(private readonly ranking: Ranking) {}

  score(index: LocaleIndex, groups: QueryGroup[]): Scored {
    const capacity = index.records.length;
    if (this.total.length < capacity) {
      this.total = new Float64Array(capacity * 2);
      this.best = new Float64Array(capacity * 2);
      this.inTitle = new Float64Array(capacity * 2);
      this.bestTitle = new Float64Array(capacity * 2);
    }
    const { total, best, inTitle, bestTitle } = this;
    const { k1, weights, titleMatch, titleMatchPower } = this.ranking;
    const norms = index.lengthNorms(this.ranking.b);
    const nums: number[] = [];
    for (const group of groups) {
      const touched: number[] = [];
      for (const variant of group.variants) {
        const list = index.postings.get(variant.term);
        if (!list || list.length === 0) continue;
        const w = variant.weight * index.idf(list.length);
        const { docs, tfs, start } = list;
        for (let i = start, end = start + list.length; i < end; i++) {
          const num = docs[i]!;
          const base = num * fieldCount;
          let tf = 0;
          for (let f = 0; f < fieldCount; f++) {
            const raw = tfs[i * fieldCount + f]!;
            if (raw) tf += (weights[f]! * raw) / norms[base + f]!;
          }
          const s = (w * tf * (k1 + 1)) / (tf + k1);
          if (s > best[num]!) {
            if (best[num] === 0) touched.push(num);
            best[num] = s;
          }
          // Field 0 is the title.
          if (tfs[i * fieldCount]! && w > bestTitle[num]!) bestTitle[num] = w;
        }
      }
      for (const num of touched) {
        if (total[num] === 0) nums.push(num);
        total[num] = total[num]! + best[num]!;
        best[num] = 0;
        inTitle[num] = inTitle[num]! + bestTitle[num]!;
        bestTitle[num] = 0;
      }
    }
    const titleIdfs = titleMatch > 0 ? index.titleIdfSums() : undefined;
    const scores = nums.map((num) => {
      const matched = inTitle[num]!;
      if (!titleIdfs || matched === 0) return total[num]!;
      return total[num]! + titleMatch * matched * Math.min(1, matched / titleIdfs[num]!) ** titleMatchPower;
    });
    for (const num of nums) {
      total[num] = 0;
      inTitle[num] = 0;
    }
    return { nums, scores };
  }
}
