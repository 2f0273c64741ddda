import type { Db, Migration } from '@core/db/database.ts';

/**
 * Sign-in throttling with SQLite counters, per account (the email as typed, whether or not it exists,
 * so the lock itself does not reveal accounts) and per client address. A few failures are free; after
 * that every failure locks the key for a doubling delay, capped.
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
];

export interface ThrottlePolicy {
  /** Failures allowed before delays start. */
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts from zero again. */
  forgetAfterMs: number;
}

export const accountPolicy: ThrottlePolicy = { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 60 * 60_000 };
/** Offices share addresses, so an address gets more room than one account. */
export const addressPolicy: ThrottlePolicy = { free: 20, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

export function throttleKeys(email: string, address: string | undefined): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${email}`, policy: accountPolicy }];
  if (address) keys.push({ key: `ip:${address}`, policy: addressPolicy });
  return keys;
}

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

  /** A correct password clears the account's counter (not the address's: one good account must not unlock guessing others). */
  succeed(accountKey: string): void {
    this.db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(accountKey);
  }
}
