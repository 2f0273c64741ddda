import type { Db } from '@core/db/database.ts';
import { ActionError, parseInput, permissionRefusal, refusal, runAction, type ActionResult, type AuditNote } from '@core/staff/actions.ts';
import { can } from '@core/staff/roles.ts';
import type { StaffMember, StaffUser } from '@core/staff/users.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { createUserSchema, resetPasswordSchema, updateUserSchema } from './forms.ts';
import type { UserStore } from './users.ts';

/**
 * What administrators do to accounts, each validated, permission-checked (`users:manage`) and written
 * with its audit entry in one transaction. Passwords are hashed before the transaction (argon2 is slow).
 */
export class UserCommands {
  constructor(private readonly deps: { db: Db; users: UserStore }) {}

  /** A new account; a generated password is returned once, to hand over. */
  async create(member: StaffMember, form: Record<string, string>): Promise<ActionResult<{ user: StaffUser; password?: string }>> {
    const prepared = await this.prepare(member, async () => {
      const input = parseInput(createUserSchema, form);
      this.deps.users.refuseTakenEmail(input.email);
      const password = input.passwordMode === 'set' ? input.password : generatePassword();
      return { input, password, hash: await hashPassword(password) };
    });
    if (!prepared.ok) return prepared;
    const { input, password, hash } = prepared.value;
    return runAction(this.deps.db, member, 'users:manage', () => {
      const user = this.deps.users.insert({ email: input.email, name: input.name, role: input.role, passwordHash: hash });
      return {
        value: { user, password: input.passwordMode === 'generate' ? password : undefined },
        audit: { action: 'user.create', objectType: 'user', objectId: user.id, detail: { email: user.email, role: user.role } },
      };
    });
  }

  /** Name and role; one audit entry for each that changed. */
  update(member: StaffMember, userId: number, form: Record<string, string>): ActionResult<void> {
    return runAction(this.deps.db, member, 'users:manage', () => {
      const user = this.require(userId);
      const input = parseInput(updateUserSchema, form);
      const audit: AuditNote[] = [];
      if (input.role !== user.role) {
        if (user.id === member.id) throw new ActionError('role', 'you cannot change your own role; ask another administrator');
        this.deps.users.setRole(user.id, input.role);
        audit.push({ action: 'user.role', objectType: 'user', objectId: user.id, detail: { from: user.role, to: input.role } });
      }
      if (input.name !== user.name) {
        this.deps.users.setName(user.id, input.name);
        audit.push({ action: 'user.rename', objectType: 'user', objectId: user.id, detail: { from: user.name, to: input.name } });
      }
      return { value: undefined, audit };
    });
  }

  /** Disabling also signs the account out everywhere. */
  setDisabled(member: StaffMember, userId: number, disabled: boolean): ActionResult<void> {
    return runAction(this.deps.db, member, 'users:manage', () => {
      const user = this.require(userId);
      if (user.id === member.id) throw new ActionError('disabled', 'you cannot disable your own account');
      this.deps.users.setDisabled(user.id, disabled);
      return { value: undefined, audit: { action: disabled ? 'user.disable' : 'user.enable', objectType: 'user', objectId: user.id } };
    });
  }

  /** A new password (generated, and returned once, or set by the admin); the user is signed out everywhere. */
  async resetPassword(member: StaffMember, userId: number, form: Record<string, string>): Promise<ActionResult<{ password?: string }>> {
    const prepared = await this.prepare(member, async () => {
      this.require(userId);
      const input = parseInput(resetPasswordSchema, form);
      const password = input.passwordMode === 'set' ? input.password : generatePassword();
      return { generated: input.passwordMode === 'generate', password, hash: await hashPassword(password) };
    });
    if (!prepared.ok) return prepared;
    const { generated, password, hash } = prepared.value;
    return runAction(this.deps.db, member, 'users:manage', () => {
      this.require(userId);
      this.deps.users.setPasswordHash(userId, hash);
      return { value: { password: generated ? password : undefined }, audit: { action: 'user.password-reset', objectType: 'user', objectId: userId } };
    });
  }

  /**
   * One of the forms on a user's page (`intent` says which). `done` names what a redirect should report;
   * a reset password comes back once to show, or a message when the admin set it.
   */
  async act(member: StaffMember, userId: number, form: Record<string, string>): Promise<ActionResult<{ done?: string; password?: string; message?: string }>> {
    switch (form.intent) {
      case 'update': {
        const r = this.update(member, userId, form);
        return r.ok ? { ok: true, value: { done: 'updated' } } : r;
      }
      case 'disable':
      case 'enable': {
        const r = this.setDisabled(member, userId, form.intent === 'disable');
        return r.ok ? { ok: true, value: { done: `${form.intent}d` } } : r;
      }
      case 'reset-password': {
        const r = await this.resetPassword(member, userId, form);
        if (!r.ok) return r;
        return { ok: true, value: r.value.password ? { password: r.value.password } : { message: 'The password was changed. The user was signed out everywhere.' } };
      }
      default:
        return { ok: false, status: 400, errors: { form: 'Unknown action; reload the page and try again.' } };
    }
  }

  private require(userId: number): StaffUser {
    const user = this.deps.users.get(userId);
    if (!user) throw new ActionError('id', 'no such user', 404);
    return user;
  }

  /** Checks and slow work before the transaction, with the same refusals an action gives. */
  private async prepare<T>(member: StaffMember, work: () => Promise<T>): Promise<ActionResult<T>> {
    try {
      if (!can(member.role, 'users:manage')) throw permissionRefusal(member, 'users:manage');
      return { ok: true, value: await work() };
    } catch (error) {
      const refused = refusal(error);
      if (refused) return refused;
      throw error;
    }
  }
}
