import { bodyTooLargeLimit, formFields } from '@core/http/limited-body.ts';

/** A form body as plain strings (first value of each name; files ignored); a body past the limit throws (413). */
export async function readForm(request: Request): Promise<Record<string, string>> {
  try {
    return formFields(await request.formData());
  } catch (error) {
    if (bodyTooLargeLimit(error) !== undefined) throw error;
    return {};
  }
}

/** Where to go after sign-in: only paths inside this site's staff area, never another origin. */
export function safeNext(next: string | null | undefined, fallback = '/admin'): string {
  if (!next || next.length > 500) return fallback;
  if (!/^\/(?:admin|api\/admin|[a-z]{2}(?:-[A-Za-z]{4})?)(?:[/?#]|$)/.test(next) || next.startsWith('//') || next.includes('\\')) return fallback;
  return next;
}

export function redirect(location: string, status = 303): Response {
  return new Response(null, { status, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

/** Reads a positive integer query parameter, falling back when absent or malformed. */
export function intParam(value: string | null, fallback: number, max = 1_000_000): number {
  if (!value || !/^\d{1,9}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 && n <= max ? n : fallback;
}
