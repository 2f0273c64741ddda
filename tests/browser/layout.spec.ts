import { expect, test } from '@playwright/test';
import { findLayoutProblems } from './layout-checks.ts';

/** One page of each public type per locale; the articles are ones with tables. */
const pagesByLocale: Record<string, Record<string, string>> = {
  en: { article: '/en/articles/faq-aquawash-error-codes', search: '/en/search?q=warranty' },
  es: { article: '/es/articles/codigos-de-error-aquawash', search: '/es/search?q=garant%C3%ADa' },
  'zh-Hant': { article: '/zh-Hant/articles/faq-aquawash-error-codes', search: '/zh-Hant/search?q=%E4%BF%9D%E5%9B%BA' },
  el: { article: '/el/articles/faq-warranty-length', search: '/el/search?q=%CE%B5%CE%B3%CE%B3%CF%8D%CE%B7%CF%83%CE%B7' },
  fi: { article: '/fi/articles/kuinka-pitka-takuu-on', search: '/fi/search?q=takuu' },
};

const widths = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

for (const [locale, specific] of Object.entries(pagesByLocale)) {
  const pages = {
    home: `/${locale}/`,
    category: `/${locale}/categories/faq`,
    ...specific,
    complaint: `/${locale}/complaints/new`,
    'not found': `/${locale}/no-such-page`,
  };
  for (const size of widths) {
    test.describe(`${locale} at ${size.width}px`, () => {
      test.use({ viewport: { width: size.width, height: size.height } });
      for (const [type, path] of Object.entries(pages)) {
        test(`${type} holds its layout`, async ({ page }, testInfo) => {
          await page.goto(path);
          await expect(page.locator('main h1')).toBeVisible();
          await page.screenshot({ path: testInfo.outputPath(`${locale}-${type.replace(' ', '-')}-${size.width}.png`), fullPage: true });
          const problems = await findLayoutProblems(page);
          expect(problems).toEqual({ pageOverflow: null, overflowingText: [], brokenWords: [], narrowCells: [], wrappedButtons: [] });
          if (size.name === 'phone') {
            const header = await page.locator('header.site-header').boundingBox();
            expect(header!.height).toBeLessThanOrEqual(size.height / 6);
          }
        });
      }
    });
  }
}

test.describe('a wide table on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('scrolls sideways in a labelled region the keyboard can reach', async ({ page }) => {
    await page.goto('/en/articles/faq-aquawash-error-codes');
    const region = page.getByRole('region', { name: /^Table: Code/ });
    await expect(region).toBeVisible();
    const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    await page.locator('main h1').click();
    for (let i = 0; i < 40 && !(await region.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(region).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });
});
