export const locales = ['en', 'es', 'zh-Hant', 'el', 'fi'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Each locale's own name for itself, for the language switcher. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  'zh-Hant': '繁體中文',
  el: 'Ελληνικά',
  fi: 'Suomi',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale for an Accept-Language header.
 * Chinese without a script or with a Traditional region (TW, HK, MO) maps to zh-Hant; Simplified
 * requests also get zh-Hant because it is the only Chinese we have, and search bridges the scripts.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split('-')[0];
    if (primary === 'zh') return 'zh-Hant';
    const match = locales.find((l) => l.toLowerCase() === primary);
    if (match) return match;
  }
  return defaultLocale;
}
