import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import registerGreek from 'lunr-languages/lunr.el.js';

type StringStemmer = (word: string) => string;

let greek: StringStemmer | undefined;

/**
 * The Greek stemmer of lunr-languages (Ntais's algorithm), used on its own: it takes unaccented words
 * and returns the stem in lowercase. Registering it needs a lunr instance, which it only decorates.
 */
export function greekStemmer(): StringStemmer {
  if (!greek) {
    stemmerSupport(lunr);
    registerGreek(lunr);
    greek = (lunr as unknown as { el: { stemmer: StringStemmer } }).el.stemmer;
  }
  return greek;
}
