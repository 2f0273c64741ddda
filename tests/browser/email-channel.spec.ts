import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { signIn } from './admin-helpers.ts';
import { fillComplaintForm, t } from './complaints-helpers.ts';

const stamp = Date.now().toString(36);
const email = `ruth.aalto.${stamp}@example.com`;
const helpAddress = 'help@kestrel-home.example';
const smtpPort = Number(process.env.KB_BROWSER_INBOUND_SMTP_PORT);

function send(options: SendMailOptions) {
  return nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, connectionTimeout: 60_000, socketTimeout: 120_000 }).sendMail(options);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The complaint the portal filed for a mail appears in the inbox once the mail is processed (after the 250). */
async function openEmailComplaint(page: Page, subject: string): Promise<string> {
  await expect(async () => {
    await page.goto(`/admin/complaints?q=${encodeURIComponent(subject)}`);
    await expect(page.getByRole('row').filter({ hasText: subject })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('row').filter({ hasText: subject }).getByRole('link').first().click();
  return ((await page.locator('h1 .reference').textContent()) ?? '').trim();
}

test('a customer files on the web, then by email, and replies by email: the agent sees it all, escaped, on one customer record', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { context: customer, page: c } = await fillComplaintForm(browser, {
    product: 'FrostLine',
    subject: `Fridge too warm ${stamp}`,
    description: 'The FrostLine fridge keeps the milk at twelve degrees.',
    email,
    name: 'Ruth Aalto',
  });
  const m = t('en');
  await c.getByRole('button', { name: m.submit }).click();
  await expect(c).toHaveURL(/\/track\/[A-Za-z0-9_-]{20,}\?new=1$/);
  const webReference = ((await c.locator('.reference').textContent()) ?? '').trim();
  await customer.close();

  // The same customer writes to the help address; the mail's HTML carries a script.
  const subject = `Freezer ices up ${stamp}`;
  const info = await send({
    from: `Ruth Aalto <${email}>`,
    to: helpAddress,
    subject,
    html: '<p>The FrostLine freezer drawer <b>ices up</b> every week.</p><script>document.title = "pwned"</script><img src="x" onerror="document.title=\'pwned\'">',
  });
  expect(info.response).toMatch(/^250/);

  await signIn(page, 'agent', '/admin/complaints');
  const mailReference = await openEmailComplaint(page, subject);
  await expect(page.locator('.facts')).toContainText('Email');
  await expect(page.locator('main')).toContainText('The FrostLine freezer drawer ices up every week.');
  await expect(page).not.toHaveTitle(/pwned/);
  await expect(page.locator('main script, main img[src="x"]')).toHaveCount(0);

  // Her reply, with the reference in the subject and the quoted history under it, joins the same complaint.
  await send({ from: email, to: helpAddress, subject: `Re: ${mailReference} ${subject}`, text: `It is <b>worse</b> today.\n\nOn Wed, 2 Dec 2026 at 10:00, Kestrel Help Center <${helpAddress}> wrote:\n> We received your complaint.` });
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.timeline')).toContainText('Message from the customer (by email)', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const reply = page.locator('.timeline li', { hasText: 'Message from the customer (by email)' });
  await expect(reply).toContainText('It is <b>worse</b> today.');
  await expect(reply).not.toContainText('We received your complaint');
  await expectNoAxeViolations(page);

  // One customer record holds both channels.
  await page.getByRole('link', { name: 'Customer record' }).click();
  const complaints = page.locator('section', { has: page.getByRole('heading', { name: /^Complaints/ }) });
  await expect(complaints.getByRole('link', { name: webReference })).toBeVisible();
  await expect(complaints.getByRole('link', { name: mailReference })).toBeVisible();
  await expect(complaints).toContainText('Web form');
  await expect(complaints).toContainText('Email');
});

test('an out-of-office reply is kept for staff under Unanswered mail and files no complaint', async ({ page }) => {
  test.setTimeout(180_000);
  const subject = `Out of office ${stamp}`;
  await send({ from: `away.${stamp}@example.com`, to: helpAddress, subject, text: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } });
  await signIn(page, 'agent', '/admin/mail');
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: subject })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const mail = page.locator('article', { has: page.getByRole('heading', { name: subject }) });
  await expect(mail).toContainText('Automatic reply');
  await mail.getByText('The mail as received').click();
  await expect(mail.locator('pre')).toContainText('I am away until Monday.');
  await expectNoAxeViolations(page);
  // On a phone the page and the raw mail stay within the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/admin/complaints?q=${encodeURIComponent(subject)}`);
  await expect(page.getByRole('row').filter({ hasText: subject })).toHaveCount(0);
  // The product role does not see raw mail.
  const denied = await page.context().browser()!.newContext();
  const p = await denied.newPage();
  await signIn(p, 'product');
  const response = await p.goto('/admin/mail');
  expect(response?.status()).toBe(403);
  await denied.close();
});
