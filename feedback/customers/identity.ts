import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { foldDiacritics, normalizeWord } from '@core/text/normalize.ts';

/**
 * How a customer is recognised across channels. An email address is compared trimmed and lower-cased
 * (the local part too: mail servers treat it case-insensitively in practice, and dots or "+tags" are
 * kept, because only some providers ignore them). A phone number is compared in E.164, read with the
 * portal's default region when it has no country code; a number that cannot be read is not used to
 * recognise anyone.
 */
export function normaliseEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

export function normalisePhone(phone: string | null | undefined, region: CountryCode): string | null {
  if (!phone?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phone.trim(), region);
  return parsed?.isValid() ? parsed.number : null;
}

/** A name as search compares it: NFKC, lower-case, accents folded, punctuation and extra spaces gone. */
export function foldName(name: string | null | undefined): string {
  if (!name) return '';
  return foldDiacritics(normalizeWord(name))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The trigrams of a folded name, each word padded the way PostgreSQL's pg_trgm pads it (two spaces
 * before, one after), so short names and word starts weigh as they do there.
 */
export function nameGrams(folded: string): string[] {
  const grams = new Set<string>();
  for (const word of folded.split(' ')) {
    if (!word) continue;
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  }
  return [...grams];
}

/** pg_trgm's similarity: shared trigrams over all distinct trigrams of both (0 to 1). */
export function gramSimilarity(shared: number, a: number, b: number): number {
  const union = a + b - shared;
  return union > 0 ? shared / union : 0;
}

/** Names at least this similar are a match (pg_trgm's default threshold). */
export const nameMatchThreshold = 0.3;

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment); stops once past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos allowed in one word of a name: none in very short words, one up to five letters, two beyond. */
export function wordTolerance(word: string): number {
  const length = [...word].length;
  return length <= 2 ? 0 : length <= 5 ? 1 : 2;
}

/**
 * A searched name matches a customer's name when their trigrams are similar enough, or when every word
 * searched is within its typo tolerance of a word of the name (trigrams miss swapped letters in short words).
 */
export function nameMatches(query: string, name: string, similarity: number): boolean {
  if (similarity >= nameMatchThreshold) return true;
  const words = name.split(' ').filter(Boolean);
  const wanted = query.split(' ').filter(Boolean);
  return wanted.length > 0 && wanted.every((q) => words.some((w) => editDistance(q, w, wordTolerance(q)) <= wordTolerance(q)));
}

/**
 * Two customers of the same name are likely one person when their addresses differ by a typo (at most
 * two edits), share the part before the @ at another provider, or their phone numbers end alike (the
 * last eight digits: the same number written with and without a country code that could not be read).
 */
export function similarContacts(a: { email: string | null; phone: string | null }, b: { email: string | null; phone: string | null }): boolean {
  if (a.email && b.email) {
    if (editDistance(a.email, b.email, 2) <= 2) return true;
    const local = (e: string) => e.slice(0, e.lastIndexOf('@'));
    if (local(a.email).length >= 3 && local(a.email) === local(b.email)) return true;
  }
  if (a.phone && b.phone) {
    const tail = (p: string) => p.replace(/\D/g, '').slice(-8);
    if (tail(a.phone).length === 8 && tail(a.phone) === tail(b.phone)) return true;
  }
  return false;
}
