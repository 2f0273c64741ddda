import { fileTypeFromBuffer } from 'file-type';

/** What customers may send: photos of the damage and receipts. Anything else is refused. */
export const allowedTypes = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'application/pdf': 'pdf',
} as const;

export type AttachmentType = keyof typeof allowedTypes;

function isAllowed(mime: string): mime is AttachmentType {
  return Object.hasOwn(allowedTypes, mime);
}

/**
 * The type read from the file's own bytes (its signature), or null when it is none we accept. The name
 * and the browser's declared type are never trusted: an HTML or SVG file called photo.jpg has no image
 * signature and is refused here.
 */
export async function sniffType(bytes: Uint8Array): Promise<AttachmentType | null> {
  const found = await fileTypeFromBuffer(bytes);
  return found && isAllowed(found.mime) ? found.mime : null;
}

export function extensionOf(type: AttachmentType): string {
  return allowedTypes[type];
}
