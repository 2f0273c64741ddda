import type { LocaleIndex } from './locale-index.ts';
import type { QueryGroup } from './query.ts';
import { idf } from './scorer.ts';

export interface MatchDetails {
  /** Index terms of the query (with completions and typo variants) that occur in the document. */
  terms: Set<string>;
  /** The section with the most query weight in it, or -1 when only title, summary or tags matched. */
  section: number;
}

/**
 * Where in one document the query matched. Each query word adds its weight (its best variant's idf) to
 * the sections it occurs in, so the section holding the rarer words, and more of them, wins; ties go to
 * the earlier section.
 */
export function matchDetails(index: LocaleIndex, groups: QueryGroup[], num: number): MatchDetails {
  const terms = new Set<string>();
  const sectionScores = new Float64Array(32);
  const groupScores = new Float64Array(32);
  for (const group of groups) {
    groupScores.fill(0);
    for (const variant of group.variants) {
      const list = index.postings.get(variant.term);
      const i = list ? list.indexOf(num) : -1;
      if (!list || i < 0) continue;
      terms.add(variant.term);
      const weight = variant.weight * idf(index, list.length);
      for (let mask = list.masks[list.start + i]!, bit = 0; mask !== 0; mask >>>= 1, bit++) {
        if (mask & 1 && weight > groupScores[bit]!) groupScores[bit] = weight;
      }
    }
    for (let bit = 0; bit < 32; bit++) sectionScores[bit] = sectionScores[bit]! + groupScores[bit]!;
  }
  let section = -1;
  for (let bit = 0; bit < 32; bit++) if (sectionScores[bit]! > (section < 0 ? 0 : sectionScores[section]!)) section = bit;
  return { terms, section };
}
