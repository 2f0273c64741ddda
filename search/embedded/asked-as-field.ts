import { scan } from '@core/text/analyze.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { AskedAs } from '../asked-as/asked-as.ts';
import { Positions } from './positions.ts';

/** The documents a learned term belongs to and its weighted frequency in each. */
export interface AskedAsList {
  nums: Int32Array;
  tfs: Float64Array;
}

/** One learned phrase's terms in order with their positions (as Positions counts them), and its weight. */
export interface LearnedPhrase {
  terms: string[];
  positions: number[];
  weight: number;
}

/**
 * The "asked as" field of one locale: the words customers used before opening an article, learned from
 * the portal's own use and replaced as a whole on every refresh. Kept apart from the posting lists so a
 * refresh never re-analyses an article, and keyed by article id because a document's number changes with
 * every edit; the per-term lists by number are rebuilt on the first query after either changes.
 */
export class AskedAsField {
  private byDoc = new Map<string, Map<string, number>>();
  private phrasesByDoc = new Map<string, LearnedPhrase[]>();
  private lists = new Map<string, AskedAsList>();
  private fresh = true;

  constructor(private readonly locale: Locale) {}

  get size(): number {
    return this.byDoc.size;
  }

  /** Replaces everything learned for this locale; a term's frequency is the summed weight of the phrases holding it. */
  replace(entries: AskedAs[]): void {
    this.byDoc = new Map();
    this.phrasesByDoc = new Map();
    for (const entry of entries) {
      const terms = new Map<string, number>();
      const phrases: LearnedPhrase[] = [];
      for (const phrase of entry.phrases) {
        const seen = new Set<string>();
        const learned: LearnedPhrase = { terms: [], positions: [], weight: phrase.weight };
        const positions = new Positions();
        scan(phrase.text, this.locale, (t) => {
          const at = positions.of(t);
          // As in a query: question words (什麼, 可以) say nothing about the article.
          if (t.stop || seen.has(t.term)) return;
          seen.add(t.term);
          terms.set(t.term, (terms.get(t.term) ?? 0) + phrase.weight);
          learned.terms.push(t.term);
          learned.positions.push(at);
        });
        if (learned.terms.length > 1) phrases.push(learned);
      }
      if (terms.size) this.byDoc.set(entry.id, terms);
      if (phrases.length) this.phrasesByDoc.set(entry.id, phrases);
    }
    this.fresh = false;
  }

  /** The phrases of two words or more learned for an article, for proximity. */
  phrases(id: string): readonly LearnedPhrase[] | undefined {
    return this.phrasesByDoc.get(id);
  }

  /** Called whenever document numbers change (an add or a removal). */
  invalidate(): void {
    if (this.byDoc.size) this.fresh = false;
  }

  list(term: string, numOf: (id: string) => number | undefined): AskedAsList | undefined {
    if (!this.byDoc.size) return undefined;
    if (!this.fresh) this.rebuild(numOf);
    return this.lists.get(term);
  }

  private rebuild(numOf: (id: string) => number | undefined): void {
    const grouped = new Map<string, { nums: number[]; tfs: number[] }>();
    for (const [id, terms] of this.byDoc) {
      const num = numOf(id);
      if (num === undefined) continue;
      for (const [term, tf] of terms) {
        let g = grouped.get(term);
        if (!g) grouped.set(term, (g = { nums: [], tfs: [] }));
        g.nums.push(num);
        g.tfs.push(tf);
      }
    }
    this.lists = new Map([...grouped].map(([term, g]) => [term, { nums: Int32Array.from(g.nums), tfs: Float64Array.from(g.tfs) }]));
    this.fresh = true;
  }
}
