import type { TranslationMessages } from '../translation-types.ts';

export const translationFi: TranslationMessages = {
  notTranslated: 'ei vielä käännetty',
  fallbackNotice: 'Tätä artikkelia ei ole vielä käännetty suomeksi. Alla on englanninkielinen versio.',
  outdatedNotice: (source, date) => `Tämä käännös on vanhempi kuin alkuperäinen teksti (${source}, päivitetty ${date}), joten siitä voi puuttua uusimpia muutoksia.`,
  readSource: (source) => `Lue alkuperäinen teksti (${source})`,
};
