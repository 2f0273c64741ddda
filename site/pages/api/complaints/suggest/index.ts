import type { APIRoute } from 'astro';
import { z } from 'zod';
import { publicViewer } from '@core/content/article.ts';
import { locales } from '@core/i18n/locales.ts';
import { suggestionSessionPattern } from '@feedback/complaints/validation.ts';
import { maxSuggestions } from '@feedback/suggestions/query.ts';
import { maxQueryLength } from '@search/query-schema.ts';
import { searchArticles } from '@search/service.ts';
import { json, validationError } from '@core/http/responses.ts';
import { suggestionLink } from '@site/components/complaints/suggestion-link.ts';

const params = z.object({
  q: z.string().trim().min(2, 'q must be at least 2 characters').max(maxQueryLength, `q must be at most ${maxQueryLength} characters`),
  locale: z.enum(locales),
  s: z.string().regex(suggestionSessionPattern, 's must be 16 to 64 letters, digits, - or _').optional(),
});

/**
 * GET /api/complaints/suggest?q=&locale=&s=: up to 5 public articles for what the customer is typing on
 * the complaint form. Always searches as an anonymous visitor, whoever asks. `s` is the form's random
 * id, counted for the deflection rate (no text is stored).
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const parsed = params.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const { q, locale, s } = parsed.data;
  try {
    const result = await searchArticles(locals.app.search.engine, { q, locale, page: 1, limit: maxSuggestions }, publicViewer);
    const hits = result.hits.slice(0, maxSuggestions).map((h) => ({ id: h.id, title: h.title, href: suggestionLink(h.id, s) }));
    if (s) locals.app.feedback.deflection.shown(s, locale, hits.length);
    return json({ hits });
  } catch (error) {
    console.error('[complaints] suggestions failed:', error instanceof Error ? error.message : error);
    // The form works without suggestions.
    return json({ hits: [], unavailable: true });
  }
};
