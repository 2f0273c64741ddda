import type { TranslationMessages } from '../translation-types.ts';

export const translationZhHant: TranslationMessages = {
  notTranslated: '尚未翻譯',
  fallbackNotice: '這篇文章尚未翻譯成繁體中文，以下是英文版。',
  outdatedNotice: (source, date) => `這篇譯文比原文舊（${source}，更新於 ${date}），可能缺少最近的修改。`,
  readSource: (source) => `閱讀原文（${source}）`,
};
