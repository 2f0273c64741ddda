import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import nodemailer from 'nodemailer';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './admin-helpers.ts';
import { t } from './complaints-helpers.ts';
import type { SunkMail } from './smtp-sink.ts';
import { decodeSunkMail } from './sunk-mail.ts';
import { startOwnServer, type OwnServer } from './own-server.ts';
import { freePort } from '../free-port.ts';

/**
 * The customer's data under their control, end to end on a server of its own (its own data directory,
 * so every file in it can be scanned, and its own log): a customer files on the web and by email, an
 * agent records their letter, all three land on one customer record; the customer downloads their data from the tracking
 * page and erases it through the link mailed to them (a real SMTP server, tests/browser/smtp-sink.ts);
 * afterwards no table of any database, no file of the data directory and no line of the server's log
 * holds their name, email address, phone number or street address, and the statistics are unchanged.
 */

const name = 'Maija Korhonen';
const email = 'maija.korhonen@example.com';
const phone = '+358 50 765 4321';
const street = '12 Elm Road';
/** Every form in which the customer's data could be stored. */
const personalValues = ['Maija', 'Korhonen', email, 'maija.korhonen', phone, '765 4321', '+358507654321', street, 'Elm Road'];

let server: OwnServer | undefined;
let dataDir = '';
let baseURL = '';
let inboundPort = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  inboundPort = await freePort();
  server = await startOwnServer(
    'privacy',
    {
      SMTP_URL: `smtp://localhost:${process.env.KB_BROWSER_SMTP_PORT ?? '4425'}`,
      KB_SCHEDULER_INTERVAL_MS: '500',
      INBOUND_SMTP_PORT: String(inboundPort),
    },
    ['TRUST_PROXY', 'KB_CLOCK_FILE', 'ALERT_WEBHOOK_URL'],
  );
  ({ dataDir, baseURL } = server);
});

test.afterAll(async () => {
  await server?.stop();
});

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The erasure confirmation link mailed to the customer, once the sink has it. */
async function confirmationLink(): Promise<string> {
  const dir = process.env.KB_BROWSER_SMTP_DIR!;
  let link = '';
  await expect
    .poll(
      () => {
        for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
          const mail = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as SunkMail;
          if (!mail.rcptTo.includes(email)) continue;
          const { subject, text } = decodeSunkMail(mail);
          const found = /https?:\/\/\S+\/privacy\/erase\/[A-Za-z0-9_-]+/.exec(text)?.[0];
          if (subject === 'Confirm the erasure of your personal data' && found) link = found;
        }
        return link;
      },
      { timeout: 60_000, message: 'the confirmation mail reaches the SMTP server' },
    )
    .not.toBe('');
  return link;
}

/** Every place personal data could stay: each text value of every table of every SQLite database, every other file, the server log. */
function whereFound(value: string): string[] {
  const needle = value.toLowerCase();
  const hits: string[] = [];
  const files = fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dataDir, f)).filter((f) => fs.statSync(f).isFile());
  for (const file of files) {
    if (fs.readFileSync(file).toString('latin1').toLowerCase().includes(needle) || fs.readFileSync(file, 'utf8').toLowerCase().includes(needle)) hits.push(`file ${path.relative(dataDir, file)}`);
    if (!fs.readFileSync(file).subarray(0, 16).toString('latin1').startsWith('SQLite format 3')) continue;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      for (const table of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]) {
        for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>) {
          for (const cell of Object.values(row)) if (typeof cell === 'string' && cell.toLowerCase().includes(needle)) hits.push(`${path.relative(dataDir, file)} ${table}: ${cell.slice(0, 100)}`);
        }
      }
    } finally {
      db.close();
    }
  }
  if (server!.log().toLowerCase().includes(needle)) hits.push('server log');
  return hits;
}

/** What the insights show: complaints per category, product and week. */
async function statistics(api: APIRequestContext): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const by of ['category', 'product', 'week']) {
    const response = await api.get(`/api/admin/insights?by=${by}`);
    expect(response.status()).toBe(200);
    const { rows, total } = (await response.json()) as { rows: unknown[]; total: number };
    out.push({ by, rows, total });
  }
  return out;
}

