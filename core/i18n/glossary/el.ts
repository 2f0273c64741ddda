import type { LocaleGlossary } from './types.ts';

export const glossaryEl: LocaleGlossary = {
  terms: [
    { concept: 'complaint', term: 'παράπονο', note: 'η φόρμα: «Υποβολή παραπόνου»' },
    { concept: 'claim', term: 'αίτημα εγγύησης', note: 'και για το Kestrel Care: αίτημα επισκευής ή αντικατάστασης' },
    { concept: 'warranty', term: 'εγγύηση' },
    { concept: 'care plan', term: 'πρόγραμμα Kestrel Care' },
    { concept: 'reference', term: 'αριθμός αναφοράς' },
    { concept: 'tracking link', term: 'σύνδεσμος παρακολούθησης' },
    { concept: 'serial number', term: 'σειριακός αριθμός' },
  ],
  rules: [
    {
      pattern: /α[ιί]τ\p{L}* αποζημ\p{L}*|αποζημιώσεις/giu,
      message: 'a warranty claim is an "αίτημα εγγύησης"; "αποζημίωση" is compensation for a loss',
    },
    { pattern: /Γεια σας,(?:\\n|\n\s*)+\p{Ll}/gu, message: 'after the greeting "Γεια σας," the letter goes on with a capital letter' },
  ],
};
