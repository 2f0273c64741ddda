import type { APIRoute } from 'astro';
import { json } from '@core/http/responses.ts';

const headers = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin', 'X-Robots-Tag': 'noindex' };

/** GET /track/<token>/data.json: everything held about the customer of this complaint, as a download. */
export const GET: APIRoute = ({ params, locals }) => {
  const { feedback } = locals.app;
  const complaint = feedback.complaints.byToken(params.token);
  const data = complaint && feedback.privacy.exportForComplaint(complaint.id);
  if (!complaint || !data) return json({ error: 'Not found' }, 404, headers);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="kestrel-my-data-${complaint.reference}.json"` },
  });
};
