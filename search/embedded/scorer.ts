import type { LocaleIndex } from './locale-index.ts';
import { Proximity } from './proximity.ts';
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
 * BM25F with one accumulator per document, plus the title-match bonus (see `Ranking.titleMatch`) and the
 * proximity bonus of the best documents (see Proximity); reuses
 * its buffers, so queries allocate almost nothing.
 */
export class Scorer {
  private total = new Float64Array(0);
  private best = new Float64Array(0);
  /** Per document: the query words' idf found in the title so far, and the current word's best. */
  private inTitle = new Float64Array(0);
  private bestTitle = new Float64Array(0);
  /** Per document, a word's field-weighted frequency while the asked-as field is added to it. */
  private acc = new Float64Array(0);
  private titled = new Uint8Array(0);
  /** Per document, how many query words it holds (for proximity). */
  private matched = new Uint16Array(0);
  private readonly proximity: Proximity;

  constructor(private readonly ranking: Ranking) {
    this.proximity = new Proximity(ranking);
  }

  score(index: LocaleIndex, groups: QueryGroup[]): Scored {
    const capacity = index.records.length;
    if (this.total.length < capacity) {
      this.total = new Float64Array(capacity * 2);
      this.best = new Float64Array(capacity * 2);
      this.inTitle = new Float64Array(capacity * 2);
      this.bestTitle = new Float64Array(capacity * 2);
      this.acc = new Float64Array(capacity * 2);
      this.titled = new Uint8Array(capacity * 2);
      this.matched = new Uint16Array(capacity * 2);
    }
    const { total, best, inTitle, bestTitle, matched } = this;
    const { k1, titleMatch, titleMatchPower, askedAs } = this.ranking;
    const norms = index.lengthNorms(this.ranking.b);
    const nums: number[] = [];
    for (const group of groups) {
      const touched: number[] = [];
      for (const variant of group.variants) {
        const list = index.postings.get(variant.term);
        const learned = index.askedAsList(variant.term);
        const length = list?.length ?? 0;
        if (length === 0 && !learned) continue;
        const w = variant.weight * index.idf(Math.max(length, learned?.nums.length ?? 0));
        const offer = (num: number, tf: number, inTitleField: boolean) => {
          const s = (w * tf * (k1 + 1)) / (tf + k1);
          if (s > best[num]!) {
            if (best[num] === 0) touched.push(num);
            best[num] = s;
          }
          if (inTitleField && w > bestTitle[num]!) bestTitle[num] = w;
        };
        if (!learned) {
          const { docs, tfs, start } = list!;
          for (let i = start, end = start + length; i < end; i++) {
            const num = docs[i]!;
            offer(num, this.fieldTf(tfs, i, num * fieldCount, norms), tfs[i * fieldCount]! > 0);
          }
          continue;
        }
        // The asked-as field joins the article's fields before the one saturation, like any other field.
        const { acc, titled } = this;
        const seen: number[] = [];
        if (list) {
          const { docs, tfs, start } = list;
          for (let i = start, end = start + length; i < end; i++) {
            const num = docs[i]!;
            seen.push(num);
            acc[num] = this.fieldTf(tfs, i, num * fieldCount, norms);
            titled[num] = tfs[i * fieldCount]! > 0 ? 1 : 0;
          }
        }
        for (let i = 0; i < learned.nums.length; i++) {
          const num = learned.nums[i]!;
          if (acc[num] === 0 && titled[num] === 0) seen.push(num);
          acc[num] = acc[num]! + askedAs * learned.tfs[i]!;
        }
        for (const num of seen) {
          offer(num, acc[num]!, titled[num] === 1);
          acc[num] = 0;
          titled[num] = 0;
        }
      }
      for (const num of touched) {
        if (total[num] === 0) nums.push(num);
        total[num] = total[num]! + best[num]!;
        best[num] = 0;
        inTitle[num] = inTitle[num]! + bestTitle[num]!;
        bestTitle[num] = 0;
        matched[num]!++;
      }
    }
    const titleIdfs = titleMatch > 0 ? index.titleIdfSums() : undefined;
    const scores = nums.map((num) => {
      const matched = inTitle[num]!;
      if (!titleIdfs || matched === 0) return total[num]!;
      return total[num]! + titleMatch * matched * Math.min(1, matched / titleIdfs[num]!) ** titleMatchPower;
    });
    this.proximity.apply(index, groups, nums, scores, matched);
    for (const num of nums) {
      total[num] = 0;
      inTitle[num] = 0;
      matched[num] = 0;
    }
    return { nums, scores };
  }

  /** BM25F: a posting's frequencies per field, length-normalized and weighted, summed. */
  private fieldTf(tfs: Uint16Array, i: number, base: number, norms: Float64Array): number {
    const { weights } = this.ranking;
    let tf = 0;
    for (let f = 0; f < fieldCount; f++) {
      const raw = tfs[i * fieldCount + f]!;
      if (raw) tf += (weights[f]! * raw) / norms[base + f]!;
    }
    return tf;
  }
}
