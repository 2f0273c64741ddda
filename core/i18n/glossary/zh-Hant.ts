import type { LocaleGlossary } from './types.ts';

export const glossaryZhHant: LocaleGlossary = {
  terms: [
    { concept: 'complaint', term: '客訴', note: '表單：「提出客訴」' },
    { concept: 'claim', term: '保固維修申請', note: 'Kestrel Care 的意外損壞：維修申請' },
    { concept: 'warranty', term: '保固' },
    { concept: 'care plan', term: 'Kestrel Care 保障方案' },
    { concept: 'reference', term: '案件編號' },
    { concept: 'tracking link', term: '追蹤連結' },
    { concept: 'serial number', term: '序號' },
  ],
  rules: [
    { pattern: /申訴/gu, message: 'a complaint is "客訴" everywhere', unlessLine: /主管機關/u },
    { pattern: /理賠/gu, message: '"理賠" is an insurance word: a warranty claim is a "保固維修申請", a Kestrel Care claim a "維修申請"' },
    { pattern: /保修/gu, message: '"保修" is the mainland word: Taiwan says "保固"' },
    { pattern: /客訴編號/gu, message: 'the reference is the "案件編號"' },
  ],
};
