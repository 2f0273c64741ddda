import type { Locale } from '@core/i18n/locales.ts';
import { foldDiacritics } from '@core/text/normalize.ts';
import { stopWords } from '@core/text/stopwords.ts';

/**
 * Locale guessing for data that comes without one (eval sets, imported history); forms and staff
 * entries know theirs. Chinese and Greek go by script; English, Spanish and Finnish by which stop-word
 * list covers more of the words, helped by the letters only one of them uses (ä ö, ñ ¿ ¡).
 */

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const greek = /\p{Script=Greek}/gu;
const latin = /\p{Script=Latin}/gu;
const finnishLetters = /[äöÄÖ]/g;
const spanishMarks = /[ñÑ¿¡]/g;
const latinLocales = ['en', 'es', 'fi'] as const;
type LatinLocale = (typeof latinLocales)[number];

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** zh-Hant or el when that script outweighs Latin letters in the text, else undefined. */
export function scriptLocale(text: string): Locale | undefined {
  const l = count(text, latin);
  if (count(text, cjk) > l) return 'zh-Hant';
  if (count(text, greek) > l) return 'el';
  return undefined;
}

function latinVotes(text: string): Record<LatinLocale, number> {
  const votes = { en: 0, es: 2 * count(text, spanishMarks), fi: 2 * count(text, finnishLetters) };
  for (const word of text.toLowerCase().split(/[^\p{L}'’]+/u)) {
    if (!word) continue;
    const folded = foldDiacritics(word.replace(/['’]/g, ''));
    for (const l of latinLocales) if (stopWords(l).has(folded)) votes[l]++;
  }
  return votes;
}

/** The locale of one text, or `fallback` when the text gives no clear sign. */
export function detectTextLocale(text: string, fallback: Locale): Locale {
  const byScript = scriptLocale(text);
  if (byScript) return byScript;
  const votes = latinVotes(text);
  const ranked = latinLocales.map((l) => [l, votes[l]] as const).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return first && second && first[1] >= 2 && first[1] > second[1] ? first[0] : fallback;
}

/** The main locale of a collection of texts (by majority of the texts that give a sign). */
export function detectLocale(texts: readonly string[]): Locale {
  const votes = new Map<Locale, number>();
  for (const text of texts.slice(0, 3000)) {
    const l = detectTextLocale(text, 'en');
    votes.set(l, (votes.get(l) ?? 0) + 1);
  }
  let best: Locale = 'en';
  for (const [l, n] of votes) if (n > (votes.get(best) ?? 0)) best = l;
  return best;
}
