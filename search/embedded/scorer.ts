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
  return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
}

/** BM25F with one accumulator per document; reuses its buffers, so queries allocate almost nothing. */
export class Scorer {
  private total = new Float64Array(0);
  private best = new Float64Array(0);

  constructor(private readonly ranking: Ranking) {}

  score(index: LocaleIndex, groups: QueryGroup[]): Scored {
    const capacity = index.records.length;
    if (this.total.length < capacity) {
      this.total = new Float64Array(capacity * 2);
      this.best = new Float64Array(capacity * 2);
    }
    const { total, best } = this;
    const { k1, weights } = this.ranking;
    const norms = index.lengthNorms(this.ranking.b);
    const nums: number[] = [];
    for (const group of groups) {
      const touched: number[] = [];
      for (const variant of group.variants) {
        const list = index.postings.get(variant.term);
        if (!list || list.length === 0) continue;
        const w = variant.weight * idf(index, list.length);
        const { docs, tfs } = list;
        for (let i = 0; i < list.length; i++) {
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
        }
      }
      for (const num of touched) {
        if (total[num] === 0) nums.push(num);
        total[num] = total[num]! + best[num]!;
        best[num] = 0;
      }
    }
    const scores = nums.map((num) => total[num]!);
    for (const num of nums) total[num] = 0;
    return { nums, scores };
  }
}
