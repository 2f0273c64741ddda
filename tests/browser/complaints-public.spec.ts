import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '@core/i18n/locales.ts';
import { asClient, fakeAddress, fileByApi, t } from './complaints-helpers.ts';

const cases: Array<{ locale: Locale; subject: string; description: string; product: string }> = [
  { locale: 'en', subject: 'Washing machine leaks', description: 'My AquaWash washing machine leaks water from the door during every wash. What about the warranty?', product: 'AquaWash' },
  { locale: 'zh-Hant', subject: '冰箱不冷', description: '冰箱用了兩個月就不冷了，請問保固可以維修嗎？', product: 'FrostLine' },
];

async function fillForm(page: Page, locale: Locale, c: (typeof cases)[number], email: string): Promise<void> {
  const m = t(locale);
  await page.getByLabel(m.fields.product).selectOption({ label: c.product });
  await page.getByLabel(m.fields.subject).fill(c.subject);
  await page.getByLabel(m.fields.description).fill(c.description);
  await page.getByLabel(m.fields.email).fill(email);
  await page.getByLabel(m.fields.name).fill('Anna <b>Virtanen</b>');
}

async function expectTrackingPage(page: Page, locale: Locale): Promise<string> {
  const m = t(locale);
  await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{20,}\?new=1$/);
  await expect(page.getByRole('heading', { name: m.received.title })).toBeVisible();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^C-\d{4}-\d{6}$/);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('#complaint-status')).toHaveText(m.track.statuses.new);
  return reference;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    for (const c of cases) {
      test(`${c.locale}: suggestions, a field error that keeps the input, a reference and the tracking link`, async ({ page }) => {
        const m = t(c.locale);
        await asClient(page);
        await page.goto(`/${c.locale}/`);
        await page.getByRole('link', { name: m.link }).click();
        await expect(page).toHaveURL(`/${c.locale}/complaints/new`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.newTitle);

        await fillForm(page, c.locale, c, 'not-an-email');
        const suggestions = page.locator('.complaint-suggestions');
        if (javaScriptEnabled) {
          // Live while typing: the no-JavaScript button is gone.
          await expect(page.getByRole('button', { name: m.findAnswers })).toHaveCount(0);
        } else {
          await page.getByRole('button', { name: m.findAnswers }).click();
          await expect(page.getByLabel(m.fields.subject)).toHaveValue(c.subject);
        }
        await expect(suggestions.getByRole('heading', { name: m.suggestions.title })).toBeVisible();
        const links = suggestions.getByRole('link');
        await expect(links.first()).toBeVisible();
        expect(await links.count()).toBeLessThanOrEqual(5);
        await expect(links.first()).toHaveAttribute('target', '_blank');
        // Opening one counts for the deflection rate and leads to the article; the form stays as typed.
        // In the customer's language, or in English and marked so when the language has too few about the product.
        const shownIn = (await links.first().getAttribute('hreflang')) ?? c.locale;
        if (shownIn !== c.locale) await expect(suggestions.locator('li').first()).toContainText(m.suggestions.inEnglish);
        const [article] = await Promise.all([page.waitForEvent('popup'), links.first().click()]);
        await expect(article).toHaveURL(new RegExp(`/${shownIn}/articles/[a-z0-9-]+$`));
        await article.close();
        await expect(page.getByLabel(m.fields.description)).toHaveValue(c.description);

        // No consent and a bad email: both are named, and what was typed stays.
        await page.getByRole('button', { name: m.submit }).click();
        const summary = page.locator('#error-summary');
        await expect(summary).toContainText(m.errors.email);
        await expect(summary).toContainText(m.errors.consent);
        await expect(page.getByLabel(m.fields.description)).toHaveValue(c.description);
        await expect(page.getByLabel(m.fields.subject)).toHaveValue(c.subject);
        await expect(page.getByLabel(m.fields.email)).toHaveAttribute('aria-invalid', 'true');

        await page.getByLabel(m.fields.email).fill('anna.virtanen@example.com');
        await page.getByLabel(m.fields.consent).check();
        await page.getByRole('button', { name: m.submit }).click();
        const reference = await expectTrackingPage(page, c.locale);

        // The link works on its own (bookmark, mail), without the confirmation banner; HTML stays text.
        const trackingPath = new URL(page.url()).pathname;
        await page.goto(trackingPath);
        await expect(page.locator('.reference')).toHaveText(reference);
        await expect(page.getByRole('heading', { name: m.received.title })).toHaveCount(0);
        await expect(page.locator('.timeline')).toContainText(c.description);

        // The customer adds a message.
        await page.getByLabel(m.track.replyLabel).fill('Extra detail: it started after <i>moving</i> the machine.');
        await page.getByRole('button', { name: m.track.replySend }).click();
        await expect(page.getByText(m.track.replyThanks)).toBeVisible();
        await expect(page.locator('.timeline')).toContainText('Extra detail: it started after <i>moving</i> the machine.');
      });
    }
  });
}

