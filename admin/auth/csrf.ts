import { timingSafeEqual } from 'node:crypto';

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

export class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes of a request body, throwing BodyTooLarge beyond that. */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new BodyTooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned (teed) body settles only when the other is cancelled too.
      reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * The token a request carries: the `x-csrf-token` header, else the `_csrf` field of a form body.
 * Reads a clone, so the route can still read the body.
 */
export async function providedCsrfToken(request: Request): Promise<string | null> {
  const header = request.headers.get('x-csrf-token');
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null;
  const bytes = await readLimited(request.clone(), maxStaffRequestBytes);
  try {
    const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
    const value = form.get('_csrf');
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
