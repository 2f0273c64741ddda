import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startPortal, type Portal } from './portal.ts';

let portal: Portal;
const metricsToken = 'fault-suite-metrics-token';

beforeAll(async () => {
  portal = await startPortal({ env: { KB_METRICS_TOKEN: metricsToken } });
}, 200_000);

afterAll(async () => {
  await portal?.stop();
  if (portal) await removeDir(portal.dataDir);
});

/** Raw bytes as they came over the wire (Node's client does not decompress). */
function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const articleUrl = () => `${portal.url}/en/articles/claims-what-is-covered`;

describe('delivery: compression and conditional requests on the built portal', () => {
  it('an article page and its scripts and styles come compressed with brotli or gzip', async () => {
    const br = await raw(articleUrl(), { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    const html = zlib.brotliDecompressSync(br.bytes).toString('utf8');
    expect(html).toContain('<html');
    const gz = await raw(articleUrl(), { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.bytes).toString('utf8')).toBe(html);

    const assets = [...html.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const answer = await raw(`${portal.url}${asset}`, { 'accept-encoding': 'gzip, br' });
      expect(answer.status).toBe(200);
      if (answer.bytes.length > 0 && answer.headers['content-encoding'] === undefined) expect(Number(answer.headers['content-length'] ?? 0)).toBeLessThan(1024);
      else expect(answer.headers['content-encoding']).toBe('br');
    }
  });

  it('a public page carries an ETag and a Last-Modified, and a request that has that version gets 304 without a body', async () => {
    const first = await raw(articleUrl());
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['last-modified']).toBeDefined();
    const again = await raw(articleUrl(), { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers['x-content-type-options']).toBe('nosniff');
    const since = await raw(articleUrl(), { 'if-modified-since': String(first.headers['last-modified']) });
    expect(since.status).toBe(304);
    expect((await raw(articleUrl(), { 'if-none-match': 'W/"another-version"' })).status).toBe(200);
  });

  it('/metrics needs the configured token and counts requests by route, unhandled errors and the outbox', async () => {
    expect((await raw(`${portal.url}/metrics`)).status).toBe(401);
    expect((await raw(`${portal.url}/metrics`, { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
    await raw(articleUrl());
    const answer = await raw(`${portal.url}/metrics`, { authorization: `Bearer ${metricsToken}` });
    expect(answer.status).toBe(200);
    const text = answer.bytes.toString('utf8');
    expect(text).toMatch(/kb_http_requests_total\{route="\/\[locale\]\/articles\/\[slug\]",method="GET",status="200"\} \d+/);
    expect(text).toContain('kb_http_request_duration_seconds_bucket');
    expect(text).toMatch(/kb_outbox_messages\{state="pending"\} \d+/);
    expect(text).toMatch(/kb_search_documents \d+/);
  });
});
