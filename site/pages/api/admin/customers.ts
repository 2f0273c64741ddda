import type { APIRoute } from 'astro';
import { json } from '@core/http/responses.ts';

/**
 * GET /api/admin/customers?q=<email, phone, name or reference>: the customers the signed-in person may
 * see, with their complaints, masked for roles that see masked data.
 */
export const GET: APIRoute = ({ url, locals }) => {
  const q = url.searchParams.get('q') ?? '';
  if (q.length > 200) return json({ error: 'q: at most 200 characters.' }, 400);
  const found = locals.app.feedback.customers.search(locals.member, q);
  return json({
    customers: found.map((c) => ({ id: c.id, email: c.email, name: c.name, complaints: c.complaints.map(({ reference, channel, status }) => ({ reference, channel, status })) })),
  });
};
