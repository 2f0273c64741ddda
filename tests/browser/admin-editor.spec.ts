import { expect, test, type Page } from '@playwright/test';
import { createArticle, deleteArticle, signIn, uniqueSlug } from './admin-helpers.ts';

const files: string[] = [];
test.afterEach(async ({ browser }) => {
  // Remove every article a test created, through the editor (soft delete) and from disk.
  if (!files.length) return;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'editor');
  while (files.length) await deleteArticle(page, files.pop() as string);
  await context.close();
});

async function searchIds(page: Page, q: string): Promise<string[]> {
  const response = await page.request.get(`/api/search?q=${encodeURIComponent(q)}&locale=en`);
  const body = (await response.json()) as { hits: Array<{ id: string }> };
  return body.hits.map((h) => h.id);
}

async function publicText(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  return response.status() === 200 ? await response.text() : `HTTP ${response.status()}`;
}

test('an editor publishes, edits and deletes an article; the public page and search follow within 2 seconds', async ({ page, browser }) => {
  await signIn(page, 'editor');
  const slug = uniqueSlug('e2e-kettle');
  const file = await createArticle(page, { slug, title: 'Descaling the Zephyr kettle', body: 'The Zephyr kettle needs descaling every month.\n\n## Steps\n\nUse citric acid.' });
  files.push(file);
  const anonymous = await (await browser.newContext()).newPage();
  const url = `/en/articles/${slug}`;
  await expect.poll(() => publicText(anonymous, url), { timeout: 2000 }).toContain('Zephyr kettle needs descaling');
  await expect.poll(() => searchIds(anonymous, 'Zephyr kettle'), { timeout: 2000 }).toContain(`en/${slug}`);

  // Edit the published article: the live page and search change within 2 s of the save.
  await page.getByLabel('Body', { exact: true }).fill('The Zephyr kettle needs descaling every fortnight with quokkafruit vinegar.\n\n## Steps\n\nUse citric acid.');
  await page.getByLabel('Change note').fill('shorter interval');
  await page.getByRole('button', { name: 'Save and update the live article' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. The live article' })).toBeVisible();
  const saved = Date.now();
  await expect.poll(() => publicText(anonymous, url), { timeout: 2000 }).toContain('every fortnight');
  await expect.poll(() => searchIds(anonymous, 'quokkafruit'), { timeout: 2000 }).toContain(`en/${slug}`);
  expect(Date.now() - saved).toBeLessThan(2000);

  // Unpublish: gone for the public at once; publish again: back.
  await page.getByRole('button', { name: 'Unpublish (save as draft)' }).click();
  await expect.poll(() => publicText(anonymous, url), { timeout: 2000 }).toBe('HTTP 404');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect.poll(() => publicText(anonymous, url), { timeout: 2000 }).toContain('every fortnight');

  // Soft delete removes it from the site and search; restoring brings it back.
  await page.getByText('Delete this article').click();
  await page.getByRole('button', { name: 'Delete the article' }).click();
  await expect(page).toHaveURL(/done=deleted/);
  await expect.poll(() => publicText(anonymous, url), { timeout: 2000 }).toBe('HTTP 404');
  await expect.poll(() => searchIds(anonymous, 'quokkafruit'), { timeout: 2000 }).not.toContain(`en/${slug}`);
  await page.getByRole('button', { name: 'Undo: restore it' }).click();
  await expect(page.locator('.flash').filter({ hasText: 'Restored.' })).toBeVisible();
  await expect.poll(() => publicText(anonymous, url), { timeout: 2000 }).toContain('every fortnight');
  await anonymous.context().close();
});

test('the live preview uses the public pipeline and reports problems with line and column', async ({ page }) => {
  await signIn(page, 'editor');
  await page.goto('/admin/articles/edit?file=en%2Fclaim-rules%2Fclaims-deadlines.mdx');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('.prose h2').first()).toBeVisible();
  const body = page.getByLabel('Body', { exact: true });
  await body.fill('Intro line.\n\n## A new section\n\n<Tip>\n\nA tip.\n\n</Tip>');
  await expect(preview.locator('.prose h2')).toHaveText(['A new section']);
  await expect(preview.locator('.prose')).toContainText('A tip.');
  await body.fill('Intro line.\n\n<Marquee>moving</Marquee>\n\nText {1 + 1}');
  await expect(preview.getByRole('link', { name: 'Body, line 3, column 1' })).toBeVisible();
  await expect(preview).toContainText('<Marquee> is not an allowed component');
  await expect(preview.getByRole('link', { name: 'Body, line 5, column 6' })).toBeVisible();
  // Saving invalid text is refused with the same positions, and the text stays in the form.
  await page.getByRole('button', { name: 'Save and update the live article' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Body, line 3, column 1');
  await expect(body).toHaveValue(/<Marquee>moving<\/Marquee>/);
  expect((await page.request.get('/en/articles/claims-deadlines')).status()).toBe(200);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the Preview button renders the article on the server', async ({ page }) => {
    await signIn(page, 'editor');
    await page.goto('/admin/articles/new');
    await page.getByLabel('Title').fill('A preview without scripts');
    await page.getByLabel('Summary').fill('Checking the server preview.');
    await page.getByLabel('Address (slug)').fill(uniqueSlug('nojs'));
    await page.getByLabel('Category').selectOption('faq');
    await page.getByLabel('Translation key').fill('nojs-preview');
    await page.getByLabel('Body', { exact: true }).fill('Plain text.\n\n## Heading from the server\n\n**Bold** words.');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.locator('.prose h2')).toHaveText('Heading from the server');
    await expect(preview.locator('.prose strong')).toHaveText('Bold');
    // Nothing was saved, everything typed is still there.
    await expect(page.getByLabel('Title')).toHaveValue('A preview without scripts');
    await expect(page.getByLabel('Body', { exact: true })).toHaveValue(/Heading from the server/);
  });
});

