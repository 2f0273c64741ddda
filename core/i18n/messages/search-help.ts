import type { Locale } from '../locales.ts';

/** What the results page offers when a search finds nothing or too little in the reader's language. */
export interface SearchHelpMessages {
  /** Before and after the suggested query, which is a link. */
  didYouMean: string;
  didYouMeanEnd: string;
  /** Heading of the English articles after too few results. */
  englishHeading: string;
  englishIntro: string;
  /** Next to each English title. */
  inEnglish: string;
  noResultsHeading: string;
  noResultsTips: string;
  contactText: string;
}

export const searchHelpMessages: Record<Locale, SearchHelpMessages> = {
  en: {
    didYouMean: 'Did you mean',
    didYouMeanEnd: '?',
    englishHeading: 'Articles in English',
    englishIntro: 'These articles are not translated yet.',
    inEnglish: 'English',
    noResultsHeading: 'Try these instead',
    noResultsTips: 'Check the spelling, use fewer words, or try another word for the same thing.',
    contactText: 'Can’t find what you need? Our team answers every message within 12 hours.',
  },
  es: {
    didYouMean: '¿Quisiste decir',
    didYouMeanEnd: '?',
    englishHeading: 'Artículos en inglés',
    englishIntro: 'Estos artículos todavía no están traducidos al español.',
    inEnglish: 'en inglés',
    noResultsHeading: 'Prueba con esto',
    noResultsTips: 'Revisa la ortografía, usa menos palabras o prueba con otra palabra para lo mismo.',
    contactText: '¿No encuentras lo que buscas? Nuestro equipo responde a cada mensaje en menos de 12 horas.',
  },
  'zh-Hant': {
    didYouMean: '您是不是要找',
    didYouMeanEnd: '？',
    englishHeading: '英文文章',
    englishIntro: '這些文章尚未翻譯成中文。',
    inEnglish: '英文',
    noResultsHeading: '試試這些',
    noResultsTips: '請檢查用字，減少關鍵字，或改用意思相同的其他說法。',
    contactText: '找不到需要的資訊嗎？我們會在 12 小時內回覆每一則訊息。',
  },
  el: {
    didYouMean: 'Μήπως εννοούσατε',
    didYouMeanEnd: ';',
    englishHeading: 'Άρθρα στα αγγλικά',
    englishIntro: 'Αυτά τα άρθρα δεν έχουν μεταφραστεί ακόμη στα ελληνικά.',
    inEnglish: 'στα αγγλικά',
    noResultsHeading: 'Δοκιμάστε αυτά',
    noResultsTips: 'Ελέγξτε την ορθογραφία, χρησιμοποιήστε λιγότερες λέξεις ή δοκιμάστε μια άλλη λέξη με την ίδια σημασία.',
    contactText: 'Δεν βρίσκετε αυτό που χρειάζεστε; Η ομάδα μας απαντά σε κάθε μήνυμα μέσα σε 12 ώρες.',
  },
  fi: {
    didYouMean: 'Tarkoititko',
    didYouMeanEnd: '?',
    englishHeading: 'Artikkelit englanniksi',
    englishIntro: 'Näitä artikkeleita ei ole vielä käännetty suomeksi.',
    inEnglish: 'englanniksi',
    noResultsHeading: 'Kokeile näitä',
    noResultsTips: 'Tarkista kirjoitusasu, käytä vähemmän sanoja tai kokeile toista samaa tarkoittavaa sanaa.',
    contactText: 'Etkö löydä etsimääsi? Vastaamme jokaiseen viestiin 12 tunnin kuluessa.',
  },
};
