import fs from 'node:fs';

/**
 * Where "now" comes from. Everything time-dependent in feedback/ (deadlines, escalation, outbox retries)
 * asks a Clock, so tests can move time forward instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The real time plus a millisecond offset read from `file` at each call (KB_CLOCK_FILE), so a browser
 * test can move a running server's time. No file yet means no offset; unreadable content keeps the last
 * offset. For tests only: the configuration refuses it in production.
 */
export function fileOffsetClock(file: string): Clock {
  let offset = 0;
  return {
    now() {
      try {
        const text = fs.readFileSync(file, 'utf8').trim();
        if (/^-?\d+$/.test(text)) offset = Number(text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') offset = 0;
      }
      return new Date(Date.now() + offset);
    },
  };
}

/** A clock that stands still until told to move; for tests. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-03-02T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }

  advanceHours(hours: number): void {
    this.advance(hours * 3_600_000);
  }
}
