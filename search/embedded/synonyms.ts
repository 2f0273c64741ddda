import { analyze, type Token } from '@core/text/analyze.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { SynonymGroups } from '@core/content/synonym-file.ts';
import type { QueryGroup } from './query.ts';

/**
 * How much a match on a synonym counts against the word typed (1). Below every other variant of the
 * word but the typos', so an article using the customer's own word stays first.
 */
export const synonymWeight = 0.7;

/** One entry of a synonyms group as index terms. */
interface Phrase {
  terms: string[];
  /** CJK entries match wherever their terms all occur in the query (segmenters split them unpredictably). */
  cjk: boolean;
}

export type CompiledSynonyms = Phrase[][];

const cjkPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const compiled = new WeakMap<SynonymGroups, CompiledSynonyms>();

/** The groups analysed as the index analyses text; remembered while the file's groups stay the same array. */
export function compileSynonyms(groups: SynonymGroups, locale: Locale): CompiledSynonyms {
  let out = compiled.get(groups);
  if (!out) {
    out = groups.map((group) =>
      group.map((entry) => ({ terms: [...new Set(analyze(entry, locale).filter((t) => !t.stop).map((t) => t.term))], cjk: cjkPattern.test(entry) })).filter((p) => p.terms.length > 0),
    );
    compiled.set(groups, out);
  }
  return out;
}

/** Where the phrase's terms stand in the query, or undefined when the query does not contain it. */
function occurrence(phrase: Phrase, queryTerms: string[]): string[] | undefined {
  if (phrase.cjk || phrase.terms.length === 1) return phrase.terms.every((t) => queryTerms.includes(t)) ? phrase.terms : undefined;
  for (let i = 0; i + phrase.terms.length <= queryTerms.length; i++) {
    if (phrase.terms.every((t, j) => queryTerms[i + j] === t)) return phrase.terms;
  }
  return undefined;
}

/**
 * Adds each synonym of a phrase the query contains as variants of that phrase's words. A variant's weight
 * is shared out over the synonym's terms, so a long synonym cannot outweigh the short word typed, and as
 * variants (not extra words) an article using both words gains nothing over one using the word typed.
 */
export function addSynonyms(groups: QueryGroup[], tokens: Token[], synonyms: CompiledSynonyms): void {
  if (!synonyms.length) return;
  const queryTerms = tokens.filter((t) => !t.stop).map((t) => t.term);
  const byTerm = new Map(groups.map((g) => [g.variants[0]!.term, g]));
  for (const group of synonyms) {
    for (const phrase of group) {
      const matched = occurrence(phrase, queryTerms);
      if (!matched) continue;
      for (const other of group) {
        if (other === phrase) continue;
        const weight = synonymWeight / other.terms.length;
        for (const term of matched) {
          const target = byTerm.get(term);
          if (!target) continue;
          for (const s of other.terms) {
            const existing = target.variants.find((v) => v.term === s);
            if (!existing) target.variants.push({ term: s, weight });
            else if (existing.weight < weight) existing.weight = weight;
          }
        }
      }
    }
  }
}
