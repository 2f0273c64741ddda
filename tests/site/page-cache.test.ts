import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIContext, MiddlewareNext } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicViewer, type Viewer } from '@core/content/article.ts';
import { ContentStore } from '@core/content/store.ts';
import { throughPageCache } from '@site/lib/cached-article-page.ts';
import { PageCache, type CachedPage } from '@site/lib/page-cache.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/content');
const goodFile = 'en/faq/good-article.mdx';
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup(maxBytes = 1024 * 1024) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-page-cache-'));
  temps.push(dir);
  fs.cpSync(fixtures, dir, { recursive: true });
  const content = new ContentStore(dir).loadAll();
  const pages = new PageCache(maxBytes, content);
  const views: string[] = [];
  const app = { content, pages, popularity: { recordView: (id: string) => views.push(id) } };
  /** Stands in for the article page: shows what this viewer may read, as the real page does. */
  const render = vi.fn(async (context: APIContext): Promise<Response> => {
    const { locale, slug } = context.params as { locale: 'en'; slug: string };
    const article = content.get(locale, slug, context.locals.viewer);
    if (!article) return new Response(null, { status: 404 });
    views.push(article.id);
    const staffPart = context.locals.staff ? '<a href="/admin">Staff area</a>' : '';
    return new Response(`<h1>${article.meta.title}</h1>${staffPart}`, { status: 200, headers: { 'Content-Type': 'text/html' } });
  });
  const request = async (urlPath: string, who: { viewer: Viewer; staff?: object } = { viewer: publicViewer }, page: (context: APIContext) => Promise<Response> = render) => {
    const url = new URL(`http://localhost${urlPath}`);
    const [, locale, , slug] = url.pathname.split('/');
    const context = {
      request: new Request(url),
      url,
      routePattern: '/[locale]/articles/[slug]',
      params: { locale, slug },
      locals: { app, viewer: who.viewer, staff: who.staff ?? null },
      cookies: { headers: () => [][Symbol.iterator]() },
    } as unknown as APIContext;
    const response = await throughPageCache(context, (() => page(context)) as MiddlewareNext);
    return { status: response.status, state: response.headers.get('X-Page-Cache'), html: await response.text() };
  };
  return { dir, content, pages, views, render, request };
}

const staff = { viewer: { kind: 'staff' } as Viewer, staff: { id: 1, role: 'admin' } };

describe('page cache for anonymous article pages', () => {
  it('serves the second anonymous view from the cache, still counting it, and shows a change right after it', async () => {
    const { dir, content, views, render, request } = setup();
    expect(await request('/en/articles/good-article')).toMatchObject({ state: 'miss', html: '<h1>How long is the warranty?</h1>' });
    expect(await request('/en/articles/good-article')).toMatchObject({ state: 'hit', html: '<h1>How long is the warranty?</h1>' });
    expect(render).toHaveBeenCalledTimes(1);
    expect(views).toEqual(['en/good-article', 'en/good-article']);

    const file = path.join(dir, goodFile);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('How long is the warranty?', 'Changed title'));
    content.reloadFile(goodFile);
    expect(await request('/en/articles/good-article')).toMatchObject({ state: 'miss', html: '<h1>Changed title</h1>' });
  });

  it('never serves a staff view from the public cache, nor keeps a staff view in it', async () => {
    const { render, request, pages } = setup();
    await request('/en/articles/good-article');
    const staffView = await request('/en/articles/good-article', staff);
    expect(staffView.state).toBeNull();
    expect(staffView.html).toContain('Staff area');
    expect(render).toHaveBeenCalledTimes(2);
    expect(pages.size).toBe(1);
    expect((await request('/en/articles/good-article')).html).not.toContain('Staff area');
  });

  it('never lets an internal article into the cache, even if a page showed it to an anonymous visitor', async () => {
    const { request, pages } = setup();
    expect((await request('/en/articles/internal-guide', staff)).status).toBe(200);
    expect(pages.size).toBe(0);
    const leaking = async () => new Response('<h1>Refund limits for agents</h1>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    expect((await request('/en/articles/internal-guide', { viewer: publicViewer }, leaking)).state).toBeNull();
    expect(pages.size).toBe(0);
    expect((await request('/en/articles/internal-guide')).status).toBe(404);
  });

  it('renders a page with a query (form states such as ?feedback=thanks) every time, and keeps none of it', async () => {
    const { render, request, pages } = setup();
    await request('/en/articles/good-article?feedback=thanks');
    await request('/en/articles/good-article?feedback=thanks');
    expect(render).toHaveBeenCalledTimes(2);
    expect(pages.size).toBe(0);
  });

  it('does not keep a page rendered before a content change that arrived while it rendered', async () => {
    const { dir, content, request, pages, render } = setup();
    const changeWhileRendering = async (context: APIContext) => {
      const response = await render(context);
      fs.writeFileSync(path.join(dir, goodFile), fs.readFileSync(path.join(dir, goodFile), 'utf8').replace('How long is the warranty?', 'Changed meanwhile'));
      content.reloadFile(goodFile);
      return response;
    };
    await request('/en/articles/good-article', { viewer: publicViewer }, changeWhileRendering);
    expect(pages.size).toBe(0);
    expect((await request('/en/articles/good-article')).html).toBe('<h1>Changed meanwhile</h1>');
  });

  it('keeps within its byte cap, forgetting the least recently used page first', () => {
    const content = new ContentStore(fixtures);
    const pages = new PageCache(10_000, content);
    const page = (bytes: number): CachedPage => ({ body: new Uint8Array(bytes), headers: [], articleId: 'en/x', etag: 'W/"x"' });
    pages.set('/a', page(3000), pages.generation);
    pages.set('/b', page(3000), pages.generation);
    pages.get('/a');
    pages.set('/c', page(3000), pages.generation);
    expect(pages.bytes).toBeLessThanOrEqual(10_000);
    expect(pages.get('/a')).toBeDefined();
    expect(pages.get('/b')).toBeUndefined();
    expect(pages.get('/c')).toBeDefined();
    pages.set('/huge', page(20_000), pages.generation);
    expect(pages.get('/huge')).toBeUndefined();
  });
});
