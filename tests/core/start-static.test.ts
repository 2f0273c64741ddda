import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScript, type StartScript } from './start-script.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The real start script in front of a stand-in for the built app, which answers `app <path>` and, once it
 * has answered, publishes a cached-page function (as site/lib/fast-page.ts does) for /cached only.
 */
describe('scripts/start.mjs routing', () => {
  let server: StartScript;
  let tmp: string;
  let port: number;
  const script = 'x'.repeat(4000);

  beforeAll(async () => {
    server = await startScript(
      `export const options = { assets: '_astro' };
      export const handler = (req, res) => {
        globalThis[Symbol.for('kb.cachedPage')] = (r, s) => {
          if (r.url !== '/cached') return false;
          s.setHeader('content-type', 'text/html');
          s.end('fast ' + '-'.repeat(2000));
          return true;
        };
        res.setHeader('content-type', 'text/plain');
        res.end('app ' + req.url);
      };\n`,
      {
        '_astro/island.abc123.js': script,
        'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
        'guide/index.html': '<p>guide</p>',
        '.secret': 'hidden',
      },
    );
    ({ port, dir: tmp } = server);
  }, 60_000);

  afterAll(() => server?.stop());

  it('serves the files the build wrote, build assets cacheable for good and compressed', async () => {
    const asset = await request(port, '/_astro/island.abc123.js', { 'accept-encoding': 'gzip' });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers.etag).toBeTruthy();
    const favicon = await request(port, '/favicon.svg');
    expect(favicon).toMatchObject({ status: 200, body: '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    expect(favicon.headers['cache-control']).not.toContain('immutable');
    expect((await request(port, '/guide')).body).toBe('<p>guide</p>');
    expect((await request(port, '/favicon.svg', {}, 'HEAD')).status).toBe(200);
  });

  it('hands every other path to the app, including a file written after start and dot-files', async () => {
    fs.writeFileSync(path.join(tmp, 'dist/client/late.txt'), 'late');
    expect((await request(port, '/late.txt')).body).toBe('app /late.txt');
    expect((await request(port, '/.secret')).body).toBe('app /.secret');
    expect((await request(port, '/en/articles/some-article?x=1')).body).toBe('app /en/articles/some-article?x=1');
    expect((await request(port, '/favicon.svg', {}, 'POST')).body).toBe('app /favicon.svg');
  });

  it('answers a path that cannot be decoded with 400', async () => {
    expect((await request(port, '/%E0%A4%A')).status).toBe(400);
  });

  it('lets the app answer a cached page before its own handler, compressed like any page', async () => {
    await request(port, '/warm-up');
    const cached = await request(port, '/cached', { 'accept-encoding': 'gzip' });
    expect(cached.status).toBe(200);
    expect(cached.headers['content-encoding']).toBe('gzip');
    expect((await request(port, '/not-cached')).body).toBe('app /not-cached');
  });
});
