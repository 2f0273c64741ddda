import { timingSafeEqual } from 'node:crypto';
import type { APIRoute } from 'astro';
import { registry, watchApp } from '../lib/metrics.ts';

function bearerMatches(header: string | null, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus metrics for a scraper holding KB_METRICS_TOKEN; without the setting there is no such page. */
export const GET: APIRoute = async ({ locals, request }) => {
  const token = locals.app.config.KB_METRICS_TOKEN;
  if (!token) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!bearerMatches(request.headers.get('Authorization'), token)) {
    return new Response('A bearer token is required.', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer', 'Cache-Control': 'no-store' } });
  }
  watchApp(locals.app);
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
};
