import { z } from 'zod';
import type { Db } from '@core/db/database.ts';
import { messages } from '@core/i18n/messages.ts';
import { ActionError, refusal, type ActionResult } from '@core/staff/actions.ts';
import type { StaffDirectory, StaffMember } from '@core/staff/users.ts';
import type { Clock } from '../clock.ts';
import { complaintAccess, textAsSeenBy, type ComplaintAccess } from '../complaints/access.ts';
import { categoryLabels } from '../complaints/labels.ts';
import type { Complaint, Status } from '../complaints/model.ts';
import type { ComplaintStore } from '../complaints/store.ts';
import type { Routing } from '../routing/routing.ts';
import { SatisfactionStore, dimensions, type Dimension, type GroupRow, type Rating, type RatingScope } from './store.ts';

export { dimensions, type Dimension, type Rating } from './store.ts';

/** A rating is a whole number from 1 to 5; the comment is optional, at most 1000 characters. */
export const satisfactionLimits = {
  rating: { min: 1, max: 5 },
  comment: { max: 1000 },
} as const;

/** A complaint can be rated once it is resolved or closed. */
export const rateableStatuses: readonly Status[] = ['resolved', 'closed'];

const { rating: ratingLimit, comment: commentLimit } = satisfactionLimits;

/** What the customer sends (form fields arrive as strings). */
export interface RateInput {
  rating?: unknown;
  comment?: unknown;
}

/** Language-free: each field's problem is worded in the customer's language by `rate()`. */
const rateSchema = z.object({
  rating: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z.number().int().min(ratingLimit.min).max(ratingLimit.max),
  ),
  // Browsers send a textarea's line breaks as CRLF, which `maxlength` counted as one character.
  comment: z
    .preprocess((v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v), z.string().trim().max(commentLimit.max))
    .transform((v) => v || null),
});

export type RatingRefusal = Extract<ActionResult<never>, { ok: false }>;
type Checked = { ok: true; value: { rating: number; comment: string | null } } | RatingRefusal;

/** Which ratings to sum up: grouped `by` one dimension, rated between `from` and `to` (UTC days, both included). */
export interface StatsQuery {
  by: Dimension;
  from?: string;
  to?: string;
  /** How many recent comments to return; default 10. */
  recent?: number;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a day like 2026-03-31.')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Use a day like 2026-03-31.');
const statsSchema = z
  .object({ by: z.enum(dimensions), from: day.optional(), to: day.optional(), recent: z.number().int().min(0).max(100).default(10) })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The period ends before it starts.', path: ['to'] });

export interface SatisfactionGroup extends GroupRow {
  /** The team's or agent's name, the category's label, or the month ("March 2026"), in the staff area's words. */
  label: string;
}

export interface RecentComment {
  complaintId: number;
  reference: string;
  ratedAt: string;
  rating: number;
  /** Customer text: masked (email addresses, phone numbers) for roles without `complaints:read-pii`. */
  comment: string;
  team: string;
  agent: string;
  category: string;
}

export interface SatisfactionStats {
  by: Dimension;
  from: string | null;
  to: string | null;
  overall: { count: number; average: number | null };
  groups: SatisfactionGroup[];
  recent: RecentComment[];
}

/** Every dimension at once, as a staff member may see it: the inbox's "Customer satisfaction" section. */
export interface SatisfactionOverview {
  overall: { count: number; average: number | null };
  groups: Record<Dimension, SatisfactionGroup[]>;
  recent: RecentComment[];
  /** Comments are masked for this person. */
  masked: boolean;
}

export interface SatisfactionDeps {
  db: Db;
  clock: Clock;
  /** The complaint room's store: the complaint re-read in the rating's transaction, and its timeline event. */
  complaints: ComplaintStore;
  routing: Routing;
  staff: StaffDirectory;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Customer satisfaction: a resolved complaint is rated once, 1 to 5 with an optional comment, from the
 * tracking page (the mail that says it is resolved links there); staff see averages and counts per team,
 * agent, category and month, with the recent comments.
 */
export class Satisfaction {
  readonly store: SatisfactionStore;

  constructor(private readonly deps: SatisfactionDeps) {
    this.store = new SatisfactionStore(deps.db);
  }

  /** The complaint's rating, if the customer gave one. */
  ratingOf(complaintId: number): Rating | undefined {
    return this.store.get(complaintId);
  }

  /** What the tracking page shows: the rating already given, or whether the form is open. */
  forCustomer(complaint: Complaint): { rating: Rating | undefined; canRate: boolean } {
    const rating = this.store.get(complaint.id);
    return { rating, canRate: !rating && rateableStatuses.includes(complaint.status) };
  }