test('a customer on two channels downloads their data and erases it; nothing personal remains anywhere and the statistics hold', async ({ browser }) => {
  test.setTimeout(300_000);
  const m = t('en');

  // The customer files on the web.
  const customer = await browser.newContext({ baseURL, acceptDownloads: true });
  const c = await customer.newPage();
  await c.goto('/en/complaints/new');
  await c.getByLabel(m.fields.product).selectOption({ label: 'FrostLine' });
  await c.getByLabel(m.fields.subject).fill('Fridge not cooling');
  await c.getByLabel(m.fields.description).fill(`The FrostLine fridge at ${street} stopped cooling. Call me on ${phone}. ${name}`);
  await c.getByLabel(m.fields.email).fill(email);
  await c.getByLabel(m.fields.name).fill(name);
  await c.getByLabel(m.fields.phone).fill(phone);
  await c.getByLabel(m.fields.consent).check();
  await c.getByRole('button', { name: m.submit }).click();
  await expect(c).toHaveURL(/\/track\/[A-Za-z0-9_-]{20,}\?new=1$/);
  const trackingPath = new URL(c.url()).pathname;
  const webReference = ((await c.locator('.reference').textContent()) ?? '').trim();

  // The customer also writes to the help address (the built-in SMTP receiver, docs/email.md).
  const sent = await nodemailer
    .createTransport({ host: '127.0.0.1', port: inboundPort, secure: false, ignoreTLS: true, connectionTimeout: 60_000, socketTimeout: 120_000 })
    .sendMail({ from: `${name} <${email}>`, to: 'help@kestrel-home.example', subject: 'Freezer drawer ices up', text: `The FrostLine freezer drawer ices up every week. ${name}, ${street}, ${phone}` });
  expect(sent.response).toMatch(/^250/);

  // An agent records the customer's letter; all three complaints are on one customer record.
  const staff = await browser.newContext({ baseURL });
  const agent = await staff.newPage();
  await signIn(agent, 'agent', '/admin/complaints/new');
  await agent.getByLabel('Received by').selectOption('letter');
  await agent.getByLabel('Customer’s language').selectOption('en');
  await agent.getByLabel('Product').selectOption('frostline');
  await agent.getByLabel('Subject').fill(`Letter from ${name}`);
  await agent.getByLabel('What happened').fill(`${name} writes from ${street} that the fridge is still warm.`);
  await agent.getByLabel('Customer’s email address').fill(email);
  await agent.getByLabel('Customer’s name').fill(name);
  await agent.getByRole('button', { name: 'Record complaint' }).click();
  await agent.getByRole('link', { name: 'Open the complaint' }).click();
  const letterReference = ((await agent.locator('h1 .reference').textContent()) ?? '').trim();
  await agent.getByRole('link', { name: 'Customer record' }).click();
  const complaints = agent.locator('section', { has: agent.getByRole('heading', { name: /^Complaints/ }) });
  await expect(complaints.getByRole('link', { name: webReference })).toBeVisible();
  await expect(complaints.getByRole('link', { name: letterReference })).toBeVisible();
  // The mail becomes a complaint once processed, after the 250.
  await expect(async () => {
    await agent.reload();
    await expect(complaints.getByRole('row').filter({ hasText: 'Freezer drawer ices up' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await staff.close();

  const admin = await browser.newContext({ baseURL });
  const adminPage = await admin.newPage();
  await signIn(adminPage, 'admin', '/admin/insights');
  const before = await statistics(adminPage.request);
  // The scan below finds the customer's data while it is held (so finding nothing afterwards means something).
  for (const value of [email, street, 'Korhonen']) expect(whereFound(value).length, value).toBeGreaterThan(0);

  // The customer downloads their data from the tracking page.
  await c.goto(trackingPath);
  const yourData = c.locator('#your-data');
  await expect(yourData.getByRole('heading', { name: 'Your data' })).toBeVisible();
  await expectNoAxeViolations(c);
  const [download] = await Promise.all([c.waitForEvent('download'), yourData.getByRole('link', { name: 'Download your data (JSON)' }).click()]);
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
    customer: { email: string; name: string; phone: string };
    complaints: Array<{ reference: string; channel: string; description: string; phone: string | null }>;
  };
  expect(data.customer).toMatchObject({ email, name, phone: '+358507654321' });
  expect(data.complaints.map((k) => k.channel).sort()).toEqual(['email', 'letter', 'web']);
  expect(data.complaints.map((k) => k.reference)).toEqual(expect.arrayContaining([letterReference, webReference]));
  expect(data.complaints.find((k) => k.channel === 'web')).toMatchObject({ phone, description: expect.stringContaining(street) });
  await yourData.getByRole('link', { name: 'View your data as a page' }).click();
  await expect(c.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await expect(c.locator('#data-contact')).toContainText(email);
  await expect(c.getByRole('heading', { name: `Complaint ${letterReference}` })).toBeVisible();
  await expectNoAxeViolations(c);

  // The customer asks for erasure and confirms it through the link mailed to them.
  await c.goto(trackingPath);
  await c.getByRole('button', { name: 'Send me the confirmation link' }).click();
  await expect(c.locator('#erasure-sent')).toContainText('We sent a confirmation link to your email address');
  const link = await confirmationLink();
  await c.goto(new URL(link).pathname);
  await expect(c.getByRole('heading', { level: 1, name: 'Confirm the erasure of your personal data' })).toBeVisible();
  await expectNoAxeViolations(c);
  await c.getByRole('button', { name: 'Erase my personal data' }).click();
  await expect(c.getByRole('heading', { level: 1, name: 'Your personal data was erased' })).toBeVisible();
  await c.goto(new URL(link).pathname);
  await expect(c.getByRole('alert')).toContainText('expired or has already been used');
  const gone = await c.goto(trackingPath);
  expect(gone?.status()).toBe(404);
  await customer.close();

  // The statistics are unchanged; no personal value is left in any table, file or log line.
  expect(await statistics(adminPage.request)).toEqual(before);
  await admin.close();
  for (const value of personalValues) expect(whereFound(value), value).toEqual([]);
});

test('an administrator exports and erases a customer record by its email address; an agent may not', async ({ browser }) => {
  test.setTimeout(180_000);
  const other = { name: 'Eero Lahtinen', email: 'eero.lahtinen@example.org' };
  const api = await browser.newContext({ baseURL });
  const filed = await api.request.post('/api/complaints', {
    data: { locale: 'en', product: 'aquawash', subject: 'Drum noise', description: `The drum is loud. ${other.name}`, email: other.email, name: other.name, consent: true },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const { reference } = (await filed.json()) as { reference: string };
  await api.close();

  const staff = await browser.newContext({ baseURL, acceptDownloads: true });
  const page = await staff.newPage();
  await signIn(page, 'admin', '/admin/customers');
  await page.getByLabel('Email, phone, name or complaint reference').fill(reference);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('link', { name: other.name }).click();
  const recordPath = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Export or erase this customer’s personal data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Personal data of ${other.name}`);
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as JSON' }).click()]);
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { customer: { email: string }; complaints: Array<{ reference: string }> };
  expect(data.customer.email).toBe(other.email);
  expect(data.complaints.map((k) => k.reference)).toEqual([reference]);

  await page.getByLabel('Email address on record').fill('someone.else@example.org');
  await page.getByRole('button', { name: 'Erase this customer’s personal data' }).click();
  await expect(page.locator('#error-summary')).toContainText('This is not the email address on this record.');
  await expect(page.getByLabel('Email address on record')).toHaveValue('someone.else@example.org');
  await page.getByLabel('Email address on record').fill(other.email);
  await page.getByRole('button', { name: 'Erase this customer’s personal data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'personal data was erased' })).toBeVisible();
  await page.goto(recordPath);
  await expect(page.locator('.facts')).not.toContainText(other.email);
  await expect(page.locator('body')).not.toContainText('Lahtinen');
  await staff.close();

  const agentContext = await browser.newContext({ baseURL });
  const agent = await agentContext.newPage();
  await signIn(agent, 'agent', '/admin/customers');
  const refused = await agent.goto(`${recordPath}/privacy`);
  expect(refused?.status()).toBe(403);
  await agentContext.close();
  for (const value of ['Lahtinen', other.email]) expect(whereFound(value), value).toEqual([]);
});
