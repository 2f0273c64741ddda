import { createHash, randomBytes } from 'node:crypto';

/**
 * Tracking tokens: 160 random bits, sent to the customer in the link `/track/<token>`. The database keeps
 * only the SHA-256 of each, so a copy of it cannot be turned back into working links.
 */
export function newTrackingToken(): string {
  return randomBytes(20).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The shape of a token we issue; anything else is not looked up at all. */
export function isTokenShape(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{20,64}$/.test(value);
}

export function trackingPath(token: string): string {
  return `/track/${token}`;
}

/** A stable fingerprint of what was submitted, to tell a retry from a different complaint under the same key. */
export function fingerprint(parts: ReadonlyArray<string | undefined | null>): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${p ?? ''}\u0000`);
  return hash.digest('hex');
}
