import type { Db, Migration } from '../../core/db/database.ts';
import type { SessionStore } from '../auth/session.ts';
import { hashPassword } from '../auth/password.ts';
import { roles, type Role } from '../auth/permissions.ts';

export const userMigrations: Migration[] = [
  {
    id: 'admin/001-users',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN (${roles.map((r) => `'${r}'`).join(', ')})),
        password_hash TEXT NOT NULL,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        password_changed_at TEXT NOT NULL,
        last_sign_in_at TEXT
      );
    `,
  },
];

/** A staff account as pages see it: never carries the password hash. */
export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
  lastSignInAt: string | null;
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
  last_sign_in_at: string | null;
}

function toUser(r: UserRow): StaffUser {
  return { id: r.id, email: r.email, name: r.name, role: r.role, disabledAt: r.disabled_at, createdAt: r.created_at, lastSignInAt: r.last_sign_in_at };
}

export class UserError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

export interface UserListQuery {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  page?: number;
  pageSize?: number;
}

const columns = 'id, email, name, role, disabled_at, created_at, last_sign_in_at';

export class UserStore {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
  ) {}

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
  }

  get(id: number): StaffUser | undefined {
    const row = this.db.prepare(`SELECT ${columns} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  /** For sign-in only: the account with its hash. */
  credentials(email: string): (StaffUser & { passwordHash: string }) | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(normalizeEmail(email)) as UserRow | undefined;
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  passwordHash(id: number): string | undefined {
    return this.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(id) as string | undefined;
  }

  list(q: UserListQuery = {}): { users: StaffUser[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.q) {
      where.push("(email LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')");
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      args.push(like, like);
    }
    if (q.role) {
      where.push('role = ?');
      args.push(q.role);
    }
    if (q.status === 'active') where.push('disabled_at IS NULL');
    if (q.status === 'disabled') where.push('disabled_at IS NOT NULL');
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const pageSize = q.pageSize ?? 50;
    const page = Math.max(1, q.page ?? 1);
    const total = this.db.prepare(`SELECT COUNT(*) FROM users ${clause}`).pluck().get(...args) as number;
    const rows = this.db
      .prepare(`SELECT ${columns} FROM users ${clause} ORDER BY disabled_at IS NOT NULL, email LIMIT ? OFFSET ?`)
      .all(...args, pageSize, (page - 1) * pageSize) as UserRow[];
    return { users: rows.map(toUser), total };
  }

  async create(input: { email: string; name: string; role: Role; password: string }): Promise<StaffUser> {
    const email = normalizeEmail(input.email);
    if (this.db.prepare('SELECT 1 FROM users WHERE email = ?').get(email)) {
      throw new UserError('email', 'an account with this email already exists');
    }
    const passwordHash = await hashPassword(input.password);
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
    if (!user) throw new UserError('id', 'no such user');
    if (user.role === 'admin' && role !== 'admin' && !user.disabledAt && this.activeAdmins(id) === 0) {
      throw new UserError('role', 'this is the last active administrator; make someone else an administrator first');
    }
    this.db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, new Date().toISOString(), id);
  }

  setName(id: number, name: string): void {
    this.db.prepare('UPDATE users SET name = ?, updated_at = ? WHERE id = ?').run(name.trim(), new Date().toISOString(), id);
  }

  /** Disabling also signs the account out everywhere. */
  setDisabled(id: number, disabled: boolean): void {
    const user = this.get(id);
    if (!user) throw new UserError('id', 'no such user');
    if (disabled && user.role === 'admin' && !user.disabledAt && this.activeAdmins(id) === 0) {
      throw new UserError('disabled', 'this is the last active administrator and cannot be disabled');
    }
    const now = new Date().toISOString();
    this.db.prepare('UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?').run(disabled ? now : null, now, id);
    if (disabled) this.sessions.invalidateUser(id);
  }

  /** Sets a new password and ends every session of the account (except `keepSessionId`, re-issued by the caller). */
  async setPassword(id: number, password: string, keepSessionId?: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const now = new Date().toISOString();
    this.db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?').run(passwordHash, now, now, id);
    this.sessions.invalidateUser(id, keepSessionId);
  }

  recordSignIn(id: number): void {
    this.db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }
}
