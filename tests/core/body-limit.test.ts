import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, bodyTooLargeCode, bodyTooLargeLimit, maxBodyBytesKey, readBodyLimited } from '@core/http/limited-body.ts';

const startScript = fs.readFileSync(path.resolve(import.meta.dirname, '../../scripts/start.mjs'), 'utf8');

/** What scripts/start.mjs throws into a body's stream when it passes the portal-wide limit. */
function capError(limit: number): Error {
  return Object.assign(new Error('too large'), { code: bodyTooLargeCode, limit });
}

/** A request whose body stream fails the way start.mjs fails it, after `first` bytes. */
function cutOffRequest(limit: number, first: string, headers: Record<string, string> = {}): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first) controller.enqueue(new TextEncoder().encode(first));
      controller.error(capError(limit));
    },
  });
  return new Request('http://localhost/', { method: 'POST', headers, body, duplex: 'half' } as RequestInit & { duplex: 'half' });
}

describe('the portal-wide body limit', () => {
  it('start.mjs uses the same names as the app', () => {
    expect(startScript).toContain(`Symbol.for('${maxBodyBytesKey.description}')`);
    expect(startScript).toContain(`'${bodyTooLargeCode}'`);
  });

  it('a route reading with its own limit turns the cut-off stream into BodyTooLarge, naming the portal-wide limit', async () => {
    const request = cutOffRequest(4096, 'a=1');
    const error = await readBodyLimited(request, 1_000_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLarge);
    expect(bodyTooLargeLimit(error)).toBe(4096);
  });

  it('recognises the cut-off however the route read the body, and nothing else', async () => {
    const request = cutOffRequest(2048, '', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(bodyTooLargeLimit(await request.formData().catch((e: unknown) => e))).toBe(2048);
    expect(bodyTooLargeLimit(new Error('other'))).toBeUndefined();
  });
});
