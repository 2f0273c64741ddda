import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './admin-helpers.ts';
import { asClient, fileByApi } from './complaints-helpers.ts';

test.describe.configure({ timeout: 120_000 });

async function noAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a product manager filters the insights to a product and downloads its complaints as CSV, masked', async ({ page, request }) => {
  const mark = `m${Date.now().toString(36)}`;
  await fileByApi(request, { product: 'aquawash', subject: `Door seal leaks ${mark}`, email: `leak.${mark}@example.com` });
  // A delivery complaint goes to logistics, not R&D: the product's insights still count it.
  await fileByApi(request, { product: 'aquawash', subject: `Delivery of my washing machine is two weeks late ${mark}`, description: 'The courier never came and the parcel with the washing machine is still not delivered.', email: `late.${mark}@example.com` });

  await signIn(page, 'product', '/admin/insights');
  await expect(page.getByRole('heading', { level: 1, name: 'Product insights' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Complaints per week: the numbers' })).toBeVisible();
  await page.getByLabel('Product', { exact: true }).selectOption('aquawash');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/product=aquawash/);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download these complaints (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^complaints-complaints-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('reference,received,locale,channel,product,category,severity,status,team,subject,description,customer,email');
  expect(csv).toContain(`Door seal leaks ${mark}`);
  expect(csv).toContain(`Delivery of my washing machine is two weeks late ${mark}`);
  expect(csv).not.toContain(`leak.${mark}@example.com`);
  expect(csv).toContain('l•••@e•••.com');
  await noAxeViolations(page);
});

test('a reader votes “no” with a reason without JavaScript, and an editor sees it in the ranking', async ({ browser }) => {
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const page = await reader.newPage();
  await asClient(page);
  const comment = `The steps skip the filter ${Date.now().toString(36)}`;
  await page.goto('/en/articles/care-plans-compared');
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await expect(page.getByRole('group', { name: 'What was wrong?' })).toBeVisible();
  await page.getByLabel('It is unclear').check();
  await page.getByLabel(/Tell us more/).fill(comment);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Thank you for your feedback.')).toBeVisible();
  await reader.close();

  const editor = await browser.newContext();
  const staff = await editor.newPage();
  await signIn(staff, 'editor', '/admin/article-feedback');
  const entry = staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: /Kestrel Care plans compared/ }) });
  await expect(entry).toContainText(`It is unclear: ${comment}`);
  await expect(entry).toContainText(/\d+ unhelpful/);
  await noAxeViolations(staff);
  await editor.close();
});

test('search insights list what customers searched for without results, with a draft link; no axe violations', async ({ page }) => {
  const query = `zzq${Date.now().toString(36)}`;
  await page.goto(`/en/search?q=${query}`);
  await signIn(page, 'editor', '/admin/search-insights');
  const row = page.getByRole('table', { name: 'Searches that found nothing, most frequent first' }).getByRole('row').filter({ hasText: query });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: new RegExp(`^Draft an article for this\\s*: ${query}$`) }).click();
  await expect(page.getByLabel(/^Title/)).toHaveValue(query);
  await page.goto('/admin/search-insights');
  await noAxeViolations(page);
});
