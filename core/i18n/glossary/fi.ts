import type { LocaleGlossary } from './types.ts';

export const glossaryFi: LocaleGlossary = {
  terms: [
    { concept: 'complaint', term: 'valitus', note: 'lomake: ”Tee valitus”' },
    { concept: 'claim', term: 'korvaushakemus', note: 'takuu- tai Kestrel Care -korvaushakemus: korjaus tai uusi laite' },
    { concept: 'warranty', term: 'takuu' },
    { concept: 'care plan', term: 'Kestrel Care -turva' },
    { concept: 'reference', term: 'viitenumero' },
    { concept: 'tracking link', term: 'seurantalinkki' },
    { concept: 'serial number', term: 'sarjanumero' },
  ],
  rules: [
    {
      pattern: /reklamaatio\p{L}*/giu,
      message: 'the complaint is a "valitus" and a warranty or damage claim a "korvaushakemus"; "reklamaatio" mixes them up',
    },
    { pattern: /Hei[^\n,]*,(?:\\n|\n\s*)+\p{Ll}/gu, message: 'after the greeting "Hei," the letter goes on with a capital letter' },
    { pattern: /vähempi\p{L}*/giu, message: 'not Finnish: say "vähemmän" or "harvemmilla"' },
    { pattern: /toimitettaessa/giu, message: 'stiff officialese: say "Jos laite on viallinen, kun se toimitetaan"' },
  ],
};
