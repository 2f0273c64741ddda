import type { ZodError } from 'zod';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** 400 naming each field and what is wrong with it. */
export function validationError(error: ZodError): Response {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || undefined, message: i.message }));
  return json({ error: issues.map((i) => i.message).join('; '), issues }, 400);
}

/** The plain 404 staff pages answer for what is missing or outside the person's scope, alike. */
export function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
