import { expect, test } from '@playwright/test';
import { signIn } from './admin-helpers.ts';

// A demo article: the second anonymous view comes from the page cache (answered before Astro).
const articlePath = '/en/articles/claims-deadlines';

test('a visitor gets the cached article page with the same headers, and a signed-in editor never gets it', async ({ browser }) => {
  test.setTimeout(120_000);
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(articlePath);
  const second = await page.goto(articlePath);
  expect(second?.status()).toBe(200);
  const headers = second!.headers();
  expect(headers['x-page-cache']).toBe('hit');
  expect(headers['etag']).toMatch(/^W\/"/);
  expect(headers['cache-control']).toBe('no-cache');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Staff area' })).toHaveCount(0);
  // The islands' scripts and styles come from the build's files.
  const asset = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>('link[rel=stylesheet], script[src]')].map((e) => ('href' in e ? e.href : e.src))[0]);
  expect(asset).toContain('/_astro/');
  const assetResponse = await visitor.request.get(asset!);
  expect(assetResponse.status()).toBe(200);
  expect(assetResponse.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  // The browser revalidates with what it has: 304, no body.
  const revalidated = await visitor.request.get(articlePath, { headers: { 'If-None-Match': headers['etag']! } });
  expect(revalidated.status()).toBe(304);
  await visitor.close();

  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, 'editor');
  const staffView = await staffPage.goto(articlePath);
  expect(staffView?.headers()['x-page-cache']).toBeUndefined();
  await expect(staffPage.getByRole('link', { name: 'Staff area' })).toBeVisible();
  await staff.close();
});
