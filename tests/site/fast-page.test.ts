import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIContext, MiddlewareNext } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentStore } from '@core/content/store.ts';
import type { App } from '@site/lib/app.ts';
import { throughPageCache } from '@site/lib/cached-article-page.ts';
import { etagOf, withValidators } from '@site/lib/conditional-get.ts';
import { answerFromCache } from '@site/lib/fast-page.ts';
import { PageCache } from '@site/lib/page-cache.ts';
import { addSecurityHeaders } from '@site/lib/security-headers.ts';

const articlePath = '/en/articles/good-article';
const html = '<!doctype html><h1>How long is the warranty?</h1>';
const etag = etagOf(new TextEncoder().encode(html));
const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The app's page cache holding one article page as the middleware keeps it, and a view counter. */
function fakeApp() {
  const content = { on: () => undefined } as unknown as Pick<ContentStore, 'on'>;
  const pages = new PageCache(1024 * 1024, content);
  const views: string[] = [];
  const body = new TextEncoder().encode(html);
  pages.set(articlePath, { body, headers: [['content-type', 'text/html'], ['content-security-policy', "script-src 'sha256-abc'"]], articleId: 'en/good-article', etag }, pages.generation);
  const app = { pages, popularity: { recordView: (id: string) => views.push(id) } } as unknown as App;
  return { app, pages, views };
}

/** A Node server that tries the cached page first and otherwise answers "astro", as scripts/start.mjs does. */
async function serve(app: App): Promise<string> {
  const server = http.createServer((req, res) => {
    if (!answerFromCache(app, req, res)) res.end('astro');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What the Astro middleware sends for the same cache hit: throughPageCache, withValidators, the security headers. */
async function throughMiddleware(app: App, urlPath: string): Promise<Response> {
  const url = new URL(`http://localhost${urlPath}`);
  const context = {
    request: new Request(url),
    url,
    routePattern: '/[locale]/articles/[slug]',
    params: { locale: 'en', slug: 'good-article' },
    locals: { app, viewer: { kind: 'public' }, staff: null },
    cookies: { headers: () => [][Symbol.iterator]() },
  } as unknown as APIContext;
  const response = await withValidators(context, await throughPageCache(context, (() => Promise.reject(new Error('not cached'))) as unknown as MiddlewareNext));
  addSecurityHeaders(response.headers);
  return response;
}

const comparable = (headers: Headers) => [...headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'x-request-id'].includes(name));

describe('cached article pages answered before Astro', () => {
  it('sends what the middleware sends for a cache hit, counts the view and gives each answer its request id', async () => {
    const { app, views } = fakeApp();
    const base = await serve(app);
    const fast = await fetch(base + articlePath);
    expect(fast.status).toBe(200);
    expect(await fast.text()).toBe(html);
    const slow = await throughMiddleware(app, articlePath);
    expect(comparable(fast.headers)).toEqual(comparable(slow.headers));
    expect(fast.headers.get('x-page-cache')).toBe('hit');
    expect(fast.headers.get('etag')).toBe(etag);
    expect(fast.headers.get('cache-control')).toBe('no-cache');
    expect(fast.headers.get('x-frame-options')).toBe('DENY');
    expect(fast.headers.get('content-security-policy')).toBe("script-src 'sha256-abc'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
    expect(fast.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const again = await fetch(base + articlePath);
    expect(again.headers.get('x-request-id')).not.toBe(fast.headers.get('x-request-id'));
    expect(views).toEqual(['en/good-article', 'en/good-article', 'en/good-article']);
  });

  it('answers 304 without a body to a visitor who has this version, as the middleware does', async () => {
    const { app } = fakeApp();
    const base = await serve(app);
    const response = await fetch(base + articlePath, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('content-type')).toBeNull();
    expect(response.headers.get('etag')).toBe(etag);
    const other = await fetch(base + articlePath, { headers: { 'If-None-Match': 'W/"old"' } });
    expect(other.status).toBe(200);
  });

  it('leaves to Astro a staff session, a query, other methods and pages not cached', async () => {
    const { app, views } = fakeApp();
    const base = await serve(app);
    expect(await (await fetch(base + articlePath, { headers: { Cookie: 'kb_session=abc' } })).text()).toBe('astro');
    expect(await (await fetch(`${base}${articlePath}?feedback=thanks`)).text()).toBe('astro');
    expect(await (await fetch(base + articlePath, { method: 'POST', body: 'x' })).text()).toBe('astro');
    expect((await fetch(base + articlePath, { method: 'HEAD' })).headers.get('x-page-cache')).toBeNull();
    expect(await (await fetch(`${base}/en/articles/other-article`)).text()).toBe('astro');
    expect(views).toEqual([]);
  });

  it('stops answering a page as soon as a content change empties the cache', async () => {
    const { app, pages } = fakeApp();
    const base = await serve(app);
    expect((await fetch(base + articlePath)).headers.get('x-page-cache')).toBe('hit');
    pages.clear();
    expect(await (await fetch(base + articlePath)).text()).toBe('astro');
  });
});
