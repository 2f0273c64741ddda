import { analyze, type Token } from '@core/text/analyze.ts';
import type { LocaleIndex } from './locale-index.ts';
import { Positions, spanOf } from './positions.ts';
import type { Ranking } from './ranking.ts';
import { addSynonyms, type CompiledSynonyms } from './synonyms.ts';

export interface Variant {
  term: string;
  /** 1 for the word as typed; less for completions and typo matches. */
  weight: number;
}

/** One word of the query: a document scores by the best of its variants, so variants never add up. */
export interface QueryGroup {
  variants: Variant[];
  /** Where the word is in the query and how many positions it covers, counted as documents are (see Positions). */
  at: number;
  span: number;
}

const digit = /\d/;
/** How many completions to look at before keeping the most frequent ones. */
const prefixScanLimit = 5000;

function live(index: LocaleIndex, terms: Iterable<string>, exclude: Set<string>): string[] {
  const out: string[] = [];
  for (const term of terms) if (!exclude.has(term) && index.df(term) > 0) out.push(term);
  return out;
}

function completions(index: LocaleIndex, token: Token, ranking: Ranking, exclude: Set<string>): Variant[] {
  const minLength = token.kind === 'word' ? 2 : 1;
  if (token.surface.length < minLength) return [];
  const found = new Set(index.trie.withPrefix(token.surface, prefixScanLimit));
  // The stem may be shorter than what was typed ("happ" types on to "happy", indexed as "happi").
  if (token.term !== token.surface) for (const t of index.trie.withPrefix(token.term, prefixScanLimit)) found.add(t);
  return live(index, found, exclude)
    .sort((a, b) => index.df(b) - index.df(a) || a.length - b.length)
    .slice(0, ranking.maxExpansions)
    .map((term) => ({ term, weight: ranking.prefix }));
}

function typoVariants(index: LocaleIndex, token: Token, ranking: Ranking, exclude: Set<string>): Variant[] {
  if (token.kind !== 'word' || digit.test(token.term)) return [];
  const length = [...token.term].length;
  const maxDistance = length >= ranking.typoMinLength[1] ? 2 : length >= ranking.typoMinLength[0] ? 1 : 0;
  if (!maxDistance) return [];
  return index.trie
    .near(token.term, maxDistance)
    .filter((n) => !exclude.has(n.term) && index.df(n.term) > 0)
    .sort((a, b) => a.distance - b.distance || index.df(b.term) - index.df(a.term))
    .slice(0, ranking.maxExpansions)
    .map((n) => ({ term: n.term, weight: ranking.typo[n.distance - 1] ?? 0 }));
}

/**
 * Turns the query text into weighted term groups. The last word may be unfinished (search as you type),
 * so it also matches completions; words long enough to hold a typo also match terms an edit or two away;
 * words of the locale's synonyms file also match their synonyms.
 */
export function parseQuery(q: string, index: LocaleIndex, ranking: Ranking, synonyms: CompiledSynonyms = []): QueryGroup[] {
  const tokens = analyze(q, index.locale);
  const last = tokens.reduce<Token | undefined>((a, t) => (!a || t.end >= a.end ? t : a), undefined);
  const typing = last !== undefined && last.end === q.trimEnd().length && (last.kind === 'word' || last.kind === 'cjk-char');
  const seen = new Set<string>();
  const groups: QueryGroup[] = [];
  const positions = new Positions();
  for (const token of tokens) {
    const at = positions.of(token);
    if (seen.has(token.term) || token.stop) continue;
    seen.add(token.term);
    const exclude = new Set([token.term]);
    const variants: Variant[] = [{ term: token.term, weight: 1 }];
    if (typing && token === last) {
      for (const v of completions(index, token, ranking, exclude)) {
        exclude.add(v.term);
        variants.push(v);
      }
    }
    variants.push(...typoVariants(index, token, ranking, exclude));
    groups.push({ variants, at, span: spanOf(token) });
  }
  addSynonyms(groups, tokens, synonyms);
  return groups;
}
