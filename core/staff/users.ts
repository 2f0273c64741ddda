import type { Db, Migration } from '../db/database.ts';
import { can, roles, type Permission, type Role } from './roles.ts';
import { ActionError } from './actions.ts';

/**
 * The staff vocabulary every room shares: the accounts (the table other rooms' foreign keys point at)
 * and read-only lookups of them. Creating and changing accounts is the staff area's own work
 * (`admin/users/`).
 */
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

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
  last_sign_in_at: string | null;
}

export function toUser(r: UserRow): StaffUser {
  return { id: r.id, email: r.email, name: r.name, role: r.role, disabledAt: r.disabled_at, createdAt: r.created_at, lastSignInAt: r.last_sign_in_at };
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

/** Who acts: the signed-in staff member as every room's actions receive it. */
export interface StaffMember {
  id: number;
  email: string;
  name: string;
  role: Role;
}


/** Read-only lookups of staff accounts, for any room (names in a timeline, people to assign work to). */
export class StaffDirectory {
  constructor(protected readonly db: Db) {}

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
  }

  get(id: number): StaffUser | undefined {
    const row = this.db.prepare(`SELECT ${columns} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
    return row && toUser(row);
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

  /** Active accounts whose role has the permission, by name. */
  withPermission(permission: Permission): StaffUser[] {
    const allowed = roles.filter((r) => can(r, permission));
    return (this.db.prepare(`SELECT ${columns} FROM users WHERE disabled_at IS NULL ORDER BY name, email`).all() as UserRow[])
      .filter((r) => allowed.includes(r.role))
      .map(toUser);
  }

  /** Names of staff by id (deleted or unknown ids read "user 12"). */
  names(ids: Iterable<number | null | undefined>): Map<number, string> {
    const out = new Map<number, string>();
    for (const id of ids) {
      if (id === null || id === undefined || out.has(id)) continue;
      out.set(id, this.get(id)?.name ?? `user ${id}`);
    }
    return out;
  }
}
