/** A request body past the limit its route accepts; routes answer 413 naming the limit. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/**
 * `scripts/start.mjs` feeds every request body to the app through a counter that fails the body's stream
 * with an error carrying this code (and the limit) once the body passes the portal-wide limit, which the
 * app publishes on `globalThis` under `maxBodyBytesKey` when it starts. Both names are repeated in
 * start.mjs (plain JavaScript, copied alone by the benchmarks); tests/core/body-limit.test.ts checks them.
 */
export const bodyTooLargeCode = 'KB_BODY_TOO_LARGE';
export const maxBodyBytesKey = Symbol.for('kb.maxBodyBytes');

export function publishMaxBodyBytes(limit: number): void {
  (globalThis as Record<symbol, unknown>)[maxBodyBytesKey] = limit;
}

/** A body refused by a route's own limit or by the portal-wide one, however the route read it. */
export function bodyTooLargeLimit(error: unknown): number | undefined {
  if (error instanceof BodyTooLarge) return error.limit;
  const e = error as { code?: unknown; limit?: unknown } | null;
  if (e && typeof e === 'object' && e.code === bodyTooLargeCode && typeof e.limit === 'number') return e.limit;
  return undefined;
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (error) {
    const limit = bodyTooLargeLimit(error);
    throw limit === undefined ? error : new BodyTooLarge(limit);
  }
}

/** Reads a request body, refusing (before and while reading) anything past `limit` bytes. */
export async function readBodyLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new BodyTooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await readChunk(reader);
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned (teed) body settles only when the other is cancelled too.
      reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(limit);
    }
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** A form's fields as plain strings: the first value of each name, files ignored. */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === 'string' && !(name in out)) out[name] = value;
  return out;
}

/** Parses form bytes (urlencoded or multipart); null when they are not a form of that type. */
export async function parseForm(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}
