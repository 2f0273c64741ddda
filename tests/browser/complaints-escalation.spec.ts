import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './admin-helpers.ts';
import { asClient, fileByApi, t } from './complaints-helpers.ts';
import type { SunkMail } from './smtp-sink.ts';
import { decodeSunkMail, type DecodedMail } from './sunk-mail.ts';
import type { SunkHook } from './webhook-sink.ts';

/**
 * Escalation end to end, against the server that playwright.config.ts starts for this file alone: it
 * sends mail through SMTP_URL to the real SMTP server of tests/browser/smtp-sink.ts, which writes every
 * message into a directory, and its complaint clock adds the offset in KB_CLOCK_FILE to the real time.
 * Moving that clock moves it for every complaint on that server: tests that do must not run in
 * parallel with each other, hence the one test.
 */
function fromEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this spec with playwright.config.ts (its global setup and second web server)`);
  return value;
}

const baseURL = fromEnv('KB_BROWSER_ESCALATION_URL');
const clockFile = fromEnv('KB_BROWSER_CLOCK_FILE');
// Set by the global setup, which runs after Playwright has listed the tests: read when used.
const mailDir = () => fromEnv('KB_BROWSER_SMTP_DIR');

test.use({ baseURL });

const hour = 3_600_000;

/** Moves the server's complaint clock forward, on top of any earlier move (written whole, by rename). */
function advanceClock(ms: number): void {
  const before = fs.existsSync(clockFile) ? Number(fs.readFileSync(clockFile, 'utf8').trim() || 0) : 0;
  fs.mkdirSync(path.dirname(clockFile), { recursive: true });
  fs.writeFileSync(`${clockFile}.part`, String(before + ms));
  fs.renameSync(`${clockFile}.part`, clockFile);
}

/** What the alert webhook receiver has taken so far. */
function hooks(): SunkHook[] {
  const dir = fromEnv('KB_BROWSER_WEBHOOK_DIR');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SunkHook);
}

function received(): DecodedMail[] {
  return fs
    .readdirSync(mailDir())
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => decodeSunkMail(JSON.parse(fs.readFileSync(path.join(mailDir(), f), 'utf8')) as SunkMail));
}

/** Polls the SMTP server's directory until a matching mail is there. */
async function waitForMail(what: string, match: (m: DecodedMail) => boolean): Promise<DecodedMail> {
  let found: DecodedMail | undefined;
  await expect
    .poll(() => (found = received().find(match)) !== undefined, { message: `${what} reaches the test SMTP server`, timeout: 20_000 })
    .toBe(true);
  return found!;
}

test('an overdue complaint escalates (test clock): first in the inbox, and its alarm and the lead’s digest reach the SMTP server', async ({ page }) => {
  test.setTimeout(120_000);
  const m = t('en');
  const customer = { email: `escalation.${Date.now().toString(36)}@example.com`, name: 'Anna Virtanen', phone: '+358 40 765 4321' };

  // The customer files a complaint through the form.
  await asClient(page);
  await page.goto('/en/complaints/new');
  await page.getByLabel(m.fields.product).selectOption({ label: 'AquaWash' });
  await page.getByLabel(m.fields.subject).fill('Washing machine leaks');
  await page.getByLabel(m.fields.description).fill('My AquaWash leaks water from the door seal during every wash.');
  await page.getByLabel(m.fields.email).fill(customer.email);
  await page.getByLabel(m.fields.name).fill(customer.name);
  await page.getByLabel(m.fields.phone).fill(customer.phone);
  await page.getByLabel(m.fields.consent).check();
  await page.getByRole('button', { name: m.submit }).click();
  await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{20,}\?new=1$/);
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^C-\d{4}-\d{6}$/);
  const trackingPath = new URL(page.url()).pathname;

  // Its confirmation went out through SMTP at once, with the tracking link, to the customer only.
  const confirmation = await waitForMail('the confirmation', (mail) => mail.to.includes(customer.email));
  expect(confirmation.to).toEqual([customer.email]);
  expect(confirmation.subject).toContain(reference);
  expect(confirmation.text).toContain(`${baseURL}${trackingPath}`);

  // Thirteen hours later (the first response was due within 12), with nobody having answered.
  advanceClock(13 * hour);
  // A newer complaint, not yet due: the overdue one must still come first.
  const fresh = await fileByApi(page.request, { product: 'frostline', subject: 'Fridge door rattles', description: 'The FrostLine fridge door rattles whenever the compressor starts.' });

  // An agent sees it escalated and overdue, at the top of the inbox.
  await signIn(page, 'agent', '/admin/complaints');
  const firstRow = page.locator('.complaints-table tbody tr').first();
  await expect(async () => {
    await page.reload();
    await expect(firstRow.getByRole('link', { name: reference })).toBeVisible({ timeout: 1000 });
    await expect(firstRow.locator('.status-problem')).toHaveText('Escalated', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(firstRow.locator('.overdue')).toContainText('Overdue:');
  await expect(page.locator('.complaints-table')).toContainText(fresh.reference);
  await expect(page.locator('.complaints-table tbody tr').filter({ hasText: fresh.reference }).locator('.status-problem')).toHaveCount(0);

  await page.goto('/admin/complaints?overdue=1');
  await expect(page.locator('.complaints-table')).toContainText(reference);
  await expect(page.locator('.complaints-table')).not.toContainText(fresh.reference);

  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByText('a deadline passed without an answer')).toBeVisible();
  await expect(page.locator('.timeline')).toContainText('Escalated: the response deadline');
  await expect(page.locator('.timeline')).toContainText('the team lead was mailed');

  // The alarm reached the SMTP server: nobody is assigned, so it goes to the service desk on duty
  // (SERVICE_DESK_EMAIL, default); R&D Laundry is no service team, so its lead gets the daily digest instead
  // of a copy (docs/complaints.md). Both: the reference and a staff link, no customer details.
  const alarm = await waitForMail('the overdue alarm', (mail) => mail.subject.includes(`[Overdue] ${reference}:`) && !mail.subject.includes('daily digest'));
  expect(alarm.to).toEqual(['service-desk@kestrel-home.example']);
  expect(alarm.subject).toContain('first response was due');
  expect(alarm.text).toContain(`The first response deadline of complaint ${reference} has passed.`);
  expect(alarm.text).toMatch(new RegExp(`${baseURL}/admin/complaints/\\d+`));
  const digest = await waitForMail('the R&D Laundry lead’s daily digest', (mail) => mail.to.includes('rd-laundry-lead@kestrel-home.example'));
  expect(digest.to).toEqual(['rd-laundry-lead@kestrel-home.example']);
  expect(digest.subject).toBe(`[Overdue] ${reference}: daily digest, R&D Laundry (AquaWash)`);
  expect(digest.text).toMatch(new RegExp(`${baseURL}/admin/complaints/\\d+`));
  for (const mail of [alarm, digest]) {
    for (const secret of [customer.email, customer.phone, '765 4321', customer.name, 'Virtanen', '/track/']) {
      expect(mail.raw).not.toContain(secret);
      expect(mail.text).not.toContain(secret);
    }
  }
  // Once: no second alarm or digest for it, and none for the newer complaint.
  expect(received().filter((mail) => mail.subject.includes('[Overdue]')).map((mail) => mail.subject).sort()).toEqual([alarm.subject, digest.subject].sort());

  // The customer's mailed link works.
  await page.goto(new URL(confirmation.text.match(/https?:\/\/\S+\/track\/[A-Za-z0-9_-]+/)![0]).pathname);
  await expect(page.locator('.reference')).toHaveText(reference);

  // A complaint an agent took on: its alarm goes to that agent with the team lead copied, and to the
  // alert webhook (a real local HTTP receiver), without customer details.
  const assigned = await fileByApi(page.request, { subject: 'Drum squeaks', description: 'The AquaWash drum squeaks loudly at every spin and the door seal drips.' });
  await page.goto(`/admin/complaints?q=${assigned.reference}`);
  await page.getByRole('link', { name: assigned.reference }).click();
  const me = await page.locator('#f-assignee option', { hasText: '(me)' }).getAttribute('value');
  await page.getByLabel('Assign to').selectOption(me!);
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText('The assignment was changed.')).toBeVisible();
  advanceClock(13 * hour);
  const agentAlarm = await waitForMail('the alarm to the assigned agent', (mail) => mail.subject.includes(`[Overdue] ${assigned.reference}:`));
  expect([...agentAlarm.to].sort()).toEqual(['agent@kestrel-home.example', 'rd-laundry-lead@kestrel-home.example']);
  expect(agentAlarm.raw).toMatch(/^To: agent@kestrel-home\.example\r?$/m);
  expect(agentAlarm.raw).toMatch(/^Cc: rd-laundry-lead@kestrel-home\.example\r?$/m);
  let hook: SunkHook | undefined;
  await expect
    .poll(() => (hook = hooks().find((h) => (h.body as { reference?: string }).reference === assigned.reference)) !== undefined, { message: 'the alarm reaches the webhook receiver', timeout: 20_000 })
    .toBe(true);
  expect(hook!.contentType).toContain('application/json');
  expect(hook!.body).toMatchObject({ type: 'complaint.overdue', reference: assigned.reference, assignee: 'agent@kestrel-home.example' });
  for (const secret of ['anna.virtanen@example.com', 'Anna Virtanen', '123 4567']) {
    expect(agentAlarm.raw).not.toContain(secret);
    expect(JSON.stringify(hook!.body)).not.toContain(secret);
  }
});
