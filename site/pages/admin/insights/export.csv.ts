import type { APIRoute } from 'astro';
import { json } from '@core/http/responses.ts';
import { complaintsCsv, rowsCsv } from '@feedback/insights/csv.ts';

/**
 * GET /admin/insights/export.csv?view=category|product|week|complaints and the page's filters: the view
 * as CSV. `complaints` streams every complaint of the period (masked for product people) page by page.
 */
export const GET: APIRoute = ({ url, locals }) => {
  const insights = locals.app.feedback.insights;
  const scope = insights.scope(locals.member);
  if (!scope) return json({ error: 'Your role does not include the permission “insights:read”.' }, 403);
  const view = url.searchParams.get('view') ?? 'complaints';
  const params = new URLSearchParams(url.searchParams);
  params.delete('view');
  if (view !== 'complaints') params.set('by', view);
  const parsed = insights.parse(params);
  if (!parsed.ok) return json({ error: Object.values(parsed.errors).join(' '), errors: parsed.errors }, parsed.status);
  const q = parsed.query;
  const headers = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="complaints-${view}-${q.from}-to-${q.to}.csv"`,
    'Cache-Control': 'no-store',
  };
  if (view === 'complaints') return new Response(complaintsCsv(insights.complaints(scope, q)), { headers });
  return new Response(rowsCsv(insights.rows(scope, q)), { headers });
};
