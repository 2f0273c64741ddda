import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './admin-helpers.ts';
import { fileByApi } from './complaints-helpers.ts';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an unsure classification waits in the triage queue until the service desk sends it to a team', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const filed = await fileByApi(page.request, {
    product: 'other',
    subject: `Something else ${Date.now().toString(36)}`,
    description: 'I would like to talk to someone about my experience last week.',
  });

  await signIn(page, 'agent', '/admin/complaints');
  await page.getByRole('link', { name: 'waiting for triage' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Triage queue');
  const form = page.getByRole('form', { name: `Triage ${filed.reference}` });
  await expect(form).toBeVisible();
  await expectNoAxeViolations(page);

  await form.getByLabel('Category').selectOption({ label: 'Product defect' });
  await form.getByLabel('Severity').selectOption({ label: 'High' });
  await form.getByRole('button', { name: 'Send to team' }).click();
  await expect(page.getByRole('form', { name: `Triage ${filed.reference}` }).locator('.field-error')).toHaveText('Team: Choose a team from the list.');

  const again = page.getByRole('form', { name: `Triage ${filed.reference}` });
  await expect(again.getByLabel('Category')).toHaveValue('product-defect');
  await again.getByLabel('Team').selectOption({ label: 'R&D Laundry (AquaWash)' });
  await again.getByRole('button', { name: 'Send to team' }).click();
  await expect(page.getByText('The complaint went to its team.')).toBeVisible();
  await expect(page.getByRole('form', { name: `Triage ${filed.reference}` })).toHaveCount(0);

  await page.goto(`/admin/complaints/${filed.reference}`);
  await expect(page.locator('.timeline')).toContainText('Waiting for triage: routing confidence');
  await expect(page.locator('.timeline')).toContainText('to R&D Laundry');

  const productContext = await browser.newContext();
  const product = await productContext.newPage();
  await signIn(product, 'product');
  const refused = await product.goto('/admin/complaints/triage');
  expect(refused?.status()).toBe(403);
  await productContext.close();
});
