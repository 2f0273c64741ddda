import { z } from 'zod';
import type { Db } from '@core/db/database.ts';
import { recordAudit } from '@core/staff/audit.ts';
import { normalizeEmail, type StaffUser } from '@core/staff/users.ts';
import type { UserStore } from '../users/users.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import type { Session, SessionStore } from './session.ts';
import type { SignInThrottle } from './throttle.ts';

export type SignInResult =
  | { ok: true; user: StaffUser; token: string; session: Session }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** The same words whether the account is unknown, disabled or the password wrong. */
export const invalidCredentialsMessage = 'The email address or password is not correct.';

export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 60 ? `${retryAfterSeconds} seconds` : minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `Too many failed sign-in attempts. Please wait ${wait} and try again.`;
}

export interface SignInDeps {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  throttle: SignInThrottle;
}

/**
 * Checks a password with throttling per account and per address. Unknown and disabled accounts cost
 * the same argon2 work as real ones and get the same answer.
 */
export async function signIn(deps: SignInDeps, input: { email: string; password: string; address?: string; previousSessionId?: string }): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const keys = deps.throttle.keysFor(email, input.address);
  const wait = deps.throttle.retryAfter(keys);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };

  const account = deps.users.credentials(email);
  const valid = account ? await verifyPassword(account.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!account || !valid || account.disabledAt) {
    deps.throttle.fail(keys);
    recordAudit(deps.db, {
      actorId: null,
      action: 'auth.signin-failed',
      objectType: 'user',
      objectId: account?.id ?? null,
      // What was typed is kept only when it names a real account: people sometimes type a password into the email field.
      detail: { account: account ? account.email : 'unknown', address: input.address ?? null },
    });
    return { ok: false, reason: 'invalid' };
  }
  deps.throttle.succeed(email, input.address);
  const { passwordHash: _secret, ...user } = account;
  // A new session for every sign-in (no fixation); whatever session the browser had is ended.
  const { token, session } = deps.db.transaction(() => {
    if (input.previousSessionId) deps.sessions.invalidate(input.previousSessionId);
    const created = deps.sessions.create(user.id);
    deps.users.recordSignIn(user.id);
    recordAudit(deps.db, { actorId: user.id, action: 'auth.signin', objectType: 'user', objectId: user.id, detail: { address: input.address ?? null } });
    return created;
  })();
  return { ok: true, user, token, session };
}

export const signInFormSchema = z.object({
  email: z.string().trim().min(1, 'enter your email address').max(254, 'must be at most 254 characters'),
  password: z.string().min(1, 'enter your password').max(200, 'must be at most 200 characters'),
  next: z.string().max(500).optional(),
});

export type SignInFormResult =
  | Extract<SignInResult, { ok: true }>
  | { ok: false; status: 400 | 429; message?: string; fields: Record<string, string>; retryAfterSeconds?: number };

/** The sign-in form: its fields checked, then `signIn`; the answer says what the page shows. */
export async function signInWithForm(deps: SignInDeps, form: Record<string, string>, context: { address?: string; previousSessionId?: string }): Promise<SignInFormResult> {
  const parsed = signInFormSchema.safeParse(form);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { ok: false, status: 400, fields };
  }
  const result = await signIn(deps, { email: parsed.data.email, password: parsed.data.password, ...context });
  if (result.ok) return result;
  if (result.reason === 'throttled') return { ok: false, status: 429, message: throttledMessage(result.retryAfterSeconds), fields: {}, retryAfterSeconds: result.retryAfterSeconds };
  return { ok: false, status: 400, message: invalidCredentialsMessage, fields: {} };
}
