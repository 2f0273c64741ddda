/** The fields an article is indexed under, in rank order: title > summary/answer > headings > body. */
export const fieldNames = ['title', 'summary', 'headings', 'body'] as const;
export const fieldCount = fieldNames.length;
export type FieldIndex = 0 | 1 | 2 | 3;

/**
 * BM25F parameters (Robertson et al.): per-field term frequencies are length-normalized, weighted and
 * summed before one saturation, so a word in the title outweighs the same word in the body without
 * letting a long body pile up score. Prefix and typo matches count, but less than the word typed.
 * On top of that, a title the query matches as a whole (a question rephrased) gets a bonus: see titleMatch.
 */
export interface Ranking {
  k1: number;
  weights: readonly [number, number, number, number];
  /** Length normalization per field: short fields (titles) barely need it. */
  b: readonly [number, number, number, number];
  /** Weight of a completion of the word being typed. */
  prefix: number;
  /** Weight of a match one and two edits away. */
  typo: readonly [number, number];
  /** Shortest stemmed word that tolerates one typo, and two. */
  typoMinLength: readonly [number, number];
  /** Most variants one query word expands to, so short prefixes stay cheap. */
  maxExpansions: number;
  /**
   * Title-match bonus: with M the idf of the query words found in the title (each at its variant's weight)
   * and T the idf of all the title's distinct terms, a document gains titleMatch * M * (M / T)^titleMatchPower.
   * A short title the query covers (a FAQ question rephrased) gains up to titleMatch times those words'
   * idf; a long title sharing a word or two with the query gains almost nothing. 0 turns it off.
   */
  titleMatch: number;
  titleMatchPower: number;
  /**
   * Field weight of "asked as": the words customers searched with before opening the article (see
   * search/asked-as/). Learned rather than written, so it counts as the body does, below the title: at 2,
   * other questions about neighbouring paragraphs matched the learned ones (drcd-dev -.007). Not
   * length-normalized, since the learner caps how many phrases an article keeps and weighs each under 1.
   */
  askedAs: number;
  /**
   * Term proximity (see Proximity): weight of the bonus for query words found close together, how many
   * positions apart still count, and how many of the best documents get it. 0 turns it off.
   */
  proximity: number;
  proximityWindow: number;
  proximityCandidates: number;
}

export const defaultRanking: Ranking = {
  k1: 0.9,
  weights: [3, 2, 1.5, 1],
  b: [0.4, 0.5, 0.5, 0.75],
  prefix: 0.6,
  typo: [0.5, 0.3],
  typoMinLength: [5, 9],
  maxExpansions: 40,
  titleMatch: 2,
  titleMatchPower: 1.5,
  askedAs: 1,
  proximity: 0.5,
  proximityWindow: 8,
  proximityCandidates: 25,
};
