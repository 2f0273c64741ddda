import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { locales } from '@core/i18n/locales.ts';
import { messages } from '@core/i18n/messages.ts';
import { asClient, fileByApi, t } from './complaints-helpers.ts';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a Finnish complaint about a robot vacuum gets English SweepBot articles, marked as English', async ({ page }) => {
  const m = t('fi');
  await asClient(page);
  await page.goto('/fi/complaints/new');
  await page.getByLabel(m.fields.product).selectOption({ label: 'SweepBot' });
  await page.getByLabel(m.fields.subject).fill('Robotti-imuri ei lataudu');
  await page.getByLabel(m.fields.description).fill('Robotti-imuri ei lataudu eikä löydä latausasemaa siivouksen jälkeen.');
  const suggestions = page.locator('.complaint-suggestions');
  const english = suggestions.locator('li', { has: page.locator('[lang="en"]') });
  await expect(english.first()).toBeVisible();
  await expect(english.first()).toContainText(`(${m.suggestions.inEnglish})`);
  await expect(suggestions.getByRole('link', { name: /SweepBot/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an AquaWash leak is not answered with BrewMaster articles', async ({ page }) => {
  const m = t('en');
  await asClient(page);
  await page.goto('/en/complaints/new');
  await page.getByLabel(m.fields.product).selectOption({ label: 'AquaWash' });
  await page.getByLabel(m.fields.subject).fill('Water and milk on the floor');
  await page.getByLabel(m.fields.description).fill('The machine leaks water onto the floor during the wash, it looks like milk.');
  const links = page.locator('.complaint-suggestions').getByRole('link');
  await expect(links.first()).toBeVisible();
  await expect(links.first()).toContainText('AquaWash');
  await expect(page.locator('.complaint-suggestions')).not.toContainText('BrewMaster');
});

test('the phone field looks like the other fields', async ({ page }) => {
  const m = t('en');
  await page.goto('/en/complaints/new');
  const look = (label: string) =>
    page.getByLabel(label).evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: s.border, padding: s.padding, radius: s.borderRadius, width: el.getBoundingClientRect().width };
    });
  expect(await look(m.fields.phone)).toEqual(await look(m.fields.email));
});

for (const locale of locales) {
  test(`${locale}: "Still need help?" leads to the complaint form and the contact hours`, async ({ page }) => {
    const h = messages(locale).home;
    await page.goto(`/${locale}/`);
    const help = page.getByRole('region', { name: h.stillNeedHelp });
    await expect(help.getByRole('link', { name: h.contactHours })).toHaveAttribute('href', /\/articles\/[a-z0-9-]+$/);
    await help.getByRole('link', { name: h.writeToUs }).click();
    await expect(page).toHaveURL(`/${locale}/complaints/new`);
    await page.goto(`/${locale}/`);
    await help.getByRole('link', { name: h.contactHours }).click();
    await expect(page.locator('main h1')).toBeVisible();
    expect(new URL(page.url()).pathname).toMatch(/^\/(fi|el|en|es|zh-Hant)\/articles\//);
  });

  test(`${locale}: the home page's search box suggests articles as you type`, async ({ page }) => {
    const search = messages(locale).search;
    await page.goto(`/${locale}/`);
    const box = page.getByRole('combobox', { name: search.label });
    // The plain form works at once; the suggestions come when the island has taken over the box.
    await expect(page.locator('astro-island', { has: box })).not.toHaveAttribute('ssr', '');
    await box.click();
    await box.pressSequentially('Kestrel');
    await expect(page.getByRole('listbox', { name: search.label }).getByRole('option').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${locale}/articles/`));
  });

  test(`${locale}: the home page and the complaint form have no axe violations`, async ({ page }) => {
    for (const path of [`/${locale}/`, `/${locale}/complaints/new`]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
}

test('articles with tables have no axe violations in any locale', async ({ page }) => {
  for (const path of ['/en/articles/faq-aquawash-error-codes', '/es/articles/codigos-de-error-aquawash', '/zh-Hant/articles/faq-aquawash-error-codes', '/el/articles/faq-warranty-length', '/fi/articles/kuinka-pitka-takuu-on']) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test.describe('the tracking page in the reader’s time zone', () => {
  test.use({ timezoneId: 'Asia/Taipei', permissions: ['clipboard-read', 'clipboard-write'] });

  test('shows its times in the reader’s zone, when the next reply is due, and copies its own link', async ({ page, request }) => {
    const m = t('en');
    const filed = await fileByApi(request, { locale: 'en' });
    await page.goto(filed.trackingUrl);
    const submitted = page.locator('.track-facts time').first();
    await expect(submitted).toContainText('GMT+8');
    await expect(page.locator('#reply-due time')).toContainText('GMT+8');
    const link = page.getByLabel(m.track.linkLabel);
    await expect(link).toHaveValue(new RegExp(`${filed.trackingUrl}$`));
    await page.getByRole('button', { name: m.track.copyLink }).click();
    await expect(page.getByRole('status').filter({ hasText: m.track.linkCopied })).toHaveCount(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
    await expectNoAxeViolations(page);
  });
});

test.describe('the tracking page without JavaScript', () => {
  test.use({ javaScriptEnabled: false, timezoneId: 'Asia/Taipei' });

  test('names UTC with its times and offers the link to select', async ({ page, request }) => {
    const m = t('fi');
    const filed = await fileByApi(request, { locale: 'fi' });
    await page.goto(filed.trackingUrl);
    await expect(page.locator('.track-facts time').first()).toContainText('UTC');
    await expect(page.getByText(m.track.replyDue)).toBeVisible();
    await expect(page.getByLabel(m.track.linkLabel)).toHaveValue(new RegExp(`${filed.trackingUrl}$`));
    await expect(page.getByRole('button', { name: m.track.copyLink })).toBeHidden();
  });
});
