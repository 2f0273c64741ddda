import type { Statement } from 'better-sqlite3';
import type { Db, Migration } from '@core/db/database.ts';
import { toComplaint, type Row } from '../complaints/store.ts';
import type { Complaint } from '../complaints/model.ts';

const rollupKey = (row: 'NEW' | 'OLD') =>
  `day = substr(${row}.created_at, 1, 10) AND product = COALESCE(${row}.product, 'none') AND category = COALESCE(${row}.category, 'none') AND locale = ${row}.locale AND channel = ${row}.channel`;
const coarseKey = (row: 'NEW' | 'OLD') => `day = substr(${row}.created_at, 1, 10) AND product = COALESCE(${row}.product, 'none') AND category = COALESCE(${row}.category, 'none')`;
const rollupAdd = `INSERT INTO complaint_daily_counts (day, product, category, locale, channel, count)
    VALUES (substr(NEW.created_at, 1, 10), COALESCE(NEW.product, 'none'), COALESCE(NEW.category, 'none'), NEW.locale, NEW.channel, 1)
    ON CONFLICT (day, product, category, locale, channel) DO UPDATE SET count = count + 1;
  INSERT INTO complaint_daily_totals (day, product, category, count)
    VALUES (substr(NEW.created_at, 1, 10), COALESCE(NEW.product, 'none'), COALESCE(NEW.category, 'none'), 1)
    ON CONFLICT (day, product, category) DO UPDATE SET count = count + 1;`;
const rollupRemove = `UPDATE complaint_daily_counts SET count = count - 1 WHERE ${rollupKey('OLD')};
  UPDATE complaint_daily_totals SET count = count - 1 WHERE ${coarseKey('OLD')};`;

/**
 * The counts read a daily roll-up of the complaints (per day, product, category, locale and channel;
 * and a smaller one per day, product and category for views without a locale or channel filter),
 * kept in step by triggers in the same transaction as every insert, reclassification and deletion, so
 * it can never disagree with the complaints table (tests compare the two). Grouping a few thousand
 * roll-up rows instead of 100,000 complaints is what keeps the API under 50 ms (docs/insights.md).
 * "none" stands for a complaint without a product or category.
 */
export const insightsMigrations: Migration[] = [
  {
    id: 'feedback/insights-001-complaints-by-time',
    sql: 'CREATE INDEX complaints_insights ON complaints (created_at, product, category, locale, channel);',
  },
  {
    id: 'feedback/insights-002-daily-counts',
    sql: `
      CREATE TABLE complaint_daily_counts (
        day TEXT NOT NULL,
        product TEXT NOT NULL,
        category TEXT NOT NULL,
        locale TEXT NOT NULL,
        channel TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, product, category, locale, channel)
      ) WITHOUT ROWID;
      INSERT INTO complaint_daily_counts (day, product, category, locale, channel, count)
        SELECT substr(created_at, 1, 10), COALESCE(product, 'none'), COALESCE(category, 'none'), locale, channel, COUNT(*) FROM complaints GROUP BY 1, 2, 3, 4, 5;
      CREATE TABLE complaint_daily_totals (
        day TEXT NOT NULL,
        product TEXT NOT NULL,
        category TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, product, category)
      ) WITHOUT ROWID;
      INSERT INTO complaint_daily_totals (day, product, category, count)
        SELECT substr(created_at, 1, 10), COALESCE(product, 'none'), COALESCE(category, 'none'), COUNT(*) FROM complaints GROUP BY 1, 2, 3;
      CREATE TRIGGER complaints_daily_insert AFTER INSERT ON complaints BEGIN
        ${rollupAdd}
      END;
      CREATE TRIGGER complaints_daily_update AFTER UPDATE OF created_at, product, category, locale, channel ON complaints BEGIN
        ${rollupRemove}
        ${rollupAdd}
      END;
      CREATE TRIGGER complaints_daily_delete AFTER DELETE ON complaints BEGIN
        ${rollupRemove}
      END;
    `,
  },
];

/** Which complaints a query counts: created in [fromIso, toIso), matching every filter that is set. */
export interface InsightsFilter {
  fromIso: string;
  toIso: string;
  /** The person's product lines; undefined = every complaint. */
  products: string[] | undefined;
  product?: string;
  category?: string;
  locale?: string;
  channel?: string;
}

