import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './admin-helpers.ts';

test.setTimeout(300_000);

/** Articles with checklists in every locale, and the onboarding articles translated for staff. */
const checklistArticles = [
  '/en/articles/claims-documents-needed',
  '/es/articles/como-presentar-una-reclamacion',
  '/zh-Hant/articles/claims-how-to-file',
  '/el/articles/claims-how-to-file',
  '/fi/articles/korvaushakemuksen-tekeminen',
];
const staffArticles = ['/en/articles/internal-onboarding-week-one', '/es/articles/tu-primera-semana-en-atencion-al-cliente', '/zh-Hant/articles/internal-onboarding-week-one'];
const locales = ['en', 'es', 'zh-Hant', 'el', 'fi'];

async function violations(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  return analyze(page, path);
}

async function analyze(page: Page, path: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('checklists in public articles have accessible names in every locale', async ({ page }) => {
  const found: string[] = [];
  for (const path of checklistArticles) {
    found.push(...(await violations(page, path)));
    const boxes = page.getByRole('checkbox');
    expect(await boxes.count(), path).toBeGreaterThan(0);
    for (const box of await boxes.all()) expect(await box.isDisabled(), path).toBe(true);
  }
  expect(found).toEqual([]);
});

for (const locale of locales) {
  test(`onboarding pages have no axe violations when reading in ${locale}`, async ({ page }) => {
    await signIn(page, 'trainee');
    const found: string[] = [];
    found.push(...(await violations(page, `/admin/onboarding?locale=${locale}`)));
    found.push(...(await violations(page, `/admin/onboarding/first-week-customer-service?locale=${locale}`)));
    found.push(...(await violations(page, `/admin/onboarding/first-week-customer-service/internal-12-hour-response?locale=${locale}`)));
    // With answers checked, the results and explanations are shown too.
    await page.getByRole('radio').first().check();
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await expect(page.getByText(/Right\.|Not quite\./).first()).toBeVisible();
    found.push(...(await analyze(page, `answered questions (${locale})`)));
    expect(found).toEqual([]);
  });
}

test('tickable checklists for staff have no axe violations', async ({ page }) => {
  await signIn(page, 'trainee');
  const found: string[] = [];
  for (const path of [...checklistArticles, ...staffArticles]) {
    found.push(...(await violations(page, path)));
    expect(await page.getByRole('checkbox').first().isEnabled(), path).toBe(true);
  }
  expect(found).toEqual([]);
});

test('the managers’ page has no axe violations', async ({ page }) => {
  await signIn(page, 'admin');
  expect(await violations(page, '/admin/onboarding/manage')).toEqual([]);
});
