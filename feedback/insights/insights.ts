import { ZodError } from 'zod';
import { complaintCategories } from '@core/content/complaint-categories.ts';
import { products } from '@core/content/products.ts';
import { fieldErrors } from '@core/staff/actions.ts';
import type { StaffMember } from '@core/staff/users.ts';
import type { Clock } from '../clock.ts';
import { maskComplaint } from '../complaints/masking.ts';
import { categoryLabels, channelLabels, statusLabels } from '../complaints/labels.ts';
import type { Complaint } from '../complaints/model.ts';
import type { Routing } from '../routing/routing.ts';
import { bounds, insightsQuerySchema, settle, weeksOf, wholeWeeks, type Grouping, type InsightsQuery } from './query.ts';
import { recentWeeksOf, risingFastest, rise, type Rise } from './rising.ts';
import { insightsScope, type InsightsScope } from './scope.ts';
import { InsightsStore, type Compliance, type DeflectionSummary, type InsightsFilter, type RatingSummary } from './store.ts';

export interface InsightsRow {
  key: string;
  label: string;
  count: number;
  /** Category and product rows: the rising test over the period's weeks (see rising.ts). */
  rise?: Omit<Rise, 'key'>;
}

export interface InsightsRows {
  query: InsightsQuery;
  rows: InsightsRow[];
  total: number;
}

export interface WeeklySeries {
  weeks: string[];
  /** Per key, its count in each week (oldest first), the largest groups first. */
  series: Array<{ key: string; label: string; counts: number[]; total: number }>;
}

export interface InsightsReport {
  query: InsightsQuery;
  scope: InsightsScope;
  total: number;
  weeks: Array<{ key: string; label: string; count: number }>;
  byCategory: WeeklySeries;
  byProduct: WeeklySeries;
  /** Weeks compared by the rising test: the last `recentWeeks` whole weeks against the whole weeks before. */
  recentWeeks: number;
  /** The whole weeks of the period (Mondays), the ones the rising test reads. */
  testedWeeks: string[];
  rising: { category: Array<Rise & { label: string }>; product: Array<Rise & { label: string }> };
  compliance: Compliance;
  satisfaction: RatingSummary;
  deflection: DeflectionSummary;
  /** The newest complaints, masked for people without `complaints:read-pii`. */
  examples: Complaint[];
}

export type Parsed = { ok: true; query: InsightsQuery } | { ok: false; status: number; errors: Record<string, string> };

const weekLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The staff area's words for a group key. */
export function keyLabel(by: Grouping, key: string): string {
  if (by === 'week') return `Week of ${weekLabel.format(new Date(`${key}T00:00:00Z`))}`;
  if (key === 'none') return by === 'category' ? 'Not classified' : 'No product';
  if (by === 'category') return categoryLabels[key as (typeof complaintCategories)[number]] ?? key;
  return products[key as keyof typeof products] ?? key;
}

/**
 * Product insights: what customers complain about, per category, product and week, whether it is rising,
 * how deadlines and satisfaction fare, and recent examples; the same numbers for the page, the JSON API and
 * the CSV downloads. Read-only: it changes nothing, so there is no action and no audit entry.
 */
export class Insights {
  readonly store: InsightsStore;

  constructor(private readonly deps: { store: InsightsStore; clock: Clock; routing: Pick<Routing, 'productScope' | 'rules'> }) {
    this.store = deps.store;
  }

  scope(member: StaffMember): InsightsScope | null {
    return insightsScope(member, this.deps.routing);
  }

  /** Reads a query string (or form): 400 with one message per field for what cannot be used. */
  parse(params: URLSearchParams | Record<string, unknown>): Parsed {
    const input = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
    try {
      const parsed = insightsQuerySchema.safeParse(input);
      if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
      return { ok: true, query: settle(parsed.data, this.deps.clock.now()) };
    } catch (error) {
      if (error instanceof ZodError) return { ok: false, status: 400, errors: fieldErrors(error) };
      throw error;
    }
  }

  /** The default view: the last 12 weeks, every product the person sees. */
  defaults(): InsightsQuery {
    return settle({}, this.deps.clock.now());
  }

  filter(scope: InsightsScope, q: InsightsQuery): InsightsFilter {
    return { ...bounds(q), products: scope.products, product: q.product, category: q.category, locale: q.locale, channel: q.channel };
  }