test('two editors save the same article: the second sees a conflict with both versions and resolves it', async ({ page, browser }) => {
  await signIn(page, 'editor');
  const slug = uniqueSlug('e2e-conflict');
  const file = await createArticle(page, { slug, title: 'Conflict test article', body: 'First paragraph.\n\nSecond paragraph.' });
  files.push(file);
  const editUrl = `/admin/articles/edit?file=${encodeURIComponent(file)}`;

  const adminContext = await browser.newContext();
  const other = await adminContext.newPage();
  await signIn(other, 'admin');
  await other.goto(editUrl);
  await page.goto(editUrl);

  await other.getByLabel('Body', { exact: true }).fill('First paragraph, improved by the admin.\n\nSecond paragraph.');
  await other.getByRole('button', { name: 'Save and update the live article' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const mine = 'First paragraph.\n\nSecond paragraph, rewritten by the editor.';
  await page.getByLabel('Body', { exact: true }).fill(mine);
  await page.getByRole('button', { name: 'Save and update the live article' }).click();
  const conflict = page.getByRole('region', { name: 'Someone else changed this article while you were editing' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('admin@kestrel-home.example saved it');
  await expect(conflict.locator('.diff del', { hasText: 'improved by the admin' })).toBeVisible();
  await expect(conflict.locator('.diff ins', { hasText: 'rewritten by the editor' })).toBeVisible();
  await expect(page.getByLabel('Body', { exact: true })).toHaveValue(mine);
  // The admin's version is what is live: nothing was overwritten.
  expect(await publicText(page, `/en/articles/${slug}`)).toContain('improved by the admin');

  // Resolve: merge both changes and save on top of the admin's version.
  await page.getByLabel('Body', { exact: true }).fill('First paragraph, improved by the admin.\n\nSecond paragraph, rewritten by the editor.');
  await page.getByRole('button', { name: 'Save and update the live article' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect.poll(() => publicText(page, `/en/articles/${slug}`), { timeout: 2000 }).toContain('rewritten by the editor');
  expect(await publicText(page, `/en/articles/${slug}`)).toContain('improved by the admin');
  await adminContext.close();
});

test('a revision is compared with another and restored in one click', async ({ page }) => {
  await signIn(page, 'editor');
  const slug = uniqueSlug('e2e-history');
  const file = await createArticle(page, { slug, title: 'History test article', body: 'The original wording.' });
  files.push(file);
  await page.getByLabel('Body', { exact: true }).fill('A regrettable rewrite.');
  await page.getByLabel('Change note').fill('rewrite');
  await page.getByRole('button', { name: 'Save and update the live article' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect.poll(() => publicText(page, `/en/articles/${slug}`), { timeout: 2000 }).toContain('regrettable');

  await page.getByRole('link', { name: 'History', exact: true }).click();
  const rows = page.locator('table.data-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.locator('table.diff del')).toContainText('The original wording.');
  await expect(page.locator('table.diff ins')).toContainText('A regrettable rewrite.');

  await rows.nth(1).getByRole('link', { name: /^View/ }).click();
  await page.getByRole('button', { name: /^Restore revision #\d+$/ }).click();
  await expect(page.getByRole('status')).toContainText('was restored as the current version');
  await expect.poll(() => publicText(page, `/en/articles/${slug}`), { timeout: 2000 }).toContain('The original wording.');
  await expect(page.locator('table.data-table tbody tr')).toHaveCount(3);
  await expect(page.locator('table.data-table tbody tr').first()).toContainText('Restored');
});

test('articles list filters, pages and shows empty states', async ({ page }) => {
  await signIn(page, 'editor');
  await page.goto('/admin/articles');
  await expect(page.getByText(/\d+ articles · page 1 of \d+/)).toBeVisible();
  await page.getByLabel('Language').selectOption('zh-Hant');
  await page.getByLabel('Category').selectOption('faq');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/locale=zh-Hant/);
  const rows = page.locator('table.data-table tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.locator('td:nth-child(2)').allTextContents()) expect(text).toBe('繁體中文');
  await page.getByLabel('Text').fill('zzzz-nothing-matches');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('No articles match these filters.')).toBeVisible();
  await page.goto('/admin/articles?page=2');
  await expect(page.getByText(/page 2 of/)).toBeVisible();
  await page.goto('/admin/articles?status=nonsense&page=abc&locale=../../');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles');
});

test('path tricks in the editor answer with a clear error and write nothing', async ({ page }) => {
  await signIn(page, 'editor');
  for (const bad of ['../../etc/passwd', '/etc/passwd.mdx', 'en/faq/../../../x.mdx', 'en/faq/caf%C3%A9.mdx']) {
    const response = await page.goto(`/admin/articles/edit?file=${encodeURIComponent(bad)}`);
    expect(response?.status(), bad).toBe(400);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not an article path');
  }
  await page.goto('/admin/articles/new');
  await page.getByLabel('Title').fill('Sneaky');
  await page.getByLabel('Summary').fill('Sneaky.');
  await page.getByLabel('Address (slug)').fill('../../../tmp/evil');
  await page.getByLabel('Category').selectOption('faq');
  await page.getByLabel('Translation key').fill('sneaky');
  await page.getByLabel('Body', { exact: true }).fill('Text.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('alert')).toContainText('Address (slug): must be lowercase ASCII');
  await expect(page.getByLabel('Address (slug)')).toHaveValue('../../../tmp/evil');
});
