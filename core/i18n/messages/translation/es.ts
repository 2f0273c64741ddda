import type { TranslationMessages } from '../translation-types.ts';

export const translationEs: TranslationMessages = {
  notTranslated: 'aún sin traducir',
  fallbackNotice: 'Este artículo aún no está traducido al español. Te mostramos la versión en inglés.',
  outdatedNotice: (source, date) => `Esta traducción es anterior al original (${source}, actualizado el ${date}) y puede que no recoja los últimos cambios.`,
  readSource: (source) => `Leer el original (${source})`,
};
