import type { Db } from '@core/db/database.ts';
import { complaintCategories } from '@core/content/complaint-categories.ts';
import { severities, type Severity } from '../complaints/model.ts';
import { addWorkingTime, checkBusinessHours, defaultBusinessHours, type BusinessHours } from './business-hours.ts';
import { ActionError } from '@core/staff/actions.ts';

export interface DeadlinePolicy {
  id: number;
  /** null matches any. */
  category: string | null;
  severity: Severity | null;
  /** Hours until staff must answer (first response, and after each customer reply). */
  responseHours: number;
  /** Hours until the complaint should be resolved. */
  resolutionHours: number;
}

/** First response within 12 hours unless a more specific policy says otherwise. */
export const defaultResponseHours = 12;
export const defaultResolutionHours = 120;

export const defaultPolicies: Array<Omit<DeadlinePolicy, 'id'>> = [
  { category: null, severity: null, responseHours: defaultResponseHours, resolutionHours: defaultResolutionHours },
  { category: null, severity: 'high', responseHours: 6, resolutionHours: 72 },
  { category: null, severity: 'critical', responseHours: 2, resolutionHours: 24 },
  { category: 'privacy', severity: null, responseHours: 12, resolutionHours: 720 },
];

const hour = 3_600_000;

/** Deadline policies per category and severity, and the optional business hours they count in. */
export class Deadlines {
  private cache: { policies: DeadlinePolicy[]; hours: BusinessHours } | undefined;

  constructor(private readonly db: Db) {}

  seed(): void {
    if ((this.db.prepare('SELECT COUNT(*) FROM deadline_policies').pluck().get() as number) > 0) return;
    const insert = this.db.prepare('INSERT INTO deadline_policies (category, severity, response_hours, resolution_hours) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const p of defaultPolicies) insert.run(p.category, p.severity, p.responseHours, p.resolutionHours);
    })();
    this.cache = undefined;
  }

  policies(): DeadlinePolicy[] {
    return this.load().policies;
  }

  businessHours(): BusinessHours {
    return this.load().hours;
  }

  /** The most specific matching policy: category and severity > category > severity > the default. */
  policyFor(category: string | null, severity: Severity): { responseHours: number; resolutionHours: number } {
    let best: DeadlinePolicy | undefined;
    let bestScore = -1;
    for (const p of this.load().policies) {
      if (p.category && p.category !== category) continue;
      if (p.severity && p.severity !== severity) continue;
      const score = (p.category ? 2 : 0) + (p.severity ? 1 : 0);
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best ?? { responseHours: defaultResponseHours, resolutionHours: defaultResolutionHours };
  }

  /** Deadlines of a complaint received at `from`. */
  dueDates(from: Date, category: string | null, severity: Severity): { responseDueAt: string; resolutionDueAt: string } {
    const p = this.policyFor(category, severity);
    const hours = this.load().hours;
    return {
      responseDueAt: addWorkingTime(from, p.responseHours * hour, hours).toISOString(),
      resolutionDueAt: addWorkingTime(from, p.resolutionHours * hour, hours).toISOString(),
    };
  }

  /** When the next staff answer is due after a customer wrote at `from`. */
  responseDue(from: Date, category: string | null, severity: Severity): string {
    return addWorkingTime(from, this.policyFor(category, severity).responseHours * hour, this.load().hours).toISOString();
  }

  savePolicy(input: { category: string | null; severity: string | null; responseHours: number; resolutionHours: number }): void {
    if (input.category && !(complaintCategories as readonly string[]).includes(input.category)) throw new ActionError('category', 'Choose a category from the list.');
    if (input.severity && !(severities as readonly string[]).includes(input.severity)) throw new ActionError('severity', 'Choose a severity from the list.');
    for (const [field, value] of [['responseHours', input.responseHours], ['resolutionHours', input.resolutionHours]] as const) {
      if (!Number.isFinite(value) || value <= 0 || value > 24 * 366) throw new ActionError(field, 'Enter a number of hours between 0.25 and 8784.');
    }
    if (input.resolutionHours < input.responseHours) throw new ActionError('resolutionHours', 'The resolution deadline cannot come before the first response.');
    const existing = this.db.prepare('SELECT id FROM deadline_policies WHERE category IS ? AND severity IS ?').pluck().get(input.category || null, input.severity || null) as number | undefined;
    if (existing) this.db.prepare('UPDATE deadline_policies SET response_hours = ?, resolution_hours = ? WHERE id = ?').run(input.responseHours, input.resolutionHours, existing);
    else this.db.prepare('INSERT INTO deadline_policies (category, severity, response_hours, resolution_hours) VALUES (?, ?, ?, ?)').run(input.category || null, input.severity || null, input.responseHours, input.resolutionHours);
    this.cache = undefined;
  }

  deletePolicy(id: number): void {
    const p = this.load().policies.find((x) => x.id === id);
    if (p && !p.category && !p.severity) throw new ActionError('policy', 'The default policy can be changed but not deleted.');
    this.db.prepare('DELETE FROM deadline_policies WHERE id = ?').run(id);
    this.cache = undefined;
  }

  setBusinessHours(h: BusinessHours): void {
    const errors = checkBusinessHours(h);
    const first = Object.entries(errors)[0];
    if (first) throw new ActionError(first[0], first[1]);
    this.db.prepare("INSERT INTO feedback_settings (key, value) VALUES ('business-hours', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(h));
    this.cache = undefined;
  }

  private load(): { policies: DeadlinePolicy[]; hours: BusinessHours } {
    if (!this.cache) {
      const raw = this.db.prepare("SELECT value FROM feedback_settings WHERE key = 'business-hours'").pluck().get() as string | undefined;
      this.cache = {
        policies: this.db
          .prepare('SELECT id, category, severity, response_hours AS responseHours, resolution_hours AS resolutionHours FROM deadline_policies ORDER BY category IS NOT NULL, category, severity IS NOT NULL, severity')
          .all() as DeadlinePolicy[],
        hours: raw ? { ...defaultBusinessHours, ...(JSON.parse(raw) as Partial<BusinessHours>) } : defaultBusinessHours,
      };
    }
    return this.cache;
  }
}
