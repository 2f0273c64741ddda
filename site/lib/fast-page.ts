import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionCookieName } from '@admin/auth/cookies.ts';
import { logEvent } from '@core/log/log.ts';
import type { App } from './app.ts';
import { articleRoute } from './cached-article-page.ts';
import { isFresh, setValidators, sinceFirstServed, stripForNotModified } from './conditional-get.ts';
import { observeRequest } from './metrics.ts';
import type { CachedPage } from './page-cache.ts';
import { addSecurityHeaders } from './security-headers.ts';

/** Where scripts/start.mjs looks for this function (repeated there: that file stays self-contained). */
const cachedPageKey = Symbol.for('kb.cachedPage');

interface Finished {
  /** Headers of a 200 and of a 304, as name and value pairs. */
  whole: Array<[string, string]>;
  notModified: Array<[string, string]>;
  lastModified: number;
}

/** What the middleware would add to a cached page, worked out once per page version. */
const finished = new WeakMap<CachedPage, Finished>();

function finish(page: CachedPage): Finished {
  let done = finished.get(page);
  if (!done) {
    const headers = new Headers(page.headers);
    headers.set('X-Page-Cache', 'hit');
    const lastModified = sinceFirstServed(page.etag);
    setValidators(headers, page.etag, lastModified);
    addSecurityHeaders(headers);
    const whole = [...headers];
    stripForNotModified(headers);
    done = { whole, notModified: [...headers], lastModified };
    finished.set(page, done);
  }
  return done;
}

/**
 * Answers an anonymous article page from the page cache straight from the Node request, before Astro
 * builds its Request and runs the middleware: the same headers, validators (ETag, 304) and security
 * headers as the middleware gives a cache hit, the view counted, the request logged and measured.
 * Anything it is not sure of (not a plain GET, a query, a staff session cookie, a page not cached) is
 * left to Astro, which decides as before; only pages the middleware stored as shared are ever here.
 */
export function answerFromCache(app: App, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url;
  if (req.method !== 'GET' || !url || url.includes('?') || !url.includes('/articles/')) return false;
  if (req.headers.cookie?.includes(sessionCookieName)) return false;
  const started = performance.now();
  const page = app.pages.get(new URL(url, 'http://localhost').pathname);
  if (!page) return false;
  app.popularity.recordView(page.articleId);
  const done = finish(page);
  const fresh = isFresh((name) => req.headers[name] as string | undefined, page.etag, done.lastModified);
  const requestId = randomUUID();
  res.statusCode = fresh ? 304 : 200;
  for (const [name, value] of fresh ? done.notModified : done.whole) res.setHeader(name, value);
  res.setHeader('x-request-id', requestId);
  res.end(fresh ? undefined : page.body);
  const ms = performance.now() - started;
  logEvent('info', 'request', { requestId, method: 'GET', route: articleRoute, status: res.statusCode, ms: Math.round(ms) });
  observeRequest(articleRoute, 'GET', res.statusCode, ms / 1000, false);
  return true;
}

/** Lets scripts/start.mjs answer cached pages before Astro (docs/decisions/0111). */
export function publishCachedPages(app: () => App): void {
  (globalThis as Record<symbol, unknown>)[cachedPageKey] = (req: IncomingMessage, res: ServerResponse) => answerFromCache(app(), req, res);
}
