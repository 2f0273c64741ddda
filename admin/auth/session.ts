import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db, Migration } from '@core/db/database.ts';
import type { Role } from '@core/staff/roles.ts';
import type { StaffMember } from '@core/staff/users.ts';

/**
 * Sessions the way Lucia's guides teach them: the browser holds a random token; the database holds only
 * its SHA-256, so a leaked database cannot be replayed as cookies. Expiry slides while the user works.
 */
export const sessionMigrations: Migration[] = [
  {
    id: 'admin/002-sessions',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        csrf_token TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_expires ON sessions (expires_at);
    `,
  },
];

export interface Session {
  /** SHA-256 of the token, hex. */
  id: string;
  userId: number;
  createdAt: number;
  expiresAt: number;
  /** Echoed in every state-changing staff request (form field `_csrf` or header `x-csrf-token`). */
  csrfToken: string;
}

export interface ValidatedSession {
  session: Session;
  user: StaffMember;
  /** True when the expiry moved forward and the cookie must be sent again. */
  renewed: boolean;
}

export interface SessionOptions {
  /** Idle lifetime: a session unused for this long expires. */
  ttlMs?: number;
  now?: () => number;
}

export const defaultSessionTtlMs = 7 * 24 * 60 * 60 * 1000;

export function generateToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function sessionIdFor(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

interface Row {
  id: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  csrf_token: string;
  email: string;
  name: string;
  role: Role;
  disabled_at: string | null;
}

export class SessionStore {
  readonly ttlMs: number;
  private readonly now: () => number;
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    options: SessionOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? defaultSessionTtlMs;
    this.now = options.now ?? Date.now;
  }

  /** Issues a new session; the token goes to the cookie and is never stored. */
  create(userId: number): { token: string; session: Session } {
    const token = generateToken();
    const now = this.now();
    const session: Session = { id: sessionIdFor(token), userId, createdAt: now, expiresAt: now + this.ttlMs, csrfToken: generateToken() };
    this.db
      .prepare('INSERT INTO sessions (id, user_id, created_at, expires_at, csrf_token) VALUES (?, ?, ?, ?, ?)')
      .run(session.id, userId, session.createdAt, session.expiresAt, session.csrfToken);
    this.pruneNowAndThen(now);
    return { token, session };
  }

  /**
   * Looks the token up. Expired sessions and sessions of disabled accounts are deleted. When less than
   * half the lifetime is left, the expiry moves forward (sliding expiry), written at most that often.
   */
  validate(token: string): ValidatedSession | null {
    if (!/^[a-z2-7]{32}$/.test(token)) return null;
    const id = sessionIdFor(token);
    const row = this.db
      .prepare(
        `SELECT s.id, s.user_id, s.created_at, s.expires_at, s.csrf_token, u.email, u.name, u.role, u.disabled_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
      )
      .get(id) as Row | undefined;
    if (!row) return null;
    const now = this.now();
    if (now >= row.expires_at || row.disabled_at) {
      this.invalidate(id);
      return null;
    }
    let expiresAt = row.expires_at;
    let renewed = false;
    if (expiresAt - now < this.ttlMs / 2) {
      expiresAt = now + this.ttlMs;
      renewed = true;
      this.db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?').run(expiresAt, id);
    }
    return {
      session: { id, userId: row.user_id, createdAt: row.created_at, expiresAt, csrfToken: row.csrf_token },
      user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
      renewed,
    };
  }

  invalidate(sessionId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
  }

  /** Ends every session of a user (password change, disabling), optionally keeping one. */
  invalidateUser(userId: number, keepSessionId?: string): void {
    if (keepSessionId) this.db.prepare('DELETE FROM sessions WHERE user_id = ? AND id != ?').run(userId, keepSessionId);
    else this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  countForUser(userId: number): number {
    return this.db.prepare('SELECT COUNT(*) FROM sessions WHERE user_id = ? AND expires_at > ?').pluck().get(userId, this.now()) as number;
  }

  private pruneNowAndThen(now: number): void {
    if (now - this.lastPrune < 60 * 60 * 1000) return;
    this.lastPrune = now;
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }
}
