import { z } from 'zod';
import { locales } from '../i18n/locales.ts';
import { categories } from './categories.ts';
import { productIds } from './products.ts';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The frontmatter every article carries; one schema for the site, the editor and `content:check`. */
export const frontmatterSchema = z
  .object({
    title: z.string().trim().min(1).max(140),
    summary: z.string().trim().min(1).max(300),
    category: z.enum(categories),
    audience: z.enum(['public', 'internal']),
    locale: z.enum(locales),
    translationKey: z.string().regex(kebab, 'must be lowercase words joined by hyphens').max(100),
    product: z.enum(productIds).optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(12).default([]),
    answer: z.string().trim().min(1).max(1000).optional(),
    updated: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'is not a real date'),
    status: z.enum(['draft', 'published']),
    slug: z.string().regex(kebab, 'must be lowercase ASCII words joined by hyphens').max(100).optional(),
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Audience = Frontmatter['audience'];
