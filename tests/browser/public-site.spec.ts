import { expect, test } from '@playwright/test';
import zlib from 'node:zlib';

const locales = ['en', 'es', 'zh-Hant', 'el', 'fi'] as const;

test('the root sends visitors to the locale their browser asks for', async ({ request }) => {
  for (const [header, target] of [['es-ES,es;q=0.9', '/es/'], ['zh-TW', '/zh-Hant/'], ['fi', '/fi/'], ['de-DE', '/en/']]) {
    const response = await request.get('/', { headers: { 'Accept-Language': header as string }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe(target);
  }
});

for (const locale of locales) {
  test(`${locale}: home lists topics and articles, and an article opens from it`, async ({ page }) => {
    await page.goto(`/${locale}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('search').first()).toBeVisible();
    const popular = page.locator('section[aria-labelledby="popular"] a').first();
    const title = (await popular.textContent())?.trim() ?? '';
    expect(title.length).toBeGreaterThan(3);
    await popular.click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/articles/[a-z0-9-]+$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
  });
}

test('a category page lists its articles and links back home', async ({ page }) => {
  await page.goto('/en/');
  await page.getByRole('link', { name: 'Claims', exact: true }).first().click();
  await expect(page).toHaveURL(/\/en\/categories\/claim-rules$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claims');
  await expect(page.locator('.article-list li').first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Help Center' }).click();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('internal articles, drafts and the staff category answer 404 to the public', async ({ page, request }) => {
  for (const path of ['/en/articles/internal-one-answer', '/en/articles/sweepbot-s7-preview', '/en/categories/internal-guide', '/xx/', '/en/articles/no-such-article']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
    await expect(page.getByRole('search').last()).toBeVisible();
  }
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('/en/articles/faq-warranty-length</loc>');
  expect(sitemap).not.toContain('internal-one-answer');
  expect(sitemap).not.toContain('sweepbot-s7-preview');
  const home = await (await request.get('/en/')).text();
  expect(home).not.toContain('internal-');
});

test('an article shows breadcrumbs, date, contents, related articles and its translations', async ({ page }) => {
  await page.goto('/en/articles/care-plans-compared');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.article-meta time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  const toc = page.getByRole('complementary').filter({ has: page.getByRole('heading', { name: 'On this page' }) });
  const firstEntry = toc.getByRole('link').first();
  const target = await firstEntry.getAttribute('href');
  await firstEntry.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target ?? '#missing')).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Related articles' })).toBeVisible();
  await page.getByRole('link', { name: /^Español:/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('the language switcher keeps the reader on the same article', async ({ page }) => {
  await page.goto('/en/articles/faq-warranty-length');
  await page.locator('.locale-switcher summary').click();
  await page.locator('.locale-switcher').getByRole('link', { name: '繁體中文' }).click();
  await expect(page).toHaveURL(/\/zh-Hant\/articles\/faq-warranty-length$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an article page is complete and navigable', async ({ page }) => {
    await page.goto('/en/articles/claims-how-to-file');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.prose h2').first()).toBeVisible();
    await expect(page.locator('.prose p').first()).not.toBeEmpty();
    await page.locator('.locale-switcher summary').click();
    await expect(page.locator('.locale-switcher').getByRole('link', { name: 'Español' })).toBeVisible();
  });
});

test('an article page ships at most 15 KB of gzipped JavaScript', async ({ page }) => {
  const scripts: Buffer[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(await response.body());
  });
  await page.goto('/en/articles/care-plans-compared', { waitUntil: 'networkidle' });
  const inline = await page.locator('script:not([src])').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  const total = [...scripts, ...inline.map((s) => Buffer.from(s))].reduce((sum, b) => sum + zlib.gzipSync(b).length, 0);
  console.log(`article page JavaScript: ${scripts.length} files + ${inline.length} inline, ${total} bytes gzipped`);
  expect(total).toBeLessThanOrEqual(15 * 1024);
});

for (const path of ['/en/', '/es/categories/faq', '/zh-Hant/articles/faq-warranty-length', '/el/articles/faq-warranty-length', '/en/does-not-exist']) {
  test(`basics hold on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    expect((await page.locator('meta[name="description"]').getAttribute('content'))?.length).toBeGreaterThan(10);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^(en|es|zh-Hant|el|fi)$/);
    await expect(page.locator('img:not([alt])')).toHaveCount(0);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip).toBeFocused();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });
}

test('healthz names the search engine and the database', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { engine: 'sqlite' }, search: { engine: 'embedded' } });
});

test('responses carry security headers', async ({ request }) => {
  const headers = (await request.get('/en/')).headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});
