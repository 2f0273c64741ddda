import type { TranslationMessages } from '../translation-types.ts';

export const translationEn: TranslationMessages = {
  notTranslated: 'not yet translated',
  fallbackNotice: 'This article is not yet translated into English.',
  outdatedNotice: (source, date) => `This translation is older than the original (${source}, updated ${date}) and may miss recent changes.`,
  readSource: (source) => `Read the original (${source})`,
};
