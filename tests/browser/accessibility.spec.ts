import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = {
  home: '/en/',
  'home (Chinese)': '/zh-Hant/',
  category: '/en/categories/service-terms',
  article: '/en/articles/care-plans-compared',
  'article (Greek)': '/el/articles/faq-warranty-length',
  'not found': '/fi/no-such-page',
};

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(pages)) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}