  /** The JSON API's answer: one row per category, product or week (every week of the period, empty ones too); one query each. */
  rows(scope: InsightsScope, q: InsightsQuery): InsightsRows {
    const f = this.filter(scope, q);
    const weeks = weeksOf(q.from, q.to);
    if (q.by === 'week') {
      const byWeek = new Map(this.store.weeks(f).map((r) => [r.key, r.count]));
      const rows = weeks.map((w) => ({ key: w, label: keyLabel('week', w), count: byWeek.get(w) ?? 0 }));
      return { query: q, total: rows.reduce((a, r) => a + r.count, 0), rows };
    }
    const weekly = this.weekly(q.by, f, weeks);
    const whole = wholeWeeks(weeks, q.from, q.to);
    const recentWeeks = recentWeeksOf(whole.filter(Boolean).length);
    const rows = weekly.series.map((s) => {
      const { key: _key, ...tested } = rise(s.key, s.counts.filter((_, i) => whole[i]), recentWeeks);
      return { key: s.key, label: s.label, count: s.total, rise: tested };
    });
    return { query: q, total: rows.reduce((a, r) => a + r.count, 0), rows };
  }

  private weekly(by: 'category' | 'product', f: InsightsFilter, weeks: string[]): WeeklySeries {
    const index = new Map(weeks.map((w, i) => [w, i]));
    const series = new Map<string, number[]>();
    for (const r of this.store.weekly(by, f)) {
      const counts = series.get(r.key) ?? series.set(r.key, new Array<number>(weeks.length).fill(0)).get(r.key)!;
      const i = index.get(r.week);
      if (i !== undefined) counts[i]! += r.count;
    }
    return {
      weeks,
      series: [...series]
        .map(([key, counts]) => ({ key, label: keyLabel(by, key), counts, total: counts.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)),
    };
  }

  report(scope: InsightsScope, q: InsightsQuery, examples = 5): InsightsReport {
    const f = this.filter(scope, q);
    const weeks = weeksOf(q.from, q.to);
    const weekRows = this.rows(scope, { ...q, by: 'week' });
    const byCategory = this.weekly('category', f, weeks);
    const byProduct = this.weekly('product', f, weeks);
    const whole = wholeWeeks(weeks, q.from, q.to);
    const recentWeeks = recentWeeksOf(whole.filter(Boolean).length);
    const risingOf = (by: 'category' | 'product', w: WeeklySeries) =>
      risingFastest(new Map(w.series.map((s) => [s.key, s.counts.filter((_, i) => whole[i])])), recentWeeks).map((r) => ({ ...r, label: keyLabel(by, r.key) }));
    return {
      query: q,
      scope,
      total: weekRows.total,
      weeks: weekRows.rows,
      byCategory,
      byProduct,
      recentWeeks,
      testedWeeks: weeks.filter((_, i) => whole[i]),
      rising: { category: risingOf('category', byCategory), product: risingOf('product', byProduct) },
      compliance: this.store.compliance(f, this.deps.clock.now().toISOString()),
      satisfaction: this.store.ratings(f),
      deflection: this.store.deflection(q.from, q.to, q.locale),
      examples: this.store.recent(f, examples).map((c) => (scope.masked ? maskComplaint(c) : c)),
    };
  }

  /** Complaints in pages of `pageSize`, masked for this person: what the CSV export streams. */
  *complaints(scope: InsightsScope, q: InsightsQuery, pageSize = 1000): Generator<Complaint[]> {
    const f = this.filter(scope, q);
    let after = 0;
    for (;;) {
      const page = this.store.page(f, after, pageSize);
      if (!page.length) return;
      after = page[page.length - 1]!.id;
      yield scope.masked ? page.map(maskComplaint) : page;
    }
  }
}

export const exportColumns = ['reference', 'received', 'locale', 'channel', 'product', 'category', 'severity', 'status', 'team', 'subject', 'description', 'customer', 'email'] as const;

/** The columns of a complaint in the export, in the staff area's words. */
export function exportRecord(c: Complaint): Record<(typeof exportColumns)[number], string> {
  return {
    reference: c.reference,
    received: c.createdAt,
    locale: c.locale,
    channel: channelLabels[c.channel],
    product: c.product ? keyLabel('product', c.product) : '',
    category: c.category ? categoryLabels[c.category] : '',
    severity: c.severity,
    status: statusLabels[c.status],
    team: c.teamId ?? '',
    subject: c.subject,
    description: c.description,
    customer: c.name ?? '',
    email: c.email ?? '',
  };
}
