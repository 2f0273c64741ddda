import type { LocaleGlossary } from './types.ts';

export const glossaryEs: LocaleGlossary = {
  terms: [
    { concept: 'complaint', term: 'queja', note: 'el formulario: «Presentar una queja»' },
    { concept: 'claim', term: 'reclamación', note: 'reclamación de garantía o de Kestrel Care: pedir una reparación o una sustitución' },
    { concept: 'warranty', term: 'garantía' },
    { concept: 'care plan', term: 'plan Kestrel Care' },
    { concept: 'reference', term: 'referencia' },
    { concept: 'tracking link', term: 'enlace de seguimiento' },
    { concept: 'serial number', term: 'número de serie' },
  ],
  rules: [
    { pattern: /reclamaci[oó]n/giu, message: 'the complaint form speaks of a "queja"; "reclamación" is a warranty claim', complaintStringsOnly: true },
    {
      pattern: /(?:seguir|sigue|registrado|referencia de) (?:tu|su|la) reclamaci[oó]n/giu,
      message: 'a complaint that has a reference and a tracking link is a "queja"; "reclamación" is a warranty claim',
    },
    { pattern: /formulario de reclamaci[oó]n(?:es)?/giu, message: 'the complaint form is the "formulario de quejas"' },
    { pattern: /queja(?:s)? de garant[ií]a/giu, message: 'a warranty claim is a "reclamación de garantía", not a "queja"' },
    { pattern: /\bustede?s?\b/giu, message: 'the site speaks to customers as "tú", not "usted"' },
    { pattern: /Hola[^\n]*:(?:\\n|\n\s*)+\p{Ll}/gu, message: 'after the greeting "Hola...:" the letter goes on with a capital letter' },
  ],
};
