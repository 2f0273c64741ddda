import type { APIRoute } from 'astro';
import { notFound } from '@core/http/responses.ts';

/** GET /admin/customers/<id>/export.json: an administrator's export of a customer record (permission `privacy:manage`). */
export const GET: APIRoute = ({ params, locals }) => {
  const id = /^\d{1,12}$/.test(params.id ?? '') ? Number(params.id) : undefined;
  const data = id === undefined ? undefined : locals.app.feedback.privacy.exportCustomer(locals.member, id);
  if (!data) return notFound();
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="customer-${id}.json"` },
  });
};
