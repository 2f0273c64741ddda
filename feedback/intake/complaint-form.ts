import { formFields, parseForm, readBodyLimited } from '@core/http/limited-body.ts';
import type { IncomingFile } from '../attachments/attachments.ts';
import type { AttachmentLimits } from '../attachments/limits.ts';
import { complaintLimits } from '../complaints/validation.ts';

/** The form field that carries the customer's files. */
export const attachmentField = 'attachments';

/** Room for the text fields and multipart framing beside the files (the same allowance the configuration checks). */
const formAllowance = 1024 * 1024;

/** The largest complaint form body: every file allowed at its largest, plus the text. */
export function complaintFormLimit(limits: AttachmentLimits): number {
  return limits.maxFiles > 0 ? limits.maxFiles * limits.maxBytes + formAllowance : complaintLimits.bodyBytes;
}

/**
 * The web complaint form (urlencoded, or multipart with files): its text fields as strings and the files
 * chosen. A file input left empty arrives as a nameless empty part and is not a file.
 */
export async function readComplaintForm(request: Request, limits: AttachmentLimits): Promise<{ fields: Record<string, string>; files: IncomingFile[] }> {
  const bytes = await readBodyLimited(request, complaintFormLimit(limits));
  const form = await parseForm(bytes, request.headers.get('content-type') ?? 'application/x-www-form-urlencoded');
  if (!form) return { fields: {}, files: [] };
  const files: IncomingFile[] = [];
  for (const value of form.getAll(attachmentField)) {
    if (typeof value === 'string' || (value.size === 0 && value.name === '')) continue;
    files.push({ filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { fields: formFields(form), files };
}
