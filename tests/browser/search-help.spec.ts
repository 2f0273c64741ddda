import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Generous: the machine running these may be loaded; nothing here waits on a clock.
test.setTimeout(90_000);

async function search(page: Page, locale: string, label: string, button: string, q: string) {
  await page.goto(`/${locale}/search`);
  await page.getByLabel(label, { exact: true }).fill(q);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(/\/search\?q=/);
}

test.describe('search never ends in a dead end', () => {
  test.use({ javaScriptEnabled: false });

  test('a misspelt query offers "Did you mean", and following it finds articles', async ({ page }) => {
    await search(page, 'en', 'Search the help center', 'Search', 'garanty');
    await expect(page.getByRole('status')).toContainText('No articles match');
    const suggestion = page.locator('.did-you-mean');
    await expect(suggestion).toHaveText('Did you mean warranty?');
    await suggestion.getByRole('link', { name: 'warranty' }).click();
    await page.waitForURL(/q=warranty/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('warranty');
    await expect(page.locator('.result-list li').first()).toBeVisible();
    expect(await page.locator('.result-list li').count()).toBeGreaterThan(0);
    await expect(page.locator('.did-you-mean')).toHaveCount(0);
  });

  test('a query with no results shows the most read articles and a way to write to us', async ({ page }) => {
    await search(page, 'en', 'Search the help center', 'Search', 'zqxwv plonk');
    const help = page.getByRole('region', { name: 'Try these instead' });
    await expect(help.getByRole('heading', { name: 'Popular articles' })).toBeVisible();
    const popular = help.locator('.article-list li a');
    expect(await popular.count()).toBeGreaterThan(0);
    const first = (await popular.first().textContent())?.trim() ?? '';
    expect(first.length).toBeGreaterThan(0);
    await help.getByRole('link', { name: 'Write to us' }).click();
    await page.waitForURL(/\/en\/complaints\/new$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a Finnish query with few matches is followed by English articles, marked as English', async ({ page }) => {
    await search(page, 'fi', 'Hae ohjekeskuksesta', 'Hae', 'kahvinkeitin maito');
    const english = page.getByRole('region', { name: 'Artikkelit englanniksi' });
    await expect(english).toBeVisible();
    const titles = english.locator('.result-title a');
    expect(await titles.count()).toBeGreaterThan(0);
    for (const title of await titles.all()) await expect(title).toHaveAttribute('lang', 'en');
    await expect(english.locator('.badge-language').first()).toHaveText('englanniksi');
    const milk = english.getByRole('link', { name: /milk system/i });
    await milk.click();
    await page.waitForURL(/\/fi\/articles\/brewmaster-milk-system/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/milk/i);
  });
});

test.describe('the no-results page at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const [locale, label, button, q] of [
    ['en', 'Search the help center', 'Search', 'garanty'],
    ['zh-Hant', '搜尋說明中心', '搜尋', '甲乙丙丁'],
  ] as const) {
    test(`${locale} has no axe violations`, async ({ page }) => {
      await search(page, locale, label, button, q);
      await expect(page.locator('.no-results-help')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test('the search API adds the suggestion, popular and English articles beside its existing fields', async ({ request }) => {
  const none = await (await request.get('/api/search?q=garanty&locale=en')).json();
  expect(none).toMatchObject({ total: 0, hits: [], english: [], suggestion: { q: 'warranty', url: '/en/search?q=warranty' } });
  expect(none.popular.length).toBeGreaterThan(0);
  expect(none.popular[0]).toEqual({ id: expect.stringMatching(/^en\//), title: expect.any(String), url: expect.stringMatching(/^\/en\/articles\//) });
  const few = await (await request.get(`/api/search?q=${encodeURIComponent('kahvinkeitin maito')}&locale=fi`)).json();
  expect(few.total).toBeLessThan(3);
  expect(few.english.length).toBeGreaterThan(0);
  expect(few.english[0]).toMatchObject({ locale: 'en', fallback: true, url: expect.stringMatching(/^\/fi\/articles\//) });
  const typing = await (await request.get('/api/search?q=garanty&locale=en&source=instant')).json();
  expect(typing).toMatchObject({ total: 0, popular: [], english: [] });
  expect(typing.suggestion).toBeUndefined();
});