  /**
   * Everything `rate()` checks, without writing: the tracking page asks this before it spends the
   * client's rate limit, so corrections do not count. Messages are in the complaint's language, one per
   * field (`rating`, `comment`), or `form` for "not resolved yet" and "already rated".
   */
  check(complaint: Complaint, input: RateInput): Checked {
    const t = messages(complaint.locale).complaints.satisfaction.errors;
    if (this.store.get(complaint.id)) return { ok: false, status: 409, errors: { form: t.alreadyRated } };
    if (!rateableStatuses.includes(complaint.status)) return { ok: false, status: 409, errors: { form: t.notResolved } };
    const parsed = rateSchema.safeParse({ rating: input.rating, comment: input.comment });
    if (parsed.success) return { ok: true, value: parsed.data };
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'rating') errors.rating ??= t.rating(ratingLimit.min, ratingLimit.max);
      else errors.comment ??= t.commentTooLong(commentLimit.max);
    }
    return { ok: false, status: 400, errors };
  }

  /**
   * The customer rates a resolved (or closed) complaint, once: the rating and a "rated" event in the
   * complaint's timeline are written in one transaction. A second rating, a complaint not resolved yet
   * and invalid input are refused with messages in the customer's language, and write nothing.
   */
  rate(complaint: Complaint, input: RateInput): ActionResult<Rating> {
    const checked = this.check(complaint, input);
    if (!checked.ok) return checked;
    const { complaints } = this.deps;
    const t = messages(complaint.locale).complaints.satisfaction.errors;
    try {
      return this.deps.db
        .transaction((): ActionResult<Rating> => {
          // Read again inside the transaction: staff may have reopened it, another request may have rated it.
          const c = complaints.get(complaint.id);
          if (!c) throw new ActionError('form', t.notResolved, 404);
          if (this.store.get(c.id)) throw new ActionError('form', t.alreadyRated, 409);
          if (!rateableStatuses.includes(c.status)) throw new ActionError('form', t.notResolved, 409);
          const at = this.deps.clock.now().toISOString();
          const rating: Rating = { complaintId: c.id, ratedAt: at, ...checked.value, teamId: c.teamId, agentId: this.agentOf(c), category: c.category };
          this.store.insert(rating);
          complaints.addEvent({ complaintId: c.id, at, kind: 'rated', actor: 'customer', public: true, body: rating.comment, data: { rating: rating.rating, agentId: rating.agentId } });
          complaints.update(c.id, {}, at);
          return { ok: true, value: rating };
        })
        .immediate();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return { ok: false, status: 409, errors: { form: t.alreadyRated } };
      const refused = refusal(error);
      if (refused) return refused;
      throw error;
    }
  }

  /**
   * Who the rating counts for: the assignee, or else the staff member who resolved (or closed) it, or
   * else the last one who replied.
   */
  private agentOf(c: Complaint): number | null {
    if (c.assigneeId) return c.assigneeId;
    const events = this.deps.complaints.events(c.id).filter((e) => e.actor === 'staff' && e.actorId);
    const resolver = events.findLast((e) => e.kind === 'status' && rateableStatuses.includes(e.data?.to as Status));
    return (resolver ?? events.findLast((e) => e.kind === 'reply'))?.actorId ?? null;
  }

  /**
   * Averages and counts grouped by team, agent, category or month, with the recent comments. Without
   * `access`, every complaint in full (reports, tests); with it, only the complaints that person may see,
   * and comments masked for roles without `complaints:read-pii`. Throws a ZodError for a bad query.
   */
  stats(query: StatsQuery, access?: ComplaintAccess): SatisfactionStats {
    const q = statsSchema.parse(query);
    const scope = this.scope(q, access);
    return { by: q.by, from: q.from ?? null, to: q.to ?? null, overall: this.overall(scope), groups: this.groups(q.by, scope), recent: this.recent(scope, q.recent, access) };
  }

  /** Every dimension for this staff member (their scope, masked as their role requires). */
  overview(member: StaffMember, period: { from?: string; to?: string } = {}): SatisfactionOverview {
    const access = complaintAccess(member, this.deps.routing);
    const q = statsSchema.parse({ by: 'team', ...period });
    const scope = this.scope(q, access);
    const groups = Object.fromEntries(dimensions.map((d) => [d, this.groups(d, scope)])) as Record<Dimension, SatisfactionGroup[]>;
    return { overall: this.overall(scope), groups, recent: this.recent(scope, q.recent, access), masked: !access.pii };
  }

  private scope(q: { from?: string; to?: string }, access: ComplaintAccess | undefined): RatingScope {
    const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString();
    return { teams: access?.teams, from: q.from ? `${q.from}T00:00:00.000Z` : null, to: q.to ? nextDay(q.to) : null };
  }

  private overall(scope: RatingScope): { count: number; average: number | null } {
    const o = this.store.overall(scope);
    return { count: o.count, average: o.average === null ? null : round2(o.average) };
  }

  private groups(by: Dimension, scope: RatingScope): SatisfactionGroup[] {
    const rows = this.store.groups(by, scope);
    const names = by === 'agent' ? this.deps.staff.names(rows.map((r) => (r.key ? Number(r.key) : null))) : undefined;
    return rows.map((r) => ({ ...r, average: round2(r.average), label: this.label(by, r.key, names) }));
  }

  private label(by: Dimension, key: string | null, names?: Map<number, string>): string {
    switch (by) {
      case 'team':
        return key ? (this.deps.routing.team(key)?.name ?? key) : 'No team';
      case 'agent':
        return key ? (names?.get(Number(key)) ?? `user ${key}`) : 'Nobody';
      case 'category':
        return key ? (categoryLabels[key as keyof typeof categoryLabels] ?? key) : 'Not classified';
      case 'month':
        return key ? monthName.format(new Date(`${key}-01T00:00:00Z`)) : '—';
    }
  }

  private recent(scope: RatingScope, limit: number, access: ComplaintAccess | undefined): RecentComment[] {
    const rows = limit ? this.store.recent(scope, limit) : [];
    const names = this.deps.staff.names(rows.map((r) => r.agentId));
    return rows.map((r) => ({
      complaintId: r.complaintId,
      reference: r.reference,
      ratedAt: r.ratedAt,
      rating: r.rating,
      comment: access ? textAsSeenBy(access, r.comment ?? '') : (r.comment ?? ''),
      team: this.label('team', r.teamId),
      agent: this.label('agent', r.agentId === null ? null : String(r.agentId), names),
      category: this.label('category', r.category),
    }));
  }
}
