import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryOf } from '@tests/bench/server.ts';
import { sampleComplaint } from '@tests/fixtures/sample-complaint.ts';
import { anonymousToken, removeDir, send, startPortal, type Portal } from './portal.ts';

const limit = 1024 * 1024;
let portal: Portal;

beforeAll(async () => {
  portal = await startPortal({ env: { KB_MAX_BODY_BYTES: String(limit), ATTACHMENT_MAX_FILES: '0', COMPLAINT_RATE_LIMIT: '1000' } });
}, 200_000);

afterAll(async () => {
  await portal?.stop();
  if (portal) await removeDir(portal.dataDir);
});

function* megabytes(count: number): Generator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  for (let i = 0; i < count; i++) yield chunk;
}

function complaintsWritten(): string[] {
  const db = new Database(path.join(portal.dataDir, 'kb.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT reference FROM complaints ORDER BY reference').pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function fileComplaint(subject: string): Promise<string> {
  const answer = await send(`${portal.url}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    chunks: [Buffer.from(JSON.stringify({ ...sampleComplaint, subject }))],
  });
  expect(answer.status).toBe(201);
  return (JSON.parse(answer.body) as { reference: string }).reference;
}

describe('fault: oversized and slow request bodies', () => {
  it('a 96 MB form with the CSRF token in the x-csrf-token header is cut off at the limit while it is read: 413', async () => {
    const { token, cookie } = await anonymousToken(portal.url);
    const before = memoryOf(portal.pid);
    const answer = await send(`${portal.url}/admin/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token, cookie, origin: portal.url },
      chunks: megabytes(96),
    });
    // The 413 as a rule; a client still sending when the server closes may see a reset first, but either
    // way the server stopped taking the body long before its end.
    if (!answer.reset) {
      expect(answer.status).toBe(413);
      expect(answer.body).toContain(`larger than the ${limit} bytes`);
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(answer.sentBytes).toBeLessThan(96 * 1024 * 1024);
    const after = memoryOf(portal.pid);
    if (before && after) expect(after.peakMB - before.rssMB).toBeLessThan(64);
    expect((await send(`${portal.url}/healthz`)).status).toBe(200);
  });

  it('a body that declares more than the limit is refused before it is sent', async () => {
    const answer = await send(`${portal.url}/admin/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(200 * 1024 * 1024), origin: portal.url },
      chunks: [Buffer.from('email=a')],
    });
    expect(answer.status).toBe(413);
  });

  it('a body that stops half-way holds one connection only: other visitors are served and a complaint filed meanwhile is kept', async () => {
    const body = Buffer.from(JSON.stringify({ ...sampleComplaint, subject: 'Sent in two halves' }));
    let sendRest!: () => void;
    const rest = new Promise<void>((resolve) => (sendRest = resolve));
    const slow = send(`${portal.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.byteLength) },
      chunks: (async function* () {
        yield body.subarray(0, body.byteLength >> 1);
        await rest;
        yield body.subarray(body.byteLength >> 1);
      })(),
    });
    expect((await send(`${portal.url}/healthz`)).status).toBe(200);
    expect((await send(`${portal.url}/en/`)).status).toBe(200);
    const meanwhile = await fileComplaint('Filed while another body waited half-way');
    sendRest();
    const slowAnswer = await slow;
    expect(slowAnswer.status).toBe(201);
    const written = complaintsWritten();
    expect(written).toContain(meanwhile);
    expect(written).toContain((JSON.parse(slowAnswer.body) as { reference: string }).reference);
  });
});
