import { expect, type APIRequestContext, type Page } from '@playwright/test';
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
