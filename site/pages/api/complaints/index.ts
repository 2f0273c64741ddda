import type { APIRoute } from 'astro';
import { complaintLimits, describeProblem } from '@feedback/complaints/validation.ts';
import { trackingPath } from '@feedback/complaints/tokens.ts';
import { clientAddress } from '@core/http/client-address.ts';
import { BodyTooLarge, readBodyLimited } from '@core/http/limited-body.ts';
import { honeypotField, takeComplaint } from '@feedback/intake/intake.ts';
import { json } from '@core/http/responses.ts';

/**
 * POST /api/complaints: a complaint as JSON. `Idempotency-Key` (header, or `idempotencyKey` in the body)
 * makes retries safe: the same key and content answer 200 with the same reference instead of 201.
 */
export const POST: APIRoute = async (context) => {
  const { request, locals } = context;
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return json({ error: 'Send the complaint as JSON (Content-Type: application/json).' }, 415);
  let raw: unknown;
  try {
    const bytes = await readBodyLimited(request, complaintLimits.bodyBytes);
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    if (error instanceof BodyTooLarge) return json({ error: `The request body is too large: at most ${complaintLimits.bodyBytes} bytes.`, limit: complaintLimits.bodyBytes }, 413);
    return json({ error: 'The request body is not valid JSON.' }, 400);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return json({ error: 'The request body must be a JSON object.' }, 400);
  const body = { ...(raw as Record<string, unknown>) };
  const headerKey = request.headers.get('idempotency-key');
  if (headerKey && body.idempotencyKey === undefined) body.idempotencyKey = headerKey;

  const outcome = await takeComplaint(locals.app.feedback, body, { channel: 'api', clientAddress: clientAddress(context, locals.app.config) });
  switch (outcome.status) {
    case 'created':
    case 'replayed': {
      const trackingUrl = `${locals.app.config.siteUrl}${trackingPath(outcome.token)}`;
      return json({ reference: outcome.reference, status: 'new', trackingUrl, replayed: outcome.status === 'replayed' }, outcome.status === 'created' ? 201 : 200, {
        ...(outcome.status === 'replayed' ? { 'Idempotent-Replayed': 'true' } : {}),
      });
    }
    case 'invalid': {
      const issues = outcome.problems.map((p) => ({ field: p.field, code: p.code, ...(p.limit !== undefined ? { limit: p.limit } : {}), message: describeProblem(p) }));
      return json({ error: issues.map((i) => i.message).join('; '), issues }, 400);
    }
    case 'honeypot':
      return json({ error: `Rejected as automated: the field "${honeypotField}" must be left empty.` }, 400);
    case 'rate-limited':
      return json(
        { error: `Too many complaints from this address: at most ${locals.app.feedback.limiter.perMinute} a minute. Try again in ${outcome.retryAfterSeconds} s.`, retryAfterSeconds: outcome.retryAfterSeconds },
        429,
        { 'Retry-After': String(outcome.retryAfterSeconds) },
      );
    case 'conflict':
      return json({ error: 'This idempotency key was already used for a different complaint. Use a new key for a new complaint.' }, 409);
    default:
      return json({ error: outcome.message }, 500);
  }
};

export const GET: APIRoute = () => json({ error: 'Use POST to send a complaint.' }, 405, { Allow: 'POST' });
