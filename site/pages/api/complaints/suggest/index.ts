import type { APIRoute } from 'astro';
import { z } from 'zod';
import { locales } from '@core/i18n/locales.ts';
import { suggestionSessionPattern } from '@feedback/complaints/validation.ts';
import { maxQueryLength } from '@search/query-schema.ts';
import { json, validationError } from '@core/http/responses.ts';
import { complaintSuggestions } from '@site/lib/complaint-suggestions.ts';

const params = z.object({
  q: z.string().trim().min(2, 'q must be at least 2 characters').max(maxQueryLength, `q must be at most ${maxQueryLength} characters`),
  locale: z.enum(locales),
  s: z.string().regex(suggestionSessionPattern, 's must be 16 to 64 letters, digits, - or _').optional(),
  product: z.string().max(40, 'product must be at most 40 characters').optional(),
});

/**
 * GET /api/complaints/suggest?q=&locale=&s=&product=: up to 5 public articles for what the customer is
 * typing on the complaint form, weighted by the chosen product, with English ones (marked by `lang`)
 * when the locale has too few. Always searches as an anonymous visitor, whoever asks. `s` is the form's random
 * id, counted for the deflection rate (no text is stored).
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const parsed = params.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const { q, locale, s, product } = parsed.data;
  try {
    const hits = await complaintSuggestions(locals.app.search.engine, q, locale, product, s);
    if (s) locals.app.feedback.deflection.shown(s, locale, hits.length);
    return json({ hits });
  } catch (error) {
    console.error('[complaints] suggestions failed:', error instanceof Error ? error.message : error);
    // The form works without suggestions.
    return json({ hits: [], unavailable: true });
  }
};
