import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousToken, removeDir, send, startPortal, type Portal } from './portal.ts';

let portal: Portal;

beforeAll(async () => {
  portal = await startPortal();
}, 200_000);

afterAll(async () => {
  await portal?.stop();
  if (portal) await removeDir(portal.dataDir);
});

async function wrongPassword(): Promise<Awaited<ReturnType<typeof send>>> {
  const { token, cookie } = await anonymousToken(portal.url);
  const form = new URLSearchParams({ _csrf: token, email: 'nobody@kestrel-home.example', password: 'not the password' });
  return send(`${portal.url}/admin/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: portal.url },
    chunks: [Buffer.from(form.toString())],
  });
}

describe('fault: an unhandled error (the database stays locked past its busy timeout)', () => {
  it('answers 500 with the security headers and a request id, logged once with that id; afterwards the portal answers again', async () => {
    const usual = await wrongPassword();
    expect(usual.status).toBeLessThan(500);
    const blocker = new Database(path.join(portal.dataDir, 'kb.sqlite'));
    blocker.exec('BEGIN IMMEDIATE');
    let answer;
    try {
      // Signing in with a wrong password records the failure: that write waits for the lock and gives up.
      answer = await wrongPassword();
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    expect(answer.status).toBe(500);
    const requestId = answer.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body).toContain(String(requestId));
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const logged = portal.log.filter((line) => line.includes(String(requestId)) && line.includes('request.failed'));
    expect(logged).toHaveLength(1);
    const access = portal.log.find((line) => line.includes(String(requestId)) && line.includes('"event":"request"'));
    expect(JSON.parse(access!)).toMatchObject({ status: 500, route: '/admin/signin', method: 'POST' });
    expect(JSON.parse(logged[0]!)).toMatchObject({ level: 'error', event: 'request.failed', requestId, route: '/admin/signin' });
    expect(logged[0]).not.toContain('nobody@kestrel-home.example');

    expect((await send(`${portal.url}/healthz`)).status).toBe(200);
    expect((await wrongPassword()).status).toBe(usual.status);
  });
});
