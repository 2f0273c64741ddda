import type { Db } from '@core/db/database.ts';

/** Mail and webhooks waiting in the outbox after failed attempts, for /readyz and /metrics. */
export interface OutboxHealth {
  /** Rows waiting to be sent (first attempts and retries). */
  pending: number;
  /** Of those, rows whose last attempt failed; the newest failure's message (no recipient in it). */
  failing: number;
  lastError: string | null;
  /** Rows given up after their last attempt. */
  dead: number;
}

export function outboxHealth(db: Db): OutboxHealth {
  const counts = db
    .prepare(`SELECT COUNT(*) FILTER (WHERE status = 'pending') AS pending,
      COUNT(*) FILTER (WHERE status = 'pending' AND attempts > 0) AS failing,
      COUNT(*) FILTER (WHERE status = 'dead') AS dead FROM outbox`)
    .get() as { pending: number; failing: number; dead: number };
  const last = db.prepare(`SELECT last_error FROM outbox WHERE status = 'pending' AND attempts > 0 ORDER BY next_attempt_at DESC LIMIT 1`).pluck().get() as string | undefined;
  return { ...counts, lastError: last ?? null };
}
