import { z } from 'zod';
import { locales } from '../i18n/locales.ts';
import { categories, templateCategory } from './categories.ts';
import { complaintCategories } from './complaint-categories.ts';
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
    /** Reply templates only: the reply agents insert, with placeholders such as {{customer.name}}. */
    reply: z.string().trim().min(1).max(5000).optional(),
    /** Reply templates only: the complaint categories the reply answers (none: any). */
    complaintCategories: z.array(z.enum(complaintCategories)).max(complaintCategories.length).default([]),
    updated: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'is not a real date'),
    status: z.enum(['draft', 'published']),
    slug: z.string().regex(kebab, 'must be lowercase ASCII words joined by hyphens').max(100).optional(),
  })
  .strict()
  .superRefine((meta, ctx) => {
    const template = meta.category === templateCategory;
    if (template && !meta.reply) ctx.addIssue({ code: 'custom', path: ['reply'], message: 'a reply template needs the reply text (reply:)' });
    if (template && meta.audience !== 'internal') ctx.addIssue({ code: 'custom', path: ['audience'], message: 'a reply template is for staff: audience must be internal' });
    if (!template && meta.reply) ctx.addIssue({ code: 'custom', path: ['reply'], message: `only reply templates (category ${templateCategory}) have a reply` });
    if (!template && meta.complaintCategories.length) ctx.addIssue({ code: 'custom', path: ['complaintCategories'], message: `only reply templates (category ${templateCategory}) name complaint categories` });
  });

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Audience = Frontmatter['audience'];
