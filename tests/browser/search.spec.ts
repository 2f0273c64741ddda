import { expect, test } from '@playwright/test';

test.describe('search API', () => {
  test('answers 400 naming the problem for bad parameters', async ({ request }) => {
    const cases: Array<[string, RegExp]> = [
      ['q=', /q must not be empty/],
      [`q=${'a'.repeat(201)}`, /at most 200 characters/],
      ['q=x&locale=xx', /locale must be one of/],
      ['q=x&page=abc', /page must be a number/],
      ['q=x&limit=500', /limit must be at most 50/],
      ['q=x&category=secret', /category must be one of/],
      ['locale=en', /q is required/],
    ];
    for (const [query, message] of cases) {
      const response = await request.get(`/api/search?${query}`);
      expect(response.status(), query).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
  });

  test('returns hits with escaped, highlighted snippets and facets', async ({ request }) => {
    const response = await request.get('/api/search?q=warranty&locale=en');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.engine).toBe('embedded');
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), slug: expect.any(String), locale: 'en', title: expect.any(String), url: expect.stringMatching(/^\/en\/articles\//), category: expect.any(String), snippet: expect.stringContaining('<mark>') }),
    );
    expect(body.hits.map((h: { slug: string }) => h.slug)).toContain('faq-warranty-length');
    expect(Object.values(body.facets.category).reduce((a: number, b) => a + (b as number), 0)).toBe(body.total);
  });

  test('never returns internal or draft articles to the public, whatever the query says', async ({ request }) => {
    for (const query of ['q=refund+limits+team+lead', 'q=refund&audience=internal', 'q=RFM+segments&category=internal-guide', 'q=SweepBot+S7', 'q=Kestrel+Desk']) {
      const body = await (await request.get(`/api/search?${query}&locale=en&limit=50`)).json();
      for (const hit of body.hits ?? []) {
        expect(hit.category, query).not.toBe('internal-guide');
        expect(hit.slug, query).not.toMatch(/^internal-|s7-preview/);
      }
    }
  });

  test('forgives a typo, a missing accent and the other Chinese script', async ({ request }) => {
    const top = async (q: string, locale: string) =>
      ((await (await request.get(`/api/search?${new URLSearchParams({ q, locale, limit: '3' })}`)).json()).hits as Array<{ slug: string; id: string }>).map((h) => h.id);
    expect(await top('warrenty', 'en')).toContain('en/faq-warranty-length');
    expect((await top('garantia', 'es')).some((id) => id.startsWith('es/'))).toBe(true);
    expect(await top('序号', 'zh-Hant')).toContain('zh-Hant/faq-find-serial-number');
  });
});

test.describe('results page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows results, filters by category and opens an article', async ({ page }) => {
    await page.goto('/en/');
    await page.getByRole('combobox', { name: 'Search the help center' }).fill('claim');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/en\/search\?q=claim/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “claim”');
    await expect(page.locator('.result-list li').first()).toBeVisible();
    const facets = page.getByRole('navigation', { name: 'Filter by category' });
    await facets.getByRole('link', { name: /^Claims/ }).click();
    await expect(page).toHaveURL(/category=claim-rules/);
    const categoriesShown = await page.locator('.result-category').allTextContents();
    expect(new Set(categoriesShown)).toEqual(new Set(['Claims']));
    const first = page.locator('.result-title a').first();
    const title = await first.textContent();
    await first.click();
    await expect(page).toHaveURL(/\/en\/articles\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title ?? '');
  });

  test('tells the visitor when a query is too long or finds nothing', async ({ page }) => {
    const response = await page.goto(`/en/search?q=${'x'.repeat(250)}`);
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('alert')).toHaveText('Your search is too long: use at most 200 characters.');
    await page.goto('/fi/search?q=zzqqxxyy');
    await expect(page.locator('#result-count')).toContainText('zzqqxxyy');
  });
});

test.describe('search as you type', () => {
  test('shows grouped suggestions after three letters and follows the keyboard', async ({ page }) => {
    await page.goto('/en/articles/faq-contact-hours');
    const box = page.getByRole('combobox', { name: 'Search the help center' });
    await box.click();
    await box.pressSequentially('war', { delay: 30 });
    const listbox = page.getByRole('listbox');
    await expect(listbox).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(listbox.getByRole('group').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /suggestion/ })).toHaveText(/\d+ suggestions?/);
    await box.press('ArrowDown');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    const option = page.locator(`#${activeId}`);
    await expect(option).toHaveAttribute('aria-selected', 'true');
    expect(await option.textContent()).toBeTruthy();
    await box.press('Escape');
    await expect(listbox).toBeHidden();
    await box.press('ArrowDown');
    await expect(listbox).toBeVisible();
    // Reopening asks again, and other tests' page views may have reordered the list meanwhile: take the
    // title of the option chosen now.
    const chosen = page.locator(`#${await box.getAttribute('aria-activedescendant')}`);
    await expect(chosen).toHaveAttribute('aria-selected', 'true');
    const title = (await chosen.textContent()) ?? '';
    await box.press('Enter');
    await expect(page).toHaveURL(/\/en\/articles\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('keeps what was typed before the island loaded and suggests for it', async ({ page }) => {
    let release: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/SearchBox*.js', async (route) => {
      await loaded;
      await route.continue();
    });
    await page.goto('/en/categories/faq');
    const box = page.getByRole('combobox', { name: 'Search the help center' });
    await box.pressSequentially('warr', { delay: 30 });
    await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(0);
    release();
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await expect(box).toHaveValue('warr');
  });

  test('works in every locale', async ({ page }) => {
    for (const [locale, query] of [['es', 'garan'], ['zh-Hant', '保固'], ['el', 'εγγ'], ['fi', 'tak']] as const) {
      await page.goto(`/${locale}/categories/faq`);
      const box = page.getByRole('combobox');
      await box.pressSequentially(query, { delay: 30 });
      await expect(page.getByRole('listbox').getByRole('option').first(), locale).toBeVisible();
    }
  });
});
