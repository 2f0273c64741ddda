import type { LocaleGlossary } from './types.ts';

export const glossaryEn: LocaleGlossary = {
  terms: [
    { concept: 'complaint', term: 'complaint', note: 'what a customer files with the complaint form' },
    { concept: 'claim', term: 'claim', note: 'a warranty or Kestrel Care claim: asking for a repair or replacement' },
    { concept: 'warranty', term: 'warranty' },
    { concept: 'care plan', term: 'Kestrel Care plan' },
    { concept: 'reference', term: 'reference', note: 'C-2026-000123' },
    { concept: 'tracking link', term: 'tracking link' },
    { concept: 'serial number', term: 'serial number' },
  ],
  rules: [],
};
