import { timingSafeEqual } from 'node:crypto';
import { parseForm, readBodyLimited } from '@core/http/limited-body.ts';

/** Paths whose state-changing requests need a CSRF token. */
export function needsCsrf(method: string, pathname: string): boolean {
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase())) return false;
  return isStaffPath(pathname);
}

export function isStaffPath(pathname: string): boolean {
  return /^\/(?:api\/)?admin(?:\/|$)/.test(pathname);
}

export function tokensMatch(expected: string | undefined, provided: string | undefined | null): boolean {
  if (!expected || !provided) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Largest request body the staff area accepts at all; the article editor has its own 1 MB body limit. */
export const maxStaffRequestBytes = 3 * 1024 * 1024;

/**
 * The token a request carries: the `x-csrf-token` header, else the `_csrf` field of a form body.
 * Reads a clone, so the route can still read the body.
 */
export async function providedCsrfToken(request: Request): Promise<string | null> {
  const header = request.headers.get('x-csrf-token');
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null;
  const form = await parseForm(await readBodyLimited(request.clone(), maxStaffRequestBytes), type);
  const value = form?.get('_csrf');
  return typeof value === 'string' ? value : null;
}
