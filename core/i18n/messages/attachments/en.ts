import type { AttachmentMessages } from '../attachments-types.ts';

export const attachmentsEn: AttachmentMessages = {
  label: 'Photos or receipts',
  hint: (n, size) => `Up to ${n} files of at most ${size} each: photos (JPEG, PNG, WebP, HEIC) or PDF.`,
  errors: {
    type: (file) => `“${file}” is not a photo (JPEG, PNG, WebP, HEIC) or a PDF.`,
    size: (file, size) => `“${file}” is larger than ${size}, the limit per file.`,
    count: (file, n) => `“${file}” is one file too many: you can attach at most ${n} files.`,
    empty: (file) => `“${file}” is empty.`,
    chooseAgain: 'Your text is kept. Choose the files again before sending.',
  },
  yourFiles: 'Your files',
};
