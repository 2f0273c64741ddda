import { expect, test } from '@playwright/test';
import { signIn } from './admin-helpers.ts';
import { fileByApi } from './complaints-helpers.ts';

test('an agent inserts a suggested answer with the customer’s name filled in, sends it, and the customer reads it', async ({ page, browser }) => {
  const filed = await fileByApi(page.request, {
    subject: 'Water on the floor',
    description: 'Every time I run a wash there is water under the machine, it seems to come from the door. Please help, the floor is getting damaged.',
    name: 'Anna Virtanen',
  });
  await signIn(page, 'agent', '/admin/complaints');
  await page.getByLabel('Reference or subject').fill(filed.reference);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('link', { name: filed.reference }).click();

  const suggestions = page.locator('.suggested-answers');
  await expect(suggestions.getByRole('heading', { name: 'Suggested answers' })).toBeVisible();
  const first = suggestions.locator('.answer-card').first();
  await expect(first).toContainText('Reply template');
  const title = ((await first.locator('.answer-head strong').textContent()) ?? '').trim();
  await first.getByRole('link', { name: /Use this answer/ }).click();

  await expect(page.locator('#answer-inserted')).toBeVisible();
  const reply = page.getByLabel('Reply to the customer');
  await expect(reply).toHaveValue(/Anna Virtanen/);
  await expect(reply).toHaveValue(new RegExp(filed.reference));
  await expect(reply).not.toHaveValue(/\{\{customer\.name\}\}/);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Your reply was saved')).toBeVisible();

  const customer = await browser.newContext();
  const c = await customer.newPage();
  await c.goto(filed.trackingUrl);
  await expect(c.locator('.timeline')).toContainText('Anna Virtanen');
  await expect(c.locator('.timeline')).not.toContainText('{{');
  await customer.close();

  // The use is counted where editors see it: the answer desk.
  await page.goto('/admin/answers?locale=en');
  await expect(page.locator('.answer-desk > li').filter({ hasText: title }).first()).toContainText(/used [1-9]\d* times?/);

  const api = await page.request.get(`/api/admin/complaints/${filed.reference}/suggestions`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { suggestions: Array<{ kind: string; text: string }> };
  expect(body.suggestions.length).toBeGreaterThan(0);
  expect(body.suggestions[0]?.text).toContain('Anna Virtanen');
});

test('a reply that still holds a placeholder is not sent, and the text stays', async ({ page }) => {
  const filed = await fileByApi(page.request, { name: undefined });
  await signIn(page, 'agent', '/admin/complaints');
  await page.getByLabel('Reference or subject').fill(filed.reference);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('link', { name: filed.reference }).click();
  await page.getByLabel('Reply to the customer').fill('Dear {{customer.name}}, we are on it.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('#action-error')).toContainText('Fill in {{customer.name}} before sending');
  await expect(page.getByLabel('Reply to the customer')).toHaveValue('Dear {{customer.name}}, we are on it.');
});

test('customers read an article’s short answer without the staff Copy button; staff get it', async ({ page }) => {
  await page.goto('/en/articles/faq-warranty-length');
  await expect(page.locator('.answer-summary')).toContainText('Short answer');
  await expect(page.locator('.answer .copy-button')).toHaveCount(0);
  await signIn(page, 'agent');
  await page.goto('/en/articles/faq-warranty-length');
  await expect(page.locator('.answer .copy-button').first()).toBeVisible();
});

test('the answer desk finds answers in any language, with their translations and a Copy button', async ({ page }) => {
  await signIn(page, 'agent', '/admin/answers');
  await page.getByLabel('What is the customer asking?').fill('warranty');
  await page.getByRole('button', { name: 'Search' }).click();
  const first = page.locator('.answer-desk > li').first();
  await expect(first).toBeVisible();
  await expect(first.locator('.answer-text')).not.toBeEmpty();
  await expect(first.locator('.copy-button')).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await page.getByLabel('What is the customer asking?').fill('garantía');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.answer-desk > li').first()).toContainText('Español');
});
