/** The ideas customers must never have to guess between: each has one word per locale. */
export type Concept = 'complaint' | 'claim' | 'warranty' | 'care plan' | 'reference' | 'tracking link' | 'serial number';

export interface GlossaryTerm {
  concept: Concept;
  term: string;
  note?: string;
}

/**
 * A word or phrase that confuses two concepts (or breaks the locale's register). `pattern` is searched
 * in the whole text, so it may span lines; a match on a line that `unlessLine` matches is a legitimate
 * use of the word (for example a complaint to a data protection authority).
 */
export interface ConfusionRule {
  pattern: RegExp;
  message: string;
  unlessLine?: RegExp;
  /** Only in the complaint form's own strings (core/i18n/messages/complaints/<locale>.ts). */
  complaintStringsOnly?: boolean;
}

export interface LocaleGlossary {
  terms: GlossaryTerm[];
  rules: ConfusionRule[];
}