test('a double-clicked or re-sent form makes one complaint', async ({ page, request }) => {
  const m = t('en');
  const address = await asClient(page);
  await page.goto('/en/complaints/new');
  await page.getByLabel(m.fields.product).selectOption({ label: 'SweepBot' });
  await page.getByLabel(m.fields.subject).fill('Robot stops');
  await page.getByLabel(m.fields.description).fill('The SweepBot stops in the middle of the room every day.');
  await page.getByLabel(m.fields.email).fill('sam@example.com');
  await page.getByLabel(m.fields.consent).check();
  const form = page.locator('form.complaint-form');
  const key = await form.locator('input[name=idempotencyKey]').inputValue();
  await page.getByRole('button', { name: m.submit }).dblclick();
  const reference = await expectTrackingPage(page, 'en');
  // The same form sent again (a retry after a lost answer) comes back to the same complaint.
  const again = await request.post('/en/complaints/new', {
    headers: { 'X-Forwarded-For': address, Origin: new URL(page.url()).origin },
    form: { product: 'sweepbot', subject: 'Robot stops', description: 'The SweepBot stops in the middle of the room every day.', email: 'sam@example.com', consent: 'on', idempotencyKey: key, intent: 'send' },
    maxRedirects: 0,
  });
  expect(again.status()).toBe(303);
  const other = await request.get(again.headers().location!, { headers: { 'X-Forwarded-For': address } });
  expect(await other.text()).toContain(reference);
});

test('the JSON API validates, names limits, replays idempotent retries, traps bots and limits floods', async ({ request }) => {
  const address = fakeAddress();
  const headers = { 'X-Forwarded-For': address };
  const base = { locale: 'es', product: 'brewmaster', subject: 'La cafetera gotea', description: 'La cafetera BrewMaster gotea agua por debajo.', email: 'ana@example.com', consent: true };

  const tooLong = await request.post('/api/complaints', { headers, data: { ...base, description: 'x'.repeat(5001) } });
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).error).toContain('description must be at most 5000 characters');
  const huge = await request.post('/api/complaints', { headers, data: { ...base, description: 'x'.repeat(70_000) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toContain('65536 bytes');
  const bot = await request.post('/api/complaints', { headers, data: { ...base, website: 'http://spam.example' } });
  expect(bot.status()).toBe(400);
  expect((await bot.json()).error).toContain('website');

  const key = `api-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const first = await request.post('/api/complaints', { headers: { ...headers, 'Idempotency-Key': key }, data: base });
  expect(first.status()).toBe(201);
  const firstBody = await first.json();
  expect(firstBody.reference).toMatch(/^C-\d{4}-\d{6}$/);
  const retry = await request.post('/api/complaints', { headers: { ...headers, 'Idempotency-Key': key }, data: base });
  expect(retry.status()).toBe(200);
  expect((await retry.json()).reference).toBe(firstBody.reference);
  const conflict = await request.post('/api/complaints', { headers: { ...headers, 'Idempotency-Key': key }, data: { ...base, subject: 'Otra cosa' } });
  expect(conflict.status()).toBe(409);

  // 5 a minute per address: one was taken above; the replay did not count.
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await request.post('/api/complaints', { headers, data: { ...base, subject: `Gotea ${i}` } })).status());
  expect(statuses).toEqual([201, 201, 201, 201, 429]);
  const limited = await request.post('/api/complaints', { headers, data: base });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await limited.json()).error).toMatch(/at most 5 a minute/);
});

test('the form says clearly when an address sent too many complaints, and keeps the text', async ({ page }) => {
  const m = t('fi');
  const address = await asClient(page);
  for (let i = 0; i < 5; i++) {
    const r = await page.request.post('/api/complaints', {
      headers: { 'X-Forwarded-For': address },
      data: { locale: 'fi', product: 'heatpro', subject: `Lämpöpumppu ${i}`, description: 'Lämpöpumppu pitää kovaa ääntä yöllä.', email: 'matti@example.com', consent: true },
    });
    expect(r.status()).toBe(201);
  }
  await page.goto('/fi/complaints/new');
  await page.getByLabel(m.fields.product).selectOption({ label: 'HeatPro' });
  await page.getByLabel(m.fields.subject).fill('Kuudes reklamaatio');
  await page.getByLabel(m.fields.description).fill('Lämpöpumppu pitää edelleen kovaa ääntä yöllä.');
  await page.getByLabel(m.fields.email).fill('matti@example.com');
  await page.getByLabel(m.fields.consent).check();
  await page.getByRole('button', { name: m.submit }).click();
  await expect(page.getByRole('alert')).toContainText(m.errors.rateLimited(1).split('1')[0]!);
  await expect(page.getByLabel(m.fields.description)).toHaveValue('Lämpöpumppu pitää edelleen kovaa ääntä yöllä.');
});

test('an unknown tracking link answers 404 without telling anything', async ({ page }) => {
  const response = await page.goto('/track/AAAAAAAAAAAAAAAAAAAAAAAAAAA');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en').track.notFoundTitle);
  expect(response?.headers()['cache-control']).toContain('no-store');
});

test('the form with errors, and the tracking page, have no axe violations', async ({ page }) => {
  const axe = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  const m = t('el');
  await asClient(page);
  await page.goto('/el/complaints/new');
  await axe();
  await page.getByRole('button', { name: m.submit }).click();
  await expect(page.locator('#error-summary')).toBeVisible();
  await axe();
  const filed = await fileByApi(page.request, { locale: 'el', product: 'pureair', subject: 'Θόρυβος', description: 'Ο καθαριστής αέρα κάνει δυνατό θόρυβο από χθες.' });
  await page.goto(`${filed.trackingUrl}?new=1`);
  await expect(page.locator('.reference')).toHaveText(filed.reference);
  await axe();
});
