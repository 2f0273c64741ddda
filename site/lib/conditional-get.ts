import { createHash } from 'node:crypto';
import type { APIContext } from 'astro';

/** When each page version (by its ETag) was first served: its Last-Modified. Bounded, oldest forgotten first. */
const firstServed = new Map<string, number>();
const rememberedVersions = 5000;

/** A page version's weak ETag: a hash of its HTML (weak because compression changes the bytes on the wire). */
export function etagOf(body: Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

export function sinceFirstServed(etag: string): number {
  let at = firstServed.get(etag);
  if (at === undefined) {
    // HTTP dates have whole seconds.
    at = Math.floor(Date.now() / 1000) * 1000;
    firstServed.set(etag, at);
    if (firstServed.size > rememberedVersions) firstServed.delete(firstServed.keys().next().value!);
  }
  return at;
}

function cacheable(context: APIContext, response: Response): boolean {
  if (!['GET', 'HEAD'].includes(context.request.method) || response.status !== 200 || !response.body) return false;
  if (context.locals.staff || response.headers.has('Set-Cookie') || response.headers.has('ETag')) return false;
  if (/no-store|private/.test(response.headers.get('Cache-Control') ?? '')) return false;
  // A page that set a cookie (a form's CSRF token) is someone's own.
  if (!context.cookies.headers().next().done) return false;
  return /^(text\/html|application\/xml)/.test(response.headers.get('Content-Type') ?? '');
}

/**
 * Public pages get a weak ETag (a hash of the HTML: weak because compression changes the bytes on the
 * wire) and a Last-Modified (when that exact page was first served by this process); a request that
 * already has that version gets 304 without a body.
 */
export async function withValidators(context: APIContext, response: Response): Promise<Response> {
  if (!cacheable(context, response)) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const etag = etagOf(body);
  const lastModified = sinceFirstServed(etag);
  const headers = new Headers(response.headers);
  setValidators(headers, etag, lastModified);
  if (isFresh((name) => context.request.headers.get(name), etag, lastModified)) {
    stripForNotModified(headers);
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

/** The validators and caching rules of a public page. */
export function setValidators(headers: Headers, etag: string, lastModified: number): void {
  headers.set('ETag', etag);
  headers.set('Last-Modified', new Date(lastModified).toUTCString());
  // Revalidated on every visit, never reused as it is: the same address shows staff more once they sign in.
  headers.set('Cache-Control', 'no-cache');
  headers.append('Vary', 'Cookie');
}

/** Whether the request already has this version (If-None-Match, else If-Modified-Since). */
export function isFresh(requestHeader: (name: string) => string | null | undefined, etag: string, lastModified: number): boolean {
  const ifNoneMatch = requestHeader('if-none-match');
  if (ifNoneMatch !== null && ifNoneMatch !== undefined) return ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*');
  return Date.parse(requestHeader('if-modified-since') ?? '') >= lastModified;
}

/** A 304 carries the validators but describes no body. */
export function stripForNotModified(headers: Headers): void {
  for (const name of ['Content-Type', 'Content-Length']) headers.delete(name);
}
