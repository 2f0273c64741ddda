import type { Attachment } from '@feedback/attachments/attachments.ts';
import { contentDisposition, downloadName } from '@feedback/attachments/names.ts';
import { notFound } from '@core/http/responses.ts';

/**
 * A customer's file as a download: the sniffed type, never shown in the portal's origin as a page
 * (attachment disposition, nosniff, a sandbox CSP that blocks script and plugins), never cached or indexed.
 * Decision 0070 explains why files are not re-encoded.
 */
export function attachmentResponse(found: { attachment: Attachment; bytes: Buffer } | undefined): Response {
  if (!found) return notFound();
  const { attachment, bytes } = found;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': attachment.mediaType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition('attachment', downloadName(attachment.originalName, attachment.mediaType)),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
}
