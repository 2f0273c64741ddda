import type { APIRoute } from 'astro';
import { clientAddress } from '@core/http/client-address.ts';

/**
 * POST /track/<token>/erase: the customer asks for erasure; a single-use confirmation link goes to the
 * address on record. Answers with a redirect back to the tracking page, which says what happened.
 */
export const POST: APIRoute = async (context) => {
  const { app } = context.locals;
  const { feedback } = app;
  const complaint = feedback.complaints.byToken(context.params.token);
  if (!complaint) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  const back = `/track/${context.params.token}`;
  const allowed = await feedback.replyLimiter.consume(clientAddress(context, app.config));
  if (!allowed.ok) return context.redirect(`${back}?erasure=limited&retry=${allowed.retryAfterSeconds}#your-data`, 303);
  const outcome = feedback.privacy.requestErasure(complaint);
  return context.redirect(`${back}?erasure=${outcome}#your-data`, 303);
};

export const GET: APIRoute = (context) => context.redirect(`/track/${context.params.token}#your-data`, 303);
