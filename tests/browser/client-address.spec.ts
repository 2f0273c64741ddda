import { expect, test, type APIRequestContext } from '@playwright/test';
import { fakeAddress } from './complaints-helpers.ts';
import { startOwnServer, type OwnServer } from './own-server.ts';
import { sampleComplaint } from '../fixtures/sample-complaint.ts';

/**
 * Per-address limits count the real client address (docs/decisions/0007-client-address.md): with
 * TRUST_PROXY off (the default) a client that makes up X-Forwarded-For, or the header scripts/start.mjs
 * uses for the socket address, is still limited; behind a trusted proxy only the right-most entry counts.
 */

const forged = () => ({ 'X-Forwarded-For': fakeAddress(), 'X-Kb-Socket-Address': fakeAddress() });


test.describe('a server with TRUST_PROXY off', () => {
  // One server of its own for these tests, so the address they share (127.0.0.1) is no other test's.
  test.describe.configure({ mode: 'serial' });
  let server: OwnServer | undefined;
  let baseURL = '';
  let api: APIRequestContext;
  const complaintLimit = 3;

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(90_000);
    server = await startOwnServer('client-address', { COMPLAINT_RATE_LIMIT: String(complaintLimit) }, ['TRUST_PROXY', 'SMTP_URL', 'KB_CLOCK_FILE']);
    baseURL = server.baseURL;
    api = await playwright.request.newContext({ baseURL });
  });

  test.afterAll(async () => {
    await api?.dispose();
    await server?.stop();
  });

  test('complaints with a made-up X-Forwarded-For each time are limited by the real address', async () => {
    for (let i = 0; i < complaintLimit; i++) {
      const response = await api.post('/api/complaints', { headers: forged(), data: { ...sampleComplaint, subject: `Leak ${i}` } });
      expect(response.status(), await response.text()).toBe(201);
    }
    const limited = await api.post('/api/complaints', { headers: forged(), data: sampleComplaint });
    expect(limited.status()).toBe(429);
    expect(limited.headers()['retry-after']).toMatch(/^\d+$/);
  });

  test('staff sign-in failures with a made-up X-Forwarded-For each time lock the real address', async () => {
    test.setTimeout(60_000);
    const page = await api.get('/admin/signin');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    expect(csrf).toBeTruthy();
    // A new (unknown) account each time, so only the per-address counter (20 free failures) can lock.
    const attempt = (i: number) =>
      api.post('/admin/signin', {
        headers: { ...forged(), Origin: baseURL },
        form: { _csrf: csrf!, email: `nobody-${i}@example.com`, password: 'not the password' },
        maxRedirects: 0,
      });
    for (let i = 0; i < 20; i++) expect((await attempt(i)).status()).toBe(400);
    const locked = await attempt(20);
    expect(locked.status()).toBe(429);
    expect(await locked.text()).toContain('Too many failed sign-in attempts');
  });
});

test('behind a trusted proxy (the shared test server) only the right-most X-Forwarded-For entry counts', async ({ request }) => {
  // The shared server runs with TRUST_PROXY=true (playwright.config.ts) and allows 5 complaints a minute.
  const seenByProxy = fakeAddress();
  const send = (i: number) =>
    request.post('/api/complaints', {
      headers: { 'X-Forwarded-For': `${fakeAddress()}, ${fakeAddress()}, ${seenByProxy}`, 'X-Kb-Socket-Address': fakeAddress() },
      data: { ...sampleComplaint, subject: `Drip ${i}` },
    });
  for (let i = 0; i < 5; i++) expect((await send(i)).status()).toBe(201);
  expect((await send(5)).status()).toBe(429);
  const other = await request.post('/api/complaints', { headers: { 'X-Forwarded-For': `${seenByProxy}, ${fakeAddress()}` }, data: sampleComplaint });
  expect(other.status()).toBe(201);
});
