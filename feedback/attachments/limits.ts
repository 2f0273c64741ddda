/** How much one complaint may carry; set from ATTACHMENT_MAX_BYTES and ATTACHMENT_MAX_FILES. */
export interface AttachmentLimits {
  /** Largest single file, in bytes. */
  maxBytes: number;
  /** Most files one complaint may have, over every channel and over time. */
  maxFiles: number;
}

export const defaultAttachmentLimits: AttachmentLimits = { maxBytes: 5 * 1024 * 1024, maxFiles: 3 };

/** "5 MB" for messages: binary megabytes, as people's file managers mostly show them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
