import type { Db } from '@core/db/database.ts';
import type { SessionStore } from '../auth/session.ts';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '@core/staff/roles.ts';
import { ActionError } from '@core/staff/actions.ts';
import { normalizeEmail, StaffDirectory, toUser, type StaffUser, type UserRow } from '@core/staff/users.ts';

/** The staff area's own work on accounts: sign-in lookups, creating them, roles, names, passwords. */
export class UserStore extends StaffDirectory {
  constructor(
    db: Db,
    private readonly sessions: SessionStore,
  ) {
    super(db);
  }

  /** For sign-in only: the account with its hash. */
  credentials(email: string): (StaffUser & { passwordHash: string }) | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(normalizeEmail(email)) as UserRow | undefined;
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  passwordHash(id: number): string | undefined {
    return this.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(id) as string | undefined;
  }

  async create(input: { email: string; name: string; role: Role; password: string }): Promise<StaffUser> {
    this.refuseTakenEmail(input.email);
    return this.insert({ ...input, passwordHash: await hashPassword(input.password) });
  }

  refuseTakenEmail(email: string): void {
    if (this.db.prepare('SELECT 1 FROM users WHERE email = ?').get(normalizeEmail(email))) {
      throw new ActionError('email', 'an account with this email already exists');
    }
  }

  /** A new account from a password hashed beforehand (hashing is slow and async; this runs in a transaction). */
  insert(input: { email: string; name: string; role: Role; passwordHash: string }): StaffUser {
    this.refuseTakenEmail(input.email);
    const email = normalizeEmail(input.email);
    const passwordHash = input.passwordHash;
    const now = new Date().toISOString();
    const result = this.db
      .prepare('INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(email, input.name.trim() || email, input.role, passwordHash, now, now, now);
    return this.get(Number(result.lastInsertRowid)) as StaffUser;
  }

  private activeAdmins(exceptId: number): number {
    return this.db.prepare("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?").pluck().get(exceptId) as number;
  }

  setRole(id: number, role: Role): void {
    const user = this.get(id);
    if (!user) throw new ActionError('id', 'no such user');
    if (user.role === 'admin' && role !== 'admin' && !user.disabledAt && this.activeAdmins(id) === 0) {
      throw new ActionError('role', 'this is the last active administrator; make someone else an administrator first');
    }
    this.db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, new Date().toISOString(), id);
  }

  setName(id: number, name: string): void {
    this.db.prepare('UPDATE users SET name = ?, updated_at = ? WHERE id = ?').run(name.trim(), new Date().toISOString(), id);
  }

  /** Disabling also signs the account out everywhere. */
  setDisabled(id: number, disabled: boolean): void {
    const user = this.get(id);
    if (!user) throw new ActionError('id', 'no such user');
    if (disabled && user.role === 'admin' && !user.disabledAt && this.activeAdmins(id) === 0) {
      throw new ActionError('disabled', 'this is the last active administrator and cannot be disabled');
    }
    const now = new Date().toISOString();
    this.db.prepare('UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?').run(disabled ? now : null, now, id);
    if (disabled) this.sessions.invalidateUser(id);
  }

  /** Sets a new password and ends every session of the account (except `keepSessionId`, re-issued by the caller). */
  async setPassword(id: number, password: string, keepSessionId?: string): Promise<void> {
    this.setPasswordHash(id, await hashPassword(password), keepSessionId);
  }

  setPasswordHash(id: number, passwordHash: string, keepSessionId?: string): void {
    const now = new Date().toISOString();
    this.db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?').run(passwordHash, now, now, id);
    this.sessions.invalidateUser(id, keepSessionId);
  }

  recordSignIn(id: number): void {
    this.db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }
}
