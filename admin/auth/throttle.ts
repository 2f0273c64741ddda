import type { Db, Migration } from '@core/db/database.ts';

/**
 * Sign-in throttling with SQLite counters. A few failures are free; after that every failure locks the
 * key for a doubling delay, capped. Three keys (the email as typed, whether or not it exists, so the
 * lock itself does not reveal accounts):
 * - account and address: stops guessing one account from one place after a few tries;
 * - address: stops one place guessing many accounts;
 * - account, with a much higher limit: stops guessing one account from many places. It does not apply
 *   to an address the account signed in from before (remembered 30 days), so a stranger's failures
 *   cannot lock a colleague out of their own office or home.
 */
export const throttleMigrations: Migration[] = [
  {
    id: 'admin/003-sign-in-throttle',
    sql: `
      CREATE TABLE sign_in_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL,
        locked_until INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
  {
    id: 'admin/004-sign-in-known-addresses',
    sql: `
      CREATE TABLE sign_in_known (
        account TEXT NOT NULL,
        address TEXT NOT NULL,
        last_success_at INTEGER NOT NULL,
        PRIMARY KEY (account, address)
      );
    `,
  },
];

export interface ThrottlePolicy {
  /** Failures allowed before delays start. */
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts from zero again. */
  forgetAfterMs: number;
}

/** One account from one address. */
export const pairPolicy: ThrottlePolicy = { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 60 * 60_000 };
/** Offices share addresses, so an address gets more room than one account. */
export const addressPolicy: ThrottlePolicy = { free: 20, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
/** One account from every address together: ten times the room of one address. */
export const accountPolicy: ThrottlePolicy = { free: 50, baseDelayMs: 60_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 60 * 60_000 };
/** How long an address the account signed in from stays exempt from the account-wide limit. */
export const knownAddressMs = 30 * 24 * 60 * 60_000;

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

interface Row {
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

export function delayFor(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.free));
}

export class SignInThrottle {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** The counters a sign-in as `email` from `address` is checked against and counted in. */
  keysFor(email: string, address: string | undefined): ThrottleKey[] {
    if (!address) return [{ key: `account:${email}`, policy: pairPolicy }];
    const keys: ThrottleKey[] = [
      { key: `pair:${email}|${address}`, policy: pairPolicy },
      { key: `ip:${address}`, policy: addressPolicy },
    ];
    const known = this.db.prepare('SELECT 1 FROM sign_in_known WHERE account = ? AND address = ? AND last_success_at > ?').get(email, address, this.now() - knownAddressMs);
    if (!known) keys.push({ key: `account:${email}`, policy: accountPolicy });
    return keys;
  }

  /** Milliseconds until any of the keys may try again; 0 when all may. */
  retryAfter(keys: ThrottleKey[]): number {
    const now = this.now();
    let wait = 0;
    for (const { key } of keys) {
      const row = this.db.prepare('SELECT locked_until FROM sign_in_failures WHERE key = ?').get(key) as Pick<Row, 'locked_until'> | undefined;
      if (row && row.locked_until > now) wait = Math.max(wait, row.locked_until - now);
    }
    return wait;
  }

  fail(keys: ThrottleKey[]): void {
    const now = this.now();
    const read = this.db.prepare('SELECT failures, last_failure_at, locked_until FROM sign_in_failures WHERE key = ?');
    const write = this.db.prepare(
      `INSERT INTO sign_in_failures (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
    );
    this.db.transaction(() => {
      for (const { key, policy } of keys) {
        const row = read.get(key) as Row | undefined;
        const previous = row && now - row.last_failure_at < policy.forgetAfterMs ? row.failures : 0;
        const failures = previous + 1;
        const delay = delayFor(failures, policy);
        write.run(key, failures, now, delay ? now + delay : 0);
      }
    })();
    // Old counters are worth nothing; keep the table small even when addresses are spoofed.
    this.db.prepare('DELETE FROM sign_in_failures WHERE last_failure_at < ? AND locked_until < ?').run(now - 24 * 60 * 60_000, now);
  }

  /**
   * A correct password clears the account's counters and remembers the address as known for it (not
   * the address's counter: one good account must not unlock guessing others).
   */
  succeed(email: string, address: string | undefined): void {
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sign_in_failures WHERE key IN (?, ?)').run(`account:${email}`, `pair:${email}|${address ?? ''}`);
      if (!address) return;
      this.db.prepare(`INSERT INTO sign_in_known (account, address, last_success_at) VALUES (?, ?, ?)
        ON CONFLICT (account, address) DO UPDATE SET last_success_at = excluded.last_success_at`).run(email, address, now);
      this.db.prepare('DELETE FROM sign_in_known WHERE last_success_at < ?').run(now - knownAddressMs);
    })();
  }
}
