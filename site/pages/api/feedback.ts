import type { APIRoute } from 'astro';
import { articleUrl, publicViewer } from '@core/content/article.ts';
import { clientAddress } from '@core/http/client-address.ts';
import { BodyTooLarge, formFields, parseForm, readBodyLimited } from '@core/http/limited-body.ts';
import { json } from '@core/http/responses.ts';
import { isLocale } from '@core/i18n/locales.ts';
import { articleFeedbackLimits } from '@feedback/articles/article-feedback.ts';

const plain = (text: string, status: number, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });

/**
 * POST /api/feedback: "Was this helpful?" on a public article, as JSON (`{ articleId, helpful, reason?,
 * comment? }`, answered with JSON) or as the article page's form (answered with a redirect back to the
 * article: the reasons after a "no", thanks otherwise). Bad or oversize input is a 400 or 413 naming the
 * field; a client over its budget gets 429.
 */
export const POST: APIRoute = async (context) => {
  const { request, locals } = context;
  const type = request.headers.get('content-type') ?? '';
  const isJson = /^application\/json\b/i.test(type);
  const fail = (message: string, status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    isJson ? json({ error: message, ...extra }, status, headers) : plain(message, status, headers);
  let input: unknown;
  try {
    const bytes = await readBodyLimited(request, articleFeedbackLimits.bodyBytes);
    if (isJson) input = JSON.parse(new TextDecoder().decode(bytes));
    else {
      const form = await parseForm(bytes, type);
      if (!form) return fail('Send the vote as JSON or as a form.', 415);
      input = formFields(form);
    }
  } catch (error) {
    if (error instanceof BodyTooLarge) return fail(`The request body is too large: at most ${articleFeedbackLimits.bodyBytes} bytes.`, 413, { limit: articleFeedbackLimits.bodyBytes });
    return fail('The request body is not valid JSON.', 400);
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) return fail('The request body must be a JSON object.', 400);

  const feedback = locals.app.feedback;
  const address = clientAddress(context, locals.app.config);
  const allowed = await feedback.voteLimiter.consume(address);
  if (!allowed.ok) return fail(`Too many votes from this address: try again in ${allowed.retryAfterSeconds} s.`, 429, { retryAfterSeconds: allowed.retryAfterSeconds }, { 'Retry-After': String(allowed.retryAfterSeconds) });

  const findPublic = (id: string) => {
    const [locale, slug] = id.split('/');
    return locale && slug && isLocale(locale) ? locals.app.content.get(locale, slug, publicViewer) : undefined;
  };
  const outcome = feedback.articleFeedback.vote(input, address, findPublic);
  if (!outcome.ok) return fail(Object.values(outcome.errors).join(' '), outcome.status, { errors: outcome.errors });
  if (isJson) return json({ ok: true, articleId: outcome.articleId, helpful: outcome.helpful });
  const asked = 'reason' in (input as Record<string, unknown>) && (input as Record<string, unknown>).reason;
  const next = outcome.helpful || asked ? 'thanks' : 'why';
  return new Response(null, { status: 303, headers: { Location: `${articleUrl(findPublic(outcome.articleId)!)}?feedback=${next}#article-feedback`, 'Cache-Control': 'no-store' } });
};

export const GET: APIRoute = () => json({ error: 'Use POST to send a vote.' }, 405, { Allow: 'POST' });
