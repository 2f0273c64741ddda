/**
 * Is a group's rise more than noise? Complaints arrive one by one, so at a steady weekly rate the
 * share of a group's complaints that fall in the recent weeks is about the share of the weeks that are
 * recent. Given n complaints in the whole period, the recent count is then Binomial(n, p) with
 * p = recent weeks / all weeks. The z-score (recent - n·p) / sqrt(n·p·(1-p)) says how many standard
 * deviations above that expectation the recent weeks are; at 2.33 or more (one chance in a hundred under
 * a steady rate) with at least 10 complaints, the rise is called significant. Short periods give few
 * recent weeks, so the page says which weeks were compared.
 */
export const significantZ = 2.33;
export const minimumComplaints = 10;

export interface Rise {
  key: string;
  /** Complaints in the recent weeks, and per week. */
  recent: number;
  recentPerWeek: number;
  /** Complaints in the weeks before, and per week. */
  before: number;
  beforePerWeek: number;
  /** recentPerWeek / beforePerWeek; null when there were none before. */
  ratio: number | null;
  z: number;
  significant: boolean;
}

/** How many of the period's weeks count as recent: the last third, from one to four weeks. */
export function recentWeeksOf(weeks: number): number {
  return Math.max(1, Math.min(4, Math.floor(weeks / 3)));
}

/** Tests one group: `series` is its count per week, oldest first. */
export function rise(key: string, series: readonly number[], recentWeeks: number): Rise {
  const split = Math.max(0, series.length - recentWeeks);
  const recent = series.slice(split).reduce((a, b) => a + b, 0);
  const before = series.slice(0, split).reduce((a, b) => a + b, 0);
  const n = recent + before;
  const p = series.length ? Math.min(recentWeeks, series.length) / series.length : 0;
  const sd = Math.sqrt(n * p * (1 - p));
  const z = sd > 0 ? (recent - n * p) / sd : 0;
  const recentPerWeek = recent / Math.max(1, Math.min(recentWeeks, series.length));
  const beforePerWeek = split > 0 ? before / split : 0;
  return {
    key,
    recent,
    recentPerWeek,
    before,
    beforePerWeek,
    ratio: beforePerWeek > 0 ? recentPerWeek / beforePerWeek : null,
    z: Math.round(z * 100) / 100,
    significant: split > 0 && n >= minimumComplaints && z >= significantZ,
  };
}

/** Every group with more complaints per week lately than before, the most unusual first. */
export function risingFastest(series: ReadonlyMap<string, readonly number[]>, recentWeeks: number): Rise[] {
  return [...series]
    .map(([key, counts]) => rise(key, counts, recentWeeks))
    .filter((r) => r.recentPerWeek > r.beforePerWeek)
    .sort((a, b) => b.z - a.z || a.key.localeCompare(b.key));
}
