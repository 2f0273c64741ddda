import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { messages } from '@core/i18n/messages.ts';
import { htmlAsJpeg, pdfBytes, pngBytes } from '../fixtures/attachment-files.ts';
import { signIn } from './admin-helpers.ts';
import { asClient, fillComplaintForm, fileByApi, t } from './complaints-helpers.ts';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const a = messages('en').attachments;
const subject = `Cracked glass door ${Date.now().toString(36)}`;
const description = 'The glass door of the HeatPro oven cracked on the first use. Photo and receipt attached.';

test('a customer attaches a photo and a PDF, a refused file keeps the text, the agent opens the files', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { context: customer, page: c } = await fillComplaintForm(browser, { product: 'HeatPro', subject, description, email: 'helmi.virtanen@example.com' });
  const m = t('en');
  const files = c.getByLabel(a.label);
  await files.setInputFiles([
    { name: 'door.png', mimeType: 'image/png', buffer: pngBytes },
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: htmlAsJpeg },
  ]);
  await c.getByRole('button', { name: m.submit }).click();

  // Refused: the page says which file and why, and everything typed is still there.
  await expect(c.locator('#error-summary')).toContainText(a.errors.type('photo.jpg'));
  await expect(c.locator('#f-attachments-error')).toContainText(a.errors.chooseAgain);
  await expect(c.getByLabel(m.fields.subject)).toHaveValue(subject);
  await expect(c.getByLabel(m.fields.description)).toHaveValue(description);
  await expect(c.getByLabel(m.fields.email)).toHaveValue('helmi.virtanen@example.com');
  await expect(c.getByLabel(m.fields.consent)).toBeChecked();
  await expect(files).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(c);

  await files.setInputFiles([
    { name: 'door.png', mimeType: 'image/png', buffer: pngBytes },
    { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: pdfBytes },
  ]);
  await c.getByRole('button', { name: m.submit }).click();
  await expect(c).toHaveURL(/\/track\/[A-Za-z0-9_-]{20,}\?new=1$/);
  const reference = ((await c.locator('.reference').first().textContent()) ?? '').trim();
  const list = c.getByRole('region', { name: a.yourFiles });
  await expect(list.getByRole('link')).toHaveText(['door.png', 'receipt.pdf']);
  await expectNoAxeViolations(c);

  const download = c.waitForEvent('download');
  await list.getByRole('link', { name: 'receipt.pdf' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe('receipt.pdf');
  expect(Buffer.from(await (await import('node:fs/promises')).readFile((await pdf.path())!)).equals(pdfBytes)).toBe(true);

  const photoHref = (await list.getByRole('link', { name: 'door.png' }).getAttribute('href'))!;
  const photo = await c.request.get(photoHref);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/png');
  expect(photo.headers()['content-disposition']).toMatch(/^attachment; filename="door\.png"/);
  expect(photo.headers()['x-content-type-options']).toBe('nosniff');
  expect(photo.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
  expect(Buffer.from(await photo.body()).equals(pngBytes)).toBe(true);

  // A wrong token, and another complaint's token, get nothing.
  const fileId = photoHref.split('/').pop()!;
  const other = await fileByApi(c.request);
  expect((await c.request.get(`/track/${'A'.repeat(27)}/files/${fileId}`)).status()).toBe(404);
  expect((await c.request.get(`${other.trackingUrl}/files/${fileId}`)).status()).toBe(404);
  await customer.close();

  // The agent opens the photo from the complaint page.
  await signIn(page, 'agent', `/admin/complaints/${reference}`);
  const staffFiles = page.getByRole('region', { name: 'Files from the customer' });
  await expect(staffFiles.getByRole('link')).toHaveText(['door.png', 'receipt.pdf']);
  await expectNoAxeViolations(page);
  const staffDownload = page.waitForEvent('download');
  await staffFiles.getByRole('link', { name: 'door.png' }).click();
  expect((await staffDownload).suggestedFilename()).toBe('door.png');
  const staffHref = (await staffFiles.getByRole('link', { name: 'door.png' }).getAttribute('href'))!;

  // The product role reads complaints with customer details masked: a receipt names the customer, so 404.
  const productContext = await browser.newContext();
  const product = await productContext.newPage();
  await signIn(product, 'product');
  expect((await product.request.get(staffHref)).status()).toBe(404);
  await productContext.close();

  // A stranger without a session never gets the file.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.request.get(staffHref, { maxRedirects: 0 });
  expect(stranger.status()).not.toBe(200);
  expect(stranger.headers()['content-type'] ?? '').not.toBe('image/png');
  await strangerContext.close();
});

test('a customer who lost the link asks for it again and gets the same answer whatever the address', async ({ page }) => {
  test.setTimeout(120_000);
  await asClient(page);
  const l = messages('en').lostLink;
  await page.goto(`/track/${'B'.repeat(27)}`);
  await page.getByRole('link', { name: l.link }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.title);
  await expectNoAxeViolations(page);
  await page.getByLabel(l.emailLabel).fill('not an address');
  await page.getByRole('button', { name: l.submit }).click();
  await expect(page.locator('#f-email-error')).toHaveText(l.emailInvalid);
  await expect(page.getByLabel(l.emailLabel)).toHaveValue('not an address');
  await page.getByLabel(l.emailLabel).fill(`nobody.${Date.now().toString(36)}@example.com`);
  await page.getByRole('button', { name: l.submit }).click();
  await expect(page.locator('#lost-link-sent')).toHaveText(l.sent);
  await expectNoAxeViolations(page);
});

test('with JavaScript, a file over the size limit is named before the form is sent, and nothing typed is lost', async ({ page }) => {
  test.setTimeout(120_000);
  await asClient(page);
  const m = t('en');
  await page.goto('/en/complaints/new');
  await page.getByLabel(m.fields.subject).fill(subject);
  const files = page.getByLabel(a.label);
  const limitText = (await page.locator('#f-attachments-hint').textContent()) ?? '';
  const maxSize = /at most (\S+ MB)/.exec(limitText)?.[1] ?? '';
  await files.setInputFiles([{ name: 'huge-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdfBytes, Buffer.alloc(5 * 1024 * 1024)]) }]);
  await expect(page.locator('#f-attachments-check')).toHaveText(a.errors.size('huge-scan.pdf', maxSize));
  await page.getByRole('button', { name: m.submit }).click();
  await expect(page).toHaveURL(/\/en\/complaints\/new$/);
  await expect(files).toBeFocused();
  await expect(page.getByLabel(m.fields.subject)).toHaveValue(subject);
});
