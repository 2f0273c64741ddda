import { hash, verify } from '@node-rs/argon2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { z } from 'zod';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). @node-rs/argon2 defaults to argon2id. */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const passwordMin = 12;
export const passwordMax = 200;

export const passwordSchema = z
  .string()
  .min(passwordMin, `must be at least ${passwordMin} characters`)
  .max(passwordMax, `must be at most ${passwordMax} characters`);

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the account does not exist, so response times do not
 * tell whether an email address has an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password-for-timing-only');
  await verifyPassword(await dummy, password);
  return false;
}

/** A password to hand out once: 20 random base32 letters and digits in groups of five. */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  const raw = encodeBase32LowerCaseNoPadding(bytes).slice(0, 20);
  return raw.match(/.{5}/g)?.join('-') ?? raw;
}
