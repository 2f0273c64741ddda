import type { InsightsQuery } from '@feedback/insights/query.ts';

/** The query string of a view with the page's period and filters, for its CSV and JSON links. */
export function viewQuery(q: InsightsQuery, extra: Record<string, string>): string {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  for (const key of ['product', 'category', 'locale', 'channel'] as const) if (q[key]) params.set(key, q[key]!);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

export const csvHref = (q: InsightsQuery, view: string) => `/admin/insights/export.csv?${viewQuery(q, { view })}`;
export const jsonHref = (q: InsightsQuery, by: string) => `/api/admin/insights?${viewQuery(q, { by })}`;

export const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)} %` : '—');
