import type { APIRoute } from 'astro';
import { json } from '@core/http/responses.ts';

/**
 * GET /api/admin/insights?from=YYYY-MM-DD&to=YYYY-MM-DD&by=category|product|week (and product, category,
 * locale, channel): `{ rows: [{ key, label, count, rise? }], total, from, to, by }` over the complaints
 * the person may see. 400 names the field that cannot be used.
 */
export const GET: APIRoute = ({ url, locals }) => {
  const insights = locals.app.feedback.insights;
  const scope = insights.scope(locals.member);
  if (!scope) return json({ error: 'Your role does not include the permission “insights:read”.' }, 403);
  const parsed = insights.parse(url.searchParams);
  if (!parsed.ok) return json({ error: Object.values(parsed.errors).join(' '), errors: parsed.errors }, parsed.status);
  const { rows, total, query } = insights.rows(scope, parsed.query);
  return json({ rows, total, from: query.from, to: query.to, by: query.by });
};
