import { defineMiddleware } from 'astro:middleware';
import { publicViewer } from '../core/content/article.ts';
import { app } from './lib/app.ts';
import { securityHeaders } from './lib/security-headers.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.app = app();
  context.locals.viewer = publicViewer;
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders)) {
    const existing = response.headers.get(name);
    // Astro's CSP option already sent script and style hashes; add our directives to them.
    if (name === 'Content-Security-Policy' && existing) response.headers.set(name, `${existing.replace(/;\s*$/, '')}; ${value}`);
    else if (!existing) response.headers.set(name, value);
  }
  return response;
});
