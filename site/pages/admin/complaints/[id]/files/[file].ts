import type { APIRoute } from 'astro';
import { attachmentResponse } from '@site/lib/attachment-response.ts';

/** GET: one of the complaint's files, for staff who see the complaint in full (404 otherwise, as for a missing file). */
export const GET: APIRoute = ({ params, locals }) => {
  const { app, member } = locals;
  const { attachments, handling } = app.feedback;
  const complaintId = /^\d{1,12}$/.test(params.id ?? '') ? Number(params.id) : 0;
  return attachmentResponse(attachments.open(attachments.staffReader(handling.access(member), complaintId), params.file));
};
