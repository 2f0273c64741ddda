import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './admin-helpers.ts';
import { fillComplaintForm, t } from './complaints-helpers.ts';

const stamp = Date.now().toString(36);
const email = `ilmari.kuusisto.${stamp}@example.com`;
const name = 'Ilmari Kuusisto';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('one customer across the web form and a recorded letter: the agent finds them by a misspelt name, the product role sees them masked', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The customer files on the web form.
  const { context: customer, page: c } = await fillComplaintForm(browser, { product: 'FrostLine', subject: 'Fridge not cooling', description: 'The FrostLine fridge stopped cooling after two months of use.', email, name });
  const m = t('en');
  await c.getByRole('button', { name: m.submit }).click();
  await expect(c).toHaveURL(/\/track\/[A-Za-z0-9_-]{20,}\?new=1$/);
  const webReference = ((await c.locator('.reference').textContent()) ?? '').trim();
  await customer.close();

  // An agent records the customer's letter, the address written in capitals.
  await signIn(page, 'agent', '/admin/complaints/new');
  await page.getByLabel('Received by').selectOption('letter');
  await page.getByLabel('Customer’s language').selectOption('en');
  await page.getByLabel('Product').selectOption('frostline');
  await page.getByLabel('Subject').fill('Letter: fridge still warm');
  await page.getByLabel('What happened').fill('The customer writes that the FrostLine fridge is still warm after the first complaint.');
  await page.getByLabel('Customer’s email address').fill(email.toUpperCase());
  await page.getByLabel('Customer’s name').fill(name);
  await page.getByRole('button', { name: 'Record complaint' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint recorded');
  await page.getByRole('link', { name: 'Open the complaint' }).click();
  await expect(page.locator('.facts')).toContainText('1 other complaint from this customer');
  const letterReference = ((await page.locator('h1 .reference').textContent()) ?? '').trim();

  // The agent finds the customer by a misspelt, accent-free name and opens the record.
  await page.getByRole('link', { name: 'Customer record' }).click();
  const recordUrl = page.url();
  await page.goto('/admin/customers');
  await page.getByLabel('Email, phone, name or complaint reference').fill('Ilmary Kusisto');
  await page.getByRole('button', { name: 'Find' }).click();
  await expectNoAxeViolations(page);
  const row = page.getByRole('row').filter({ hasText: email });
  await row.getByRole('link', { name }).click();
  expect(page.url()).toBe(recordUrl);
  const complaints = page.locator('section', { has: page.getByRole('heading', { name: /^Complaints/ }) });
  await expect(complaints.getByRole('link', { name: webReference })).toBeVisible();
  await expect(complaints.getByRole('link', { name: letterReference })).toBeVisible();
  await expect(complaints).toContainText('Web form');
  await expect(complaints).toContainText('Letter');
  await expect(page.locator('.facts')).toContainText(email);
  await expectNoAxeViolations(page);

  // The product role finds the same customer, masked.
  const product = await browser.newContext();
  const p = await product.newPage();
  await signIn(p, 'product', '/admin/customers');
  await p.getByLabel('Email, phone, name or complaint reference').fill(letterReference);
  await p.getByRole('button', { name: 'Find' }).click();
  await expect(p.locator('table')).toContainText('I. K.');
  await expect(p.locator('body')).not.toContainText(email);
  await p.getByRole('link', { name: 'I. K.' }).click();
  await expect(p.locator('.facts')).toContainText('i•••@e•••.com');
  await expect(p.locator('body')).not.toContainText(email);
  await expect(p.locator('body')).not.toContainText('Kuusisto');
  await expect(p.getByRole('link', { name: webReference })).toBeVisible();
  await expect(p.getByRole('link', { name: letterReference })).toBeVisible();
  await expect(p.getByRole('button', { name: 'Merge into this record' })).toHaveCount(0);
  const api = await p.request.get(`/api/admin/customers?q=${encodeURIComponent('Ilmary Kusisto')}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { customers: Array<{ email: string; name: string; complaints: Array<{ reference: string; channel: string }> }> };
  const mine = body.customers.find((x) => x.complaints.some((k) => k.reference === webReference));
  expect(mine).toMatchObject({ email: 'i•••@e•••.com', name: 'I. K.' });
  expect(mine!.complaints.map((k) => k.channel).sort()).toEqual(['letter', 'web']);
  await product.close();
});
