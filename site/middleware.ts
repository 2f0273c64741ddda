import { randomUUID } from 'node:crypto';
import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { authenticate, privateCaching } from '@admin/auth/request.ts';
import { publicViewer } from '@core/content/article.ts';
import { logEvent } from '@core/log/log.ts';
import { app } from './lib/app.ts';
import { throughPageCache } from './lib/cached-article-page.ts';
import { withValidators } from './lib/conditional-get.ts';
import { publishCachedPages } from './lib/fast-page.ts';
import { failureResponse } from './lib/failure.ts';
import { observeRequest } from './lib/metrics.ts';
import { addSecurityHeaders } from './lib/security-headers.ts';

async function handle(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const current = app();
  await current.ready;
  context.locals.app = current;
  context.locals.viewer = publicViewer;
  // Session, staff viewer, CSRF token; answers itself for anonymous staff-area requests and bad tokens.
  const response = (await authenticate(context, current.admin)) ?? (await throughPageCache(context, next));
  privateCaching(context, response);
  return withValidators(context, response);
}

publishCachedPages(app);

export const onRequest = defineMiddleware(async (context, next) => {
  const requestId = randomUUID();
  const started = performance.now();
  let response: Response;
  let threw = false;
  try {
    response = await handle(context, next);
  } catch (error) {
    response = failureResponse(error, context.url.pathname, context.routePattern, requestId);
    threw = response.status === 500;
  }
  response.headers.set('X-Request-Id', requestId);
  // The route pattern, never the path or query: those can hold tracking tokens and what people typed.
  const ms = performance.now() - started;
  logEvent('info', 'request', { requestId, method: context.request.method, route: context.routePattern, status: response.status, ms: Math.round(ms) });
  observeRequest(context.routePattern, context.request.method, response.status, ms / 1000, threw);
  addSecurityHeaders(response.headers);
  return response;
});
