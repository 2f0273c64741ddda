import type { AttachmentMessages } from '../attachments-types.ts';

export const attachmentsEl: AttachmentMessages = {
  label: 'Φωτογραφίες ή αποδείξεις',
  hint: (n, size) => `Έως ${n} αρχεία, το καθένα έως ${size}: φωτογραφίες (JPEG, PNG, WebP, HEIC) ή PDF.`,
  errors: {
    type: (file) => `Το «${file}» δεν είναι φωτογραφία (JPEG, PNG, WebP, HEIC) ούτε PDF.`,
    size: (file, size) => `Το «${file}» ξεπερνά τα ${size}, το όριο ανά αρχείο.`,
    count: (file, n) => `Το «${file}» περισσεύει: μπορείτε να επισυνάψετε έως ${n} αρχεία.`,
    empty: (file) => `Το «${file}» είναι κενό.`,
    chooseAgain: 'Όσα γράψατε διατηρούνται. Επιλέξτε ξανά τα αρχεία πριν από την αποστολή.',
  },
  yourFiles: 'Τα αρχεία σας',
};
