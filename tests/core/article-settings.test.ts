import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillArticleSettings, formatDays } from '@core/content/article-settings.ts';
import { parseArticle } from '@core/content/parse-article.ts';
import type { Locale } from '@core/i18n/locales.ts';

const content = path.resolve(import.meta.dirname, '../../content');
const privacyArticles: Record<Locale, string> = {
  en: 'en/service-terms/terms-data-protection.mdx',
  es: 'es/service-terms/proteccion-de-datos.mdx',
  'zh-Hant': 'zh-Hant/service-terms/terms-data-protection.mdx',
  el: 'el/service-terms/terms-data-protection.mdx',
  fi: 'fi/service-terms/tietosuoja.mdx',
};
/** How each article stated the period before it came from the configuration. */
const oldPeriod: Record<Locale, RegExp> = { en: /3 years/, es: /3 años/, 'zh-Hant': /保存 3 年|\| 3 年/, el: /3 έτη/, fi: /3 vuotta/ };

describe('configuration values in articles', () => {
  it('formats a number of days as years, months or days in the reader’s language', () => {
    expect(formatDays(1095, 'en')).toBe('3 years');
    expect(formatDays(365, 'fi')).toBe('1 vuosi');
    expect(formatDays(180, 'es')).toBe('6 meses');
    expect(formatDays(45, 'en')).toBe('45 days');
  });

  for (const [locale, file] of Object.entries(privacyArticles) as Array<[Locale, string]>) {
    it(`the ${locale} privacy article shows the configured retention period and states no other`, () => {
      const source = fs.readFileSync(path.join(content, file), 'utf8');
      const parsed = parseArticle(source);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
      const html = fillArticleSettings(parsed.rendered.html, locale, { retentionDays: 730 });
      expect(html).toContain(`<span class="setting-retention-period">${formatDays(730, locale)}</span>`);
      expect(`${html}\n${parsed.meta.answer ?? ''}`).not.toMatch(oldPeriod[locale]);
    });
  }
});
