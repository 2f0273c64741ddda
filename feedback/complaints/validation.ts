import { z } from 'zod';
import { productIds } from '@core/content/products.ts';
import { locales } from '@core/i18n/locales.ts';

/**
 * What a complaint may hold, and no more: only what handling needs (no birth date, no address, no
 * income). The limits are named in every error, in the API and on the form.
 */
export const complaintLimits = {
  subject: { min: 3, max: 200 },
  description: { min: 10, max: 5000 },
  orderNumber: { max: 64 },
  email: { max: 254 },
  name: { max: 100 },
  phone: { max: 40 },
  reply: { min: 1, max: 5000 },
  note: { max: 5000 },
  /** Whole request body of POST /api/complaints and of the forms, in bytes. */
  bodyBytes: 64 * 1024,
} as const;

/** `other` is "another product, or not sure". */
export const productChoices = [...productIds, 'other'] as const;
export type ProductChoice = (typeof productChoices)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Accepts what HTML forms send for a ticked box and what JSON clients send. */
const consent = z.union([z.literal(true), z.literal('on'), z.literal('true'), z.literal('yes'), z.literal('1')], {
  errorMap: () => ({ message: 'consent', params: { code: 'consent' } }),
});

export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,100}$/;
export const suggestionSessionPattern = /^[A-Za-z0-9_-]{16,64}$/;
const phonePattern = /^\+?[0-9 ().-]{5,40}$/;
const orderPattern = /^[\p{L}\p{N} ./#_-]+$/u;

function baseShape(emailRequired: boolean) {
  const email = z.string().trim().max(complaintLimits.email.max).email();
  return {
    locale: z.enum(locales),
    product: z.enum(productChoices),
    subject: z.string().trim().min(complaintLimits.subject.min).max(complaintLimits.subject.max),
    description: z.string().trim().min(complaintLimits.description.min).max(complaintLimits.description.max),
    orderNumber: optionalText(complaintLimits.orderNumber.max).refine((v) => v === undefined || orderPattern.test(v), { params: { code: 'invalid' } }),
    email: emailRequired ? email : z.union([z.literal('').transform(() => undefined), email]).optional(),
    name: optionalText(complaintLimits.name.max),
    phone: optionalText(complaintLimits.phone.max).refine((v) => v === undefined || phonePattern.test(v), { params: { code: 'invalid' } }),
  };
}

/** A complaint from the public form or POST /api/complaints. */
export const publicComplaintSchema = z.object({
  ...baseShape(true),
  consent,
  idempotencyKey: z.string().regex(idempotencyKeyPattern).optional(),
  suggestionSession: z.string().regex(suggestionSessionPattern).optional(),
  /** The public search whose results led to the form (decision 0090). */
  searchId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** A complaint staff record from a phone call, mail, letter or visit: the email may be unknown. */
export const staffComplaintSchema = z.object({
  ...baseShape(false),
  channel: z.enum(['phone', 'email', 'letter', 'in-person']),
  idempotencyKey: z.string().regex(idempotencyKeyPattern).optional(),
});

export const replySchema = z.object({ message: z.string().trim().min(complaintLimits.reply.min).max(complaintLimits.reply.max) });

export type PublicComplaintInput = z.infer<typeof publicComplaintSchema>;
export type StaffComplaintInput = z.infer<typeof staffComplaintSchema>;

/** One field's problem, independent of language; the form and the API word it. */
export interface FieldProblem {
  field: string;
  code: 'required' | 'too-short' | 'too-long' | 'invalid' | 'consent';
  limit?: number;
}

export function fieldProblems(error: z.ZodError, input: Record<string, unknown>): FieldProblem[] {
  const out = new Map<string, FieldProblem>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out.has(field)) continue;
    const raw = input[field];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    let problem: FieldProblem;
    if (field === 'consent') problem = { field, code: 'consent' };
    else if (issue.code === 'too_big') problem = { field, code: 'too-long', limit: Number(issue.maximum) };
    else if (empty) problem = { field, code: 'required' };
    else if (issue.code === 'too_small') problem = { field, code: 'too-short', limit: Number(issue.minimum) };
    else problem = { field, code: 'invalid' };
    out.set(field, problem);
  }
  return [...out.values()];
}

/** The English wording, used by the API (and as field names staff pages show). */
export const fieldLabels: Record<string, string> = {
  locale: 'locale',
  product: 'product',
  subject: 'subject',
  description: 'description',
  orderNumber: 'order or serial number',
  email: 'email',
  name: 'name',
  phone: 'phone',
  consent: 'consent',
  channel: 'channel',
  idempotencyKey: 'idempotencyKey',
  suggestionSession: 'suggestionSession',
  searchId: 'searchId',
  message: 'message',
};

export function describeProblem(p: FieldProblem): string {
  const label = fieldLabels[p.field] ?? p.field;
  switch (p.code) {
    case 'required':
      return `${label} is required`;
    case 'too-short':
      return `${label} must be at least ${p.limit} characters`;
    case 'too-long':
      return `${label} must be at most ${p.limit} characters`;
    case 'consent':
      return 'consent must be true: we need your agreement to process these details for this complaint';
    default:
      if (p.field === 'product') return `product must be one of ${productChoices.join(', ')}`;
      if (p.field === 'locale') return `locale must be one of ${locales.join(', ')}`;
      if (p.field === 'channel') return 'channel must be one of phone, email, letter, in-person';
      if (p.field === 'idempotencyKey') return 'idempotencyKey must be 8 to 100 letters, digits, - or _';
      return `${label} is not valid`;
  }
}

/** The staff area's wording of a problem (the field's label is shown next to it). */
export function staffMessage(p: FieldProblem): string {
  switch (p.code) {
    case 'required':
      return p.field === 'product' || p.field === 'channel' || p.field === 'locale' ? 'Choose a value from the list.' : 'Fill this in.';
    case 'too-short':
      return `Use at least ${p.limit} characters.`;
    case 'too-long':
      return `Use at most ${p.limit} characters.`;
    default:
      if (p.field === 'email') return 'Enter an address like name@example.com.';
      if (p.field === 'phone') return 'Use digits, spaces and + ( ) - only, at least 5.';
      if (p.field === 'orderNumber') return 'Use letters, digits, spaces and . / # - only.';
      return 'Choose a value from the list.';
  }
}
