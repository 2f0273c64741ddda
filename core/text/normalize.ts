const ascii = /^[\x00-\x7f]*$/;
/** Latin-1 and Latin Extended, Greek and Coptic, Latin Extended Additional, Greek Extended, combining marks. */
const foldable = /[\u00c0-\u024f\u0300-\u036f\u0370-\u03ff\u1e00-\u1fff]/;
const combiningMarks = /[\u0300-\u036f]/g;
/** Letters that are not a base letter plus a mark, so NFD leaves them alone. */
const letterFolds: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', ς: 'σ', ð: 'd', þ: 'th' };
const specialLetters = /[ßæœøđłıςðþ]/g;

/** NFKC and lowercase: full-width forms, ligatures and compatibility digits become what people type. */
export function normalizeWord(word: string): string {
  if (ascii.test(word)) return word.toLowerCase();
  return word.normalize('NFKC').toLowerCase();
}

/**
 * Removes accents from Latin and Greek letters (and final sigma), so "garantia" meets "garantía" and
 * "εγγυηση" meets "εγγύηση". Other scripts keep their marks: in Devanagari or Hangul they are letters.
 */
export function foldDiacritics(word: string): string {
  if (!foldable.test(word)) return word;
  return word.normalize('NFD').replace(combiningMarks, '').normalize('NFC').replace(specialLetters, (c) => letterFolds[c] ?? c);
}
