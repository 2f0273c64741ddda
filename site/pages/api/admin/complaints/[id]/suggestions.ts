import type { APIRoute } from 'astro';
import { json } from '@core/http/responses.ts';

/**
 * GET /api/admin/complaints/<number or reference>/suggestions: the best reply templates and articles for
 * the complaint, best first, with its values filled in. 404 when missing or outside the person's scope.
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const found = await locals.app.feedback.handling.suggestions(locals.member, params.id);
  if (!found) return json({ error: 'No such complaint.' }, 404);
  return json({
    suggestions: found.suggestions.map((s) => ({ kind: s.kind, id: s.id, translationKey: s.translationKey, title: s.title, locale: s.locale, text: s.text, url: s.url, fallback: s.fallback, missing: s.missing })),
    ...(found.available ? {} : { unavailable: true }),
  });
};
