import { z } from 'zod';
import { productIds } from '@core/content/products.ts';
import { complaintCategories } from '@core/content/complaint-categories.ts';
import { channels, statuses } from './model.ts';

/**
 * The inbox's filters as they come in the query string. Anything unknown or malformed is dropped
 * (a filter link from an old bookmark shows more, never an error).
 */
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

export const inboxFilterSchema = z.object({
  status: oneOf([...statuses, 'open'] as const),
  team: z.string().max(100).optional().catch(undefined),
  category: oneOf([...complaintCategories, 'unclassified'] as const),
  product: oneOf([...productIds, 'other'] as const),
  channel: oneOf(channels),
  overdue: z.literal('1').optional().catch(undefined),
  mine: z.literal('1').optional().catch(undefined),
  q: z.string().optional().catch(undefined).transform((q) => (q ?? '').trim().slice(0, 100)),
  page: z.string().regex(/^\d{1,6}$/).transform(Number).optional().catch(undefined),
});

export type InboxFilter = z.infer<typeof inboxFilterSchema>;

export function inboxFilter(params: URLSearchParams): InboxFilter {
  return inboxFilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== '')));
}
