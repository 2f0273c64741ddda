import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// faq-cancel-order exists only in English; faq-warranty-length in every locale; the Spanish and
// Traditional Chinese care plan comparisons were translated before the English one last changed.
const fallbackNotices = {
  es: 'Este artículo aún no está traducido al español',
  'zh-Hant': '這篇文章尚未翻譯成繁體中文',
  el: 'Αυτό το άρθρο δεν έχει μεταφραστεί ακόμη στα ελληνικά',
  fi: 'Tätä artikkelia ei ole vielä käännetty suomeksi',
} as const;

async function openSwitcher(page: Page) {
  await page.locator('.locale-switcher summary').click();
  return page.locator('.locale-switcher');
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the switcher of an article in every language marks none of them as untranslated', async ({ page }) => {
  await page.goto('/es/articles/cuanto-dura-mi-garantia');
  const switcher = await openSwitcher(page);
  await expect(switcher.getByRole('link')).toHaveCount(5);
  await expect(switcher.getByText('sin traducir')).toHaveCount(0);
  await switcher.getByRole('link', { name: 'Suomi' }).click();
  await expect(page).toHaveURL(/\/fi\/articles\/kuinka-pitka-takuu-on$/);
});

for (const [locale, notice] of Object.entries(fallbackNotices)) {
  test(`${locale}: switching on an untranslated article shows the English text with a notice`, async ({ page }) => {
    await page.goto('/en/articles/faq-cancel-order');
    const switcher = await openSwitcher(page);
    const target = switcher.locator(`a[hreflang="${locale}"]`);
    await expect(target).toContainText('not yet translated');
    await expect(switcher.locator('a[hreflang="en"]')).not.toContainText('not yet translated');
    await target.click();

    await expect(page).toHaveURL(new RegExp(`/${locale}/articles/faq-cancel-order$`));
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('.translation-notice')).toContainText(notice);
    await expect(page.locator('article.article')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Can I cancel my order?');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    const back = await openSwitcher(page);
    await expect(back.locator('a[hreflang="en"]')).toHaveAttribute('href', '/en/articles/faq-cancel-order');
    await expectNoAxeViolations(page);
  });
}

test('the English slug of a translated article leads to its translation', async ({ page }) => {
  await page.goto('/fi/articles/faq-warranty-length');
  await expect(page).toHaveURL(/\/fi\/articles\/kuinka-pitka-takuu-on$/);
  await expect(page.locator('.translation-notice')).toHaveCount(0);
});

for (const [path, text] of [
  ['/es/articles/comparativa-de-planes-kestrel-care', 'Esta traducción es anterior al original (English'],
  ['/zh-Hant/articles/care-plans-compared', '這篇譯文比原文舊（English'],
] as const) {
  test(`an outdated translation says so and links to its source: ${path}`, async ({ page }) => {
    await page.goto(path);
    const notice = page.locator('.translation-notice');
    await expect(notice).toContainText(text);
    await notice.getByRole('link').click();
    await expect(page).toHaveURL(/\/en\/articles\/care-plans-compared$/);
    await expect(page.locator('.translation-notice')).toHaveCount(0);
  });
}

test('an outdated translation page has no axe violations', async ({ page }) => {
  await page.goto('/es/articles/comparativa-de-planes-kestrel-care');
  await expect(page.locator('.translation-notice')).toBeVisible();
  await openSwitcher(page);
  await expectNoAxeViolations(page);
});
