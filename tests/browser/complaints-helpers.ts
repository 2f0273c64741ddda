import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { messages } from '@core/i18n/messages.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { sampleComplaint } from '../fixtures/sample-complaint.ts';

/**
 * Every test poses as its own client address (the test servers run with TRUST_PROXY=true, so the right-most
 * X-Forwarded-For entry counts), so the per-address limit of 5 complaints a minute never couples tests that
 * run in parallel.
 */
export function fakeAddress(): string {
  const n = Math.floor(Math.random() * 250) + 1;
  const m = Math.floor(Math.random() * 250) + 1;
  return `10.${Date.now() % 250}.${n}.${m}`;
}

export async function asClient(page: Page): Promise<string> {
  const address = fakeAddress();
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': address });
  return address;
}

export const t = (locale: Locale) => messages(locale).complaints;

export interface FormFields {
  /** The product's label in the list. */
  product: string;
  subject: string;
  description: string;
  email: string;
  name?: string;
}

/** A customer of their own (a new browser context and client address) with the English complaint form filled in and consent given, not yet sent. */
export async function fillComplaintForm(browser: Browser, fields: FormFields): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await asClient(page);
  const m = t('en');
  await page.goto('/en/complaints/new');
  await page.getByLabel(m.fields.product).selectOption({ label: fields.product });
  await page.getByLabel(m.fields.subject).fill(fields.subject);
  await page.getByLabel(m.fields.description).fill(fields.description);
  await page.getByLabel(m.fields.email).fill(fields.email);
  if (fields.name) await page.getByLabel(m.fields.name).fill(fields.name);
  await page.getByLabel(m.fields.consent).check();
  return { context, page };
}

export interface Filed {
  reference: string;
  trackingUrl: string;
}

/** Files a complaint through the JSON API; returns the reference and the tracking link's path. */
export async function fileByApi(request: APIRequestContext, body: Record<string, unknown> = {}): Promise<Filed> {
  const response = await request.post('/api/complaints', {
    headers: { 'X-Forwarded-For': fakeAddress() },
    data: { ...sampleComplaint, ...body },
  });
  expect(response.status(), await response.text()).toBe(201);
  const json = (await response.json()) as { reference: string; trackingUrl: string };
  return { reference: json.reference, trackingUrl: new URL(json.trackingUrl).pathname };
}
