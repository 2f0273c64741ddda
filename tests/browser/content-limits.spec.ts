import { expect, test } from '@playwright/test';
import { signIn } from './admin-helpers.ts';

// Hostile and large article text against the built server: the parse pool's worker must be in the build
// (Vite folds modules into chunks), and parsing must never hold up the requests of others.

const nestedEmphasis = `${'*a '.repeat(7000)}x${' a*'.repeat(7000)}`;
const largeBody = 'A paragraph with **bold**, *emphasis* and [a link](https://example.org).\n\n'.repeat(3000);

function previewData(body: string) {
  return { title: 'Limits', summary: 'Checking the limits.', locale: 'en', category: 'faq', audience: 'public', translationKey: 'limits-check', slug: 'limits-check', updated: '2026-11-01', body };
}

test.describe.configure({ timeout: 180_000 });

test('the editor shows where Markdown nests too deep, and the site keeps answering', async ({ page }) => {
  await signIn(page, 'editor', '/admin/articles/new');
  await page.getByLabel('Title').fill('Deep nesting');
  await page.getByLabel('Summary').fill('Markdown that nests too deep.');
  await page.getByLabel('Address (slug)').fill('deep-nesting');
  await page.getByLabel('Translation key').fill('deep-nesting');
  await page.getByLabel('Body', { exact: true }).fill(`Intro.\n\n${nestedEmphasis}\n`);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Emphasis markers nest deeper than 32 levels', { timeout: 60_000 });
  await expect(preview.getByRole('link', { name: /Body, line 3, column/ })).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Emphasis markers nest deeper than 32 levels').first()).toBeVisible({ timeout: 60_000 });
  expect((await page.request.get('/healthz')).status()).toBe(200);
});

test('a hostile preview is a 422 with the diagnostic; a large one parses off the request thread', async ({ page, baseURL }) => {
  await signIn(page, 'editor', '/admin/articles/new');
  const token = await page.locator('input[name="_csrf"]').first().inputValue();
  const headers = { Origin: new URL(baseURL ?? page.url()).origin, 'x-csrf-token': token };

  const hostile = await page.request.post('/api/admin/preview', { data: previewData(nestedEmphasis), headers, timeout: 120_000 });
  expect(hostile.status()).toBe(422);
  expect(await hostile.json()).toMatchObject({ ok: false, diagnostics: [{ message: expect.stringMatching(/nest deeper than 32 levels/) }] });

  // The large preview takes seconds to parse; /healthz, asked after it was sent, answers before it ends.
  const settled: string[] = [];
  const large = page.request.post('/api/admin/preview', { data: previewData(largeBody), headers, timeout: 150_000 }).then((r) => (settled.push('preview'), r));
  const health = await page.request.get('/healthz');
  settled.push('healthz');
  expect(health.status()).toBe(200);
  const parsed = await large;
  expect(parsed.status()).toBe(200);
  expect(await parsed.json()).toMatchObject({ ok: true, html: expect.stringContaining('<strong>bold</strong>') });
  expect(settled).toEqual(['healthz', 'preview']);
});
