import snowball from 'snowball-stemmers';
import type { Locale } from '../i18n/locales.ts';
import { greekStemmer } from './greek-stemmer.ts';
import { foldDiacritics } from './normalize.ts';
import { restoreSpanishSuffix } from './spanish.ts';

type Stem = (word: string) => string;

const greekLetters = /[\u0370-\u03ff]/;
const latinLetters = /[a-z\u00c0-\u024f]/;

function snowballStem(language: string): Stem {
  const stemmer = snowball.newStemmer(language);
  return (word) => stemmer.stem(word);
}

/**
 * Each stemmer takes a lowercase word and returns a folded stem. The order of folding matters per
 * language: Finnish rules need ä and ö (they are letters there), Greek rules expect unaccented words,
 * Spanish ones are given the folded word with its one decisive accent put back.
 */
function makeStemmer(locale: Locale): Stem {
  const english = snowballStem('english');
  const foldThenEnglish: Stem = (w) => english(foldDiacritics(w));
  switch (locale) {
    case 'en':
    case 'zh-Hant':
      return foldThenEnglish;
    case 'es': {
      const spanish = snowballStem('spanish');
      return (w) => foldDiacritics(spanish(restoreSpanishSuffix(foldDiacritics(w))));
    }
    case 'fi': {
      const finnish = snowballStem('finnish');
      return (w) => foldDiacritics(finnish(w));
    }
    case 'el': {
      const greek = greekStemmer();
      // Latin words in Greek text are mostly product names and English terms.
      return (w) => (greekLetters.test(w) ? foldDiacritics(greek(foldDiacritics(w))) : latinLetters.test(w) ? foldThenEnglish(w) : w);
    }
  }
}

const stemmers = new Map<Locale, Stem>();

/** The stemmer of a locale, built once (the analyzer remembers the forms of frequent words). */
export function stemmerFor(locale: Locale): Stem {
  let stem = stemmers.get(locale);
  if (!stem) {
    stem = makeStemmer(locale);
    stemmers.set(locale, stem);
  }
  return stem;
}
