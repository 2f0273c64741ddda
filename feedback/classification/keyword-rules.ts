import type { Locale } from '@core/i18n/locales.ts';
import { analyze, type Token } from '@core/text/analyze.ts';
import { foldChinese } from '@core/text/chinese.ts';
import type { Severity } from '../complaints/model.ts';


export interface KeywordRule {
  locale: Locale;
  category: string;
  /** Words or phrases as an admin writes them; matched after the search analysis (stems, no accents). */
  keywords: string[];
  severity?: Severity;
}

export interface KeywordMatch {
  category: string;
  /** The rule keywords found, as the admin wrote them. */
  matched: string[];
  /** The same places in the text as the customer wrote them (for the staff view). */
  evidence: string[];
  /** The highest severity among the matching rules of the category that set one. */
  severity?: Severity;
}

const severityRank: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };
const cjkOnly = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\s]+$/u;

/** One word of a keyword: its index term, or with a trailing `*` a prefix of the unstemmed, folded word. */
type WordMatcher = { term: string } | { prefix: string };

interface CompiledKeyword {
  keyword: string;
  /** The words of the keyword, in order (CJK dictionary words left out: bigrams carry the sequence). */
  words: WordMatcher[];
  /** A keyword written only in CJK characters is looked up in the folded text instead. */
  cjk?: string;
}

interface CompiledRule {
  order: number;
  rule: KeywordRule;
  keywords: CompiledKeyword[];
}

function compileWords(keyword: string, locale: Locale): WordMatcher[] {
  const words: WordMatcher[] = [];
  for (const part of keyword.split(/\s+/)) {
    const prefix = part.endsWith('*');
    const tokens = sequence(analyze(prefix ? part.replace(/\*+$/, '') : part, locale, { keepStopWords: true }));
    tokens.forEach((t, i) => words.push(prefix && i === tokens.length - 1 && t.kind === 'word' ? { prefix: t.surface } : { term: t.term }));
  }
  return words;
}

function matches(word: WordMatcher, token: Token): boolean {
  return 'term' in word ? token.term === word.term : token.kind === 'word' && token.surface.startsWith(word.prefix);
}

/** The tokens whose terms form a sequence: CJK dictionary words come after their run and would break it. */
function sequence(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'cjk-word');
}

/**
 * Keyword rules per locale that admins edit. Keywords and text go through the same analysis as search,
 * so "refund" matches "refunded", "garantía" matches "garantias", "εγγύηση" matches "εγγύησης", a
 * Finnish "takuu" matches "takuun", and 維修 matches 维修 (either Chinese script). A keyword of several
 * words matches those words in that order, next to each other. A word ending in `*` matches every word
 * starting so ("vuot*": vuotaa, vuotanut, vuoto), for inflections a stemmer does not bring together.
 */
export class KeywordRules {
  private readonly rules: CompiledRule[];

  constructor(rules: readonly KeywordRule[]) {
    this.rules = rules.map((rule, order) => ({
      order,
      rule,
      keywords: rule.keywords
        .map((keyword) => keyword.trim())
        .filter(Boolean)
        .map((keyword): CompiledKeyword => (cjkOnly.test(keyword) ? { keyword, words: [], cjk: foldChinese(keyword.replace(/\s+/g, '')) } : { keyword, words: compileWords(keyword, rule.locale) }))
        .filter((k) => k.words.length > 0 || k.cjk),
    }));
  }

  /**
   * The category whose rules (in this locale) match the most keywords; ties go to the higher severity,
   * then to the rule listed first. Null when nothing matches.
   */
  match(text: string, locale: Locale): KeywordMatch | null {
    const applicable = this.rules.filter((r) => r.rule.locale === locale);
    if (applicable.length === 0 || !text.trim()) return null;
    const tokens = sequence(analyze(text, locale, { keepStopWords: true }));
    let folded: string | undefined;
    const byCategory = new Map<string, { matched: Set<string>; evidence: Set<string>; severity?: Severity; order: number }>();
    for (const { rule, keywords, order } of applicable) {
      for (const k of keywords) {
        const spans: Array<[number, number]> = [];
        if (k.cjk) {
          folded ??= foldChinese(text);
          const at = folded.indexOf(k.cjk);
          // Folding keeps the length of almost every text; where it does not, the keyword itself is shown.
          if (at >= 0) spans.push(folded.length === text.length ? [at, at + k.cjk.length] : [-1, -1]);
        } else {
          for (let i = 0; i + k.words.length <= tokens.length; i++) {
            if (k.words.every((w, n) => matches(w, tokens[i + n]!))) spans.push([tokens[i]!.start, tokens[i + k.words.length - 1]!.end]);
          }
        }
        if (spans.length === 0) continue;
        const entry = byCategory.get(rule.category) ?? { matched: new Set<string>(), evidence: new Set<string>(), order };
        entry.matched.add(k.keyword);
        for (const [start, end] of spans) entry.evidence.add(start < 0 ? k.keyword : text.slice(start, end));
        if (rule.severity && (!entry.severity || severityRank[rule.severity] > severityRank[entry.severity])) entry.severity = rule.severity;
        byCategory.set(rule.category, entry);
      }
    }
    let best: [string, { matched: Set<string>; evidence: Set<string>; severity?: Severity; order: number }] | undefined;
    for (const candidate of byCategory) {
      if (!best) {
        best = candidate;
        continue;
      }
      const [, a] = candidate;
      const [, b] = best;
      const rank = (s?: Severity) => (s ? severityRank[s] : 0);
      if (a.matched.size > b.matched.size || (a.matched.size === b.matched.size && (rank(a.severity) > rank(b.severity) || (rank(a.severity) === rank(b.severity) && a.order < b.order)))) best = candidate;
    }
    if (!best) return null;
    const [category, entry] = best;
    const result: KeywordMatch = { category, matched: [...entry.matched], evidence: [...entry.evidence] };
    if (entry.severity) result.severity = entry.severity;
    return result;
  }
}