/** What a group key reads in the roll-up. */
export const keyExpression: Record<'category' | 'product' | 'week', string> = {
  category: 'n.category',
  product: 'n.product',
  // The Monday of the day's week: the next Sunday (or the day itself), less six days.
  week: "date(n.day, 'weekday 0', '-6 days')",
};

const rollupWhere = (fine: boolean) => `WHERE n.day >= @fromDay AND n.day < @toDay
  AND (@everyProduct = 1 OR n.product IN (SELECT value FROM json_each(@products)))
  AND (@product IS NULL OR n.product = @product)
  AND (@category IS NULL OR n.category = @category)
  ${fine ? 'AND (@locale IS NULL OR n.locale = @locale) AND (@channel IS NULL OR n.channel = @channel)' : ''}`;
const rollupTable = (fine: boolean) => (fine ? 'complaint_daily_counts' : 'complaint_daily_totals');
type Grain = 'fine' | 'coarse';

const where = `WHERE c.created_at >= @fromIso AND c.created_at < @toIso
  AND (@everyProduct = 1 OR c.product IN (SELECT value FROM json_each(@products)))
  AND (@product IS NULL OR c.product = @product)
  AND (@category IS NULL OR c.category = @category)
  AND (@locale IS NULL OR c.locale = @locale)
  AND (@channel IS NULL OR c.channel = @channel)`;

export interface Compliance {
  responseMet: number;
  responseMissed: number;
  responsePending: number;
  resolutionMet: number;
  resolutionMissed: number;
  resolutionPending: number;
}

export interface RatingSummary {
  count: number;
  average: number | null;
  distribution: [number, number, number, number, number];
}

export interface DeflectionSummary {
  /** Complaint forms that showed suggested articles. */
  sessions: number;
  /** ... where an article was opened. */
  opened: number;
  /** ... opened an article and sent the complaint all the same. */
  openedAndSubmitted: number;
  /** ... not sent after a suggestion was shown. */
  abandoned: number;
}

/** The insights' SQL, read-only over the complaint room's tables, behind prepared statements. */
export class InsightsStore {
  private readonly s: {
    weeks: Record<Grain, Statement>;
    weekly: Record<'category' | 'product', Record<Grain, Statement>>;
    compliance: Statement;
    ratings: Statement;
    deflection: Statement;
    recent: Statement;
    page: Statement;
  };

  constructor(db: Db) {
    const weeks = (fine: boolean) =>
      db.prepare(`SELECT ${keyExpression.week} AS key, SUM(n.count) AS count FROM ${rollupTable(fine)} n ${rollupWhere(fine)} GROUP BY key HAVING SUM(n.count) > 0 ORDER BY key`);
    const weekly = (k: 'category' | 'product', fine: boolean) =>
      db.prepare(`SELECT ${keyExpression.week} AS week, ${keyExpression[k]} AS key, SUM(n.count) AS count FROM ${rollupTable(fine)} n ${rollupWhere(fine)} GROUP BY week, key HAVING SUM(n.count) > 0`);
    this.s = {
      weeks: { fine: weeks(true), coarse: weeks(false) },
      weekly: { category: { fine: weekly('category', true), coarse: weekly('category', false) }, product: { fine: weekly('product', true), coarse: weekly('product', false) } },
      compliance: db.prepare(`SELECT
          COALESCE(SUM(c.response_due_at IS NOT NULL AND c.first_response_at IS NOT NULL AND c.first_response_at <= c.response_due_at), 0) AS responseMet,
          COALESCE(SUM(c.response_due_at IS NOT NULL AND (c.first_response_at > c.response_due_at OR (c.first_response_at IS NULL AND c.response_due_at <= @now))), 0) AS responseMissed,
          COALESCE(SUM(c.response_due_at IS NOT NULL AND c.first_response_at IS NULL AND c.response_due_at > @now), 0) AS responsePending,
          COALESCE(SUM(c.resolution_due_at IS NOT NULL AND c.resolved_at IS NOT NULL AND c.resolved_at <= c.resolution_due_at), 0) AS resolutionMet,
          COALESCE(SUM(c.resolution_due_at IS NOT NULL AND (c.resolved_at > c.resolution_due_at OR (c.resolved_at IS NULL AND c.resolution_due_at <= @now))), 0) AS resolutionMissed,
          COALESCE(SUM(c.resolution_due_at IS NOT NULL AND c.resolved_at IS NULL AND c.resolution_due_at > @now), 0) AS resolutionPending
        FROM complaints c ${where}`),
      ratings: db.prepare(`SELECT COUNT(*) AS count, AVG(r.rating) AS average,
          COALESCE(SUM(r.rating = 1), 0) AS r1, COALESCE(SUM(r.rating = 2), 0) AS r2, COALESCE(SUM(r.rating = 3), 0) AS r3,
          COALESCE(SUM(r.rating = 4), 0) AS r4, COALESCE(SUM(r.rating = 5), 0) AS r5
        FROM complaint_ratings r JOIN complaints c ON c.id = r.complaint_id ${where}`),
      deflection: db.prepare(`SELECT COUNT(*) AS sessions, COALESCE(SUM(opened > 0), 0) AS opened,
          COALESCE(SUM(opened > 0 AND submitted = 1), 0) AS openedAndSubmitted, COALESCE(SUM(submitted = 0), 0) AS abandoned
        FROM complaint_suggestion_sessions WHERE shown > 0 AND day >= @fromDay AND day <= @toDay AND (@locale IS NULL OR locale = @locale)`),
      recent: db.prepare(`SELECT c.* FROM complaints c ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT @limit`),
      page: db.prepare(`SELECT c.* FROM complaints c ${where} AND c.id > @after ORDER BY c.id LIMIT @limit`),
    };
  }

