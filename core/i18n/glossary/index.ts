import type { Locale } from '../locales.ts';
import { glossaryEl } from './el.ts';
import { glossaryEn } from './en.ts';
import { glossaryEs } from './es.ts';
import { glossaryFi } from './fi.ts';
import type { LocaleGlossary } from './types.ts';
import { glossaryZhHant } from './zh-Hant.ts';

export const glossary: Record<Locale, LocaleGlossary> = { en: glossaryEn, es: glossaryEs, 'zh-Hant': glossaryZhHant, el: glossaryEl, fi: glossaryFi };
