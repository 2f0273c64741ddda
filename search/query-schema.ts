import { z } from 'zod';
import { categories } from '@core/content/categories.ts';
import { productIds } from '@core/content/products.ts';
import { locales } from '@core/i18n/locales.ts';

export const maxQueryLength = 200;

/** The search API's and results page's parameters; the boundary where client input is checked. */
export const searchParamsSchema = z.object({
  q: z
    .string({ required_error: 'q is required' })
    .trim()
    .min(1, 'q must not be empty')
    .max(maxQueryLength, `q must be at most ${maxQueryLength} characters`),
  locale: z.enum(locales, { errorMap: () => ({ message: `locale must be one of ${locales.join(', ')}` }) }).default('en'),
  category: z.enum(categories, { errorMap: () => ({ message: `category must be one of ${categories.join(', ')}` }) }).optional(),
  product: z.enum(productIds, { errorMap: () => ({ message: `product must be one of ${productIds.join(', ')}` }) }).optional(),
  page: z.coerce.number({ invalid_type_error: 'page must be a number' }).int().min(1).max(100, 'page must be at most 100').default(1),
  limit: z.coerce.number({ invalid_type_error: 'limit must be a number' }).int().min(1).max(50, 'limit must be at most 50').default(10),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** Reads the parameters from a URL, treating empty strings as absent (as HTML forms send them). */
export function parseSearchParams(url: URL) {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (value !== '' || key === 'q') raw[key] = value;
  return searchParamsSchema.safeParse(raw);
}
