import type { Db } from '@core/db/database.ts';
import { ActionError, parseInput, refusal, runAction, type ActionResult } from '@core/staff/actions.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { changeOwnPasswordSchema } from '../users/forms.ts';
import type { UserStore } from '../users/users.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { Session, SessionStore } from './session.ts';
import { throttledMessage } from './signin.ts';
import type { SignInThrottle } from './throttle.ts';

interface AccountDeps {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  throttle: SignInThrottle;
}

/** What every signed-in person does to their own account, audited like any staff action. */
export class AccountCommands {
  constructor(private readonly deps: AccountDeps) {}

  /**
   * A new password, after the current one (throttled like sign-in). Every session of the account ends,
   * this one included; the caller gets a fresh session for this browser.
   */
  async changePassword(member: StaffMember, form: Record<string, string>, address: string | undefined): Promise<ActionResult<{ token: string; session: Session }>> {
    let hash: string;
    try {
      const input = parseInput(changeOwnPasswordSchema, form);
      const keys = this.deps.throttle.keysFor(member.email, address);
      const wait = this.deps.throttle.retryAfter(keys);
      if (wait > 0) throw new ActionError('current', throttledMessage(Math.ceil(wait / 1000)));
      const current = this.deps.users.passwordHash(member.id);
      if (!current || !(await verifyPassword(current, input.current))) {
        this.deps.throttle.fail(keys);
        throw new ActionError('current', 'is not your current password');
      }
      hash = await hashPassword(input.password);
    } catch (error) {
      const refused = refusal(error);
      if (refused) return refused;
      throw error;
    }
    return runAction(this.deps.db, member, 'internal:read', () => {
      this.deps.users.setPasswordHash(member.id, hash);
      return { value: this.deps.sessions.create(member.id), audit: { action: 'auth.password-change', objectType: 'user', objectId: member.id } };
    });
  }

  /** Ends this browser's session. */
  signOut(member: StaffMember | null, sessionId: string | undefined): void {
    if (!sessionId) return;
    if (!member) return this.deps.sessions.invalidate(sessionId);
    const done = runAction(this.deps.db, member, 'internal:read', () => {
      this.deps.sessions.invalidate(sessionId);
      return { value: undefined, audit: { action: 'auth.signout', objectType: 'user', objectId: member.id } };
    });
    // Signing out never depends on a permission.
    if (!done.ok) this.deps.sessions.invalidate(sessionId);
  }
}
