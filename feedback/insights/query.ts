import { z } from 'zod';
import { complaintCategories } from '@core/content/complaint-categories.ts';
import { productIds } from '@core/content/products.ts';
import { locales } from '@core/i18n/locales.ts';
import { channels } from '../complaints/model.ts';

/** What a view of the insights can be grouped by. */
export const groupings = ['category', 'product', 'week'] as const;
export type Grouping = (typeof groupings)[number];

/** The default period: the last 12 whole weeks (Monday to Sunday), the current one included. */
export const defaultWeeks = 12;
/** A longer range is refused: the weekly chart and the rising test stop being readable. */
export const maxDays = 731;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (d: string) => dayPattern.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const day = z.string().refine(validDay, 'Use a day like 2026-03-31.');
// A filter left empty in a GET form arrives as "": the same as no filter.
const optional = <T extends [string, ...string[]]>(values: T) => z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());

export const insightsQuerySchema = z
  .object({
    from: z.preprocess((v) => (v === '' ? undefined : v), day.optional()),
    to: z.preprocess((v) => (v === '' ? undefined : v), day.optional()),
    by: optional([...groupings]),
    product: optional(productIds),
    category: optional([...complaintCategories]),
    locale: optional([...locales]),
    channel: optional([...channels]),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The period ends before it starts.', path: ['to'] });

export type InsightsQueryInput = z.input<typeof insightsQuerySchema>;

/** A parsed query with its period settled: days are UTC, both ends included. */
export interface InsightsQuery {
  from: string;
  to: string;
  by: Grouping;
  product?: string;
  category?: string;
  locale?: string;
  channel?: string;
}

const dayMs = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The Monday of the week a day falls in (weeks run Monday to Sunday, as in ISO 8601). */
export function weekStart(d: string): string {
  const ms = dayStart(d);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return isoDay(ms - weekday * dayMs);
}

/** The Mondays of every week that overlaps [from, to]. */
export function weeksOf(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let ms = dayStart(weekStart(from)); ms <= dayStart(to); ms += 7 * dayMs) weeks.push(isoDay(ms));
  return weeks;
}

/**
 * Whether each of `weeks` lies wholly inside [from, to]: the rising test compares whole weeks only, since
 * a week cut short by the period (this week, so far) would look like a fall, and a short first week like
 * a rise after it.
 */
export function wholeWeeks(weeks: readonly string[], from: string, to: string): boolean[] {
  return weeks.map((w) => w >= from && isoDay(dayStart(w) + 6 * dayMs) <= to);
}

/** Fills the defaults: to = today, from = the Monday 11 weeks before this week's Monday; by = week. */
export function settle(parsed: z.output<typeof insightsQuerySchema>, today: Date): InsightsQuery {
  const to = parsed.to ?? isoDay(today.getTime());
  const from = parsed.from ?? isoDay(dayStart(weekStart(to)) - (defaultWeeks - 1) * 7 * dayMs);
  if ((dayStart(to) - dayStart(from)) / dayMs >= maxDays) throw new z.ZodError([{ code: 'custom', path: ['from'], message: `Choose a period of at most ${maxDays} days.` }]);
  const { product, category, locale, channel } = parsed;
  return { from, to, by: parsed.by ?? 'week', product, category, locale, channel };
}

/** The SQL bounds of the period: [from 00:00, the day after `to` 00:00) in ISO time. */
export function bounds(q: Pick<InsightsQuery, 'from' | 'to'>): { fromIso: string; toIso: string } {
  return { fromIso: `${q.from}T00:00:00.000Z`, toIso: new Date(dayStart(q.to) + dayMs).toISOString() };
}