  private params(f: InsightsFilter): Record<string, unknown> {
    return {
      fromIso: f.fromIso,
      toIso: f.toIso,
      fromDay: f.fromIso.slice(0, 10),
      toDay: f.toIso.slice(0, 10),
      everyProduct: f.products ? 0 : 1,
      products: JSON.stringify(f.products ?? []),
      product: f.product ?? null,
      category: f.category ?? null,
      locale: f.locale ?? null,
      channel: f.channel ?? null,
    };
  }

  /** Views without a locale or channel filter read the smaller roll-up. */
  private grain(f: InsightsFilter): Grain {
    return f.locale || f.channel ? 'fine' : 'coarse';
  }

  /** Complaints per week (Monday), oldest first. */
  weeks(f: InsightsFilter): Array<{ key: string; count: number }> {
    return this.s.weeks[this.grain(f)].all(this.params(f)) as Array<{ key: string; count: number }>;
  }

  /** Complaints per week and category or product: the charts, the rising test, and (summed) the per-group counts. */
  weekly(by: 'category' | 'product', f: InsightsFilter): Array<{ week: string; key: string; count: number }> {
    return this.s.weekly[by][this.grain(f)].all(this.params(f)) as Array<{ week: string; key: string; count: number }>;
  }

  compliance(f: InsightsFilter, nowIso: string): Compliance {
    return this.s.compliance.get({ ...this.params(f), now: nowIso }) as Compliance;
  }

  ratings(f: InsightsFilter): RatingSummary {
    const r = this.s.ratings.get(this.params(f)) as { count: number; average: number | null; r1: number; r2: number; r3: number; r4: number; r5: number };
    return { count: r.count, average: r.average, distribution: [r.r1, r.r2, r.r3, r.r4, r.r5] };
  }

  /** Suggestion sessions are kept per day and locale only (no product, no category): only those filters apply. */
  deflection(fromDay: string, toDay: string, locale: string | undefined): DeflectionSummary {
    return this.s.deflection.get({ fromDay, toDay, locale: locale ?? null }) as DeflectionSummary;
  }

  recent(f: InsightsFilter, limit: number): Complaint[] {
    return (this.s.recent.all({ ...this.params(f), limit }) as Row[]).map(toComplaint);
  }

  /** The next `limit` complaints after id `after`: exports read in pages so a long one never holds the connection. */
  page(f: InsightsFilter, after: number, limit: number): Complaint[] {
    return (this.s.page.all({ ...this.params(f), after, limit }) as Row[]).map(toComplaint);
  }
}
