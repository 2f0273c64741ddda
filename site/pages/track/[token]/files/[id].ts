import type { APIRoute } from 'astro';
import { attachmentResponse } from '@site/lib/attachment-response.ts';

/** GET: one of the complaint's files, for the holder of its tracking link only (404 otherwise). */
export const GET: APIRoute = ({ params, locals }) => {
  const { attachments } = locals.app.feedback;
  return attachmentResponse(attachments.open(attachments.tokenReader(params.token), params.id));
};
