import type { AttachmentMessages } from '../attachments-types.ts';

export const attachmentsZhHant: AttachmentMessages = {
  label: '照片或收據',
  hint: (n, size) => `最多 ${n} 個檔案，每個不超過 ${size}：照片（JPEG、PNG、WebP、HEIC）或 PDF。`,
  errors: {
    type: (file) => `「${file}」不是照片（JPEG、PNG、WebP、HEIC）或 PDF。`,
    size: (file, size) => `「${file}」超過每個檔案 ${size} 的上限。`,
    count: (file, n) => `「${file}」超出數量：最多只能附加 ${n} 個檔案。`,
    empty: (file) => `「${file}」是空的。`,
    chooseAgain: '您輸入的內容都已保留。送出前請重新選擇檔案。',
  },
  yourFiles: '您的檔案',
};
