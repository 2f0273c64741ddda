import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { Clock } from '../clock.ts';
import { suggestionSessionPattern } from '../complaints/validation.ts';

export interface DeflectionStats {
  /** Forms that showed at least one suggestion. */
  sessions: number;
  /** ... where the customer opened a suggested article. */
  opened: number;
  /** ... opened an article and still sent the complaint. */
  openedAndSubmitted: number;
  /** Share of forms with an opened article that were not sent: the answer helped (or the customer gave up). */
  deflectionRate: number | null;
  /** Share of all forms with suggestions that were sent anyway. */
  submittedRate: number | null;
}

/**
 * Whether answers shown on the complaint form helped. One row per form (a random id the page makes up),
 * with the locale, the day and three counters; no text, no address, and no link to the complaint sent.
 */
export class Deflection {
  private readonly s: { shown: Statement; opened: Statement; submitted: Statement };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.s = {
      shown: db.prepare(`INSERT INTO complaint_suggestion_sessions (id, locale, day, shown) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET shown = MAX(shown, excluded.shown)`),
      opened: db.prepare(`INSERT INTO complaint_suggestion_sessions (id, locale, day, shown, opened) VALUES (?, ?, ?, 1, 1)
        ON CONFLICT (id) DO UPDATE SET opened = opened + 1`),
      submitted: db.prepare('UPDATE complaint_suggestion_sessions SET submitted = 1 WHERE id = ?'),
    };
  }

  private day(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  shown(session: string, locale: Locale, count: number): void {
    if (!suggestionSessionPattern.test(session) || count <= 0) return;
    this.s.shown.run(session, locale, this.day(), Math.min(count, 5));
  }

  opened(session: string, locale: Locale): void {
    if (!suggestionSessionPattern.test(session)) return;
    this.s.opened.run(session, locale, this.day());
  }

  /** Called in the intake transaction; a form without suggestions has no row and changes nothing. */
  submitted(session: string | undefined): void {
    if (session && suggestionSessionPattern.test(session)) this.s.submitted.run(session);
  }

  stats(sinceDay?: string): DeflectionStats {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS sessions, SUM(opened > 0) AS opened, SUM(opened > 0 AND submitted = 1) AS openedAndSubmitted, SUM(submitted = 1) AS submitted
         FROM complaint_suggestion_sessions WHERE shown > 0 AND day >= ?`,
      )
      .get(sinceDay ?? '0000') as { sessions: number; opened: number | null; openedAndSubmitted: number | null; submitted: number | null };
    const opened = row.opened ?? 0;
    const openedAndSubmitted = row.openedAndSubmitted ?? 0;
    return {
      sessions: row.sessions,
      opened,
      openedAndSubmitted,
      deflectionRate: opened ? (opened - openedAndSubmitted) / opened : null,
      submittedRate: row.sessions ? (row.submitted ?? 0) / row.sessions : null,
    };
  }

  session(id: string): { shown: number; opened: number; submitted: number } | undefined {
    return this.db.prepare('SELECT shown, opened, submitted FROM complaint_suggestion_sessions WHERE id = ?').get(id) as { shown: number; opened: number; submitted: number } | undefined;
  }
}
