import type { TranslationMessages } from '../translation-types.ts';

export const translationEl: TranslationMessages = {
  notTranslated: 'δεν έχει μεταφραστεί ακόμη',
  fallbackNotice: 'Αυτό το άρθρο δεν έχει μεταφραστεί ακόμη στα ελληνικά. Ακολουθεί η αγγλική έκδοση.',
  outdatedNotice: (source, date) => `Αυτή η μετάφραση είναι παλαιότερη από το πρωτότυπο (${source}, ενημέρωση ${date}) και ίσως δεν περιλαμβάνει τις τελευταίες αλλαγές.`,
  readSource: (source) => `Διαβάστε το πρωτότυπο (${source})`,
};
