import { extensionOf, type AttachmentType } from './sniff.ts';

const maxNameLength = 200;

/**
 * The customer's file name as plain text for display: the last path segment, without control or
 * bidirectional-override characters, at most 200 characters. It is never used to name a file on disk.
 */
export function cleanName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, maxNameLength);
  return clean || 'attachment';
}

/** The name offered on download: the customer's name with the extension of the sniffed type. */
export function downloadName(originalName: string, type: AttachmentType): string {
  const base = originalName.replace(/\.[^.]{1,10}$/, '') || 'attachment';
  return `${base}.${extensionOf(type)}`;
}

/** A Content-Disposition value: an ASCII fallback plus the exact name in RFC 5987 form. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
