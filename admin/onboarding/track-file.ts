import { z } from 'zod';
import { defaultLocale, locales, type Locale } from '@core/i18n/locales.ts';
import type { Diagnostic } from '@core/markdown/diagnostic.ts';
import { readYamlWithSchema } from '@core/content/yaml-with-schema.ts';
import { roles } from '@core/staff/roles.ts';

/**
 * One onboarding track as content: `content/onboarding/<id>.yaml`. Texts are given per locale (English
 * required, the others fall back to it); articles are named by translation key so each reader gets
 * their own language.
 */

const localized = (max: number) =>
  z
    .object(Object.fromEntries(locales.map((l) => [l, z.string().trim().min(1, 'is empty').max(max, `must be at most ${max} characters`).optional()])) as Record<Locale, z.ZodOptional<z.ZodString>>)
    .strict()
    .refine((value) => Boolean(value.en), { message: 'needs an English (en) text' });

const optionSchema = z.object({ text: localized(300), correct: z.boolean().default(false) }).strict();

const questionSchema = z
  .object({
    kind: z.enum(['single', 'multiple'], { errorMap: () => ({ message: 'must be single or multiple' }) }),
    prompt: localized(500),
    options: z.array(optionSchema).min(2, 'needs at least 2 options').max(8, 'must have at most 8 options'),
    explanation: localized(1000),
  })
  .strict()
  .superRefine((q, ctx) => {
    const right = q.options.filter((o) => o.correct).length;
    if (right === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'has no right answer: mark one option with correct: true' });
    if (q.kind === 'single' && right > 1) ctx.addIssue({ code: 'custom', path: ['options'], message: 'is single choice but marks more than one right answer' });
  });

const stepSchema = z
  .object({
    article: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a translation key (lowercase words joined by hyphens)'),
    questions: z.array(questionSchema).max(10, 'must have at most 10 questions').default([]),
  })
  .strict();

export const trackSchema = z
  .object({
    title: localized(140),
    description: localized(1000),
    roles: z.array(z.enum(roles, { errorMap: () => ({ message: `must be one of: ${roles.join(', ')}` }) })).default([]),
    steps: z.array(stepSchema).min(1, 'needs at least one step').max(100, 'must have at most 100 steps'),
  })
  .strict();

export type LocalizedText = Partial<Record<Locale, string>>;
export type TrackData = z.infer<typeof trackSchema>;
export type Question = TrackData['steps'][number]['questions'][number];

export interface Track extends TrackData {
  /** The file name without `.yaml`. */
  id: string;
  file: string;
  /** Line of each step's `article:` in the file, so cross-checks can point at it. */
  stepLines: number[];
}

export type TrackFileResult = { ok: true; track: Track } | { ok: false; diagnostics: Diagnostic[] };

export const trackIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The text in `locale`, else English; `fallback` says whether English stood in. */
export function pick(text: LocalizedText, locale: Locale): { text: string; locale: Locale; fallback: boolean } {
  const own = text[locale];
  if (own) return { text: own, locale, fallback: false };
  return { text: text[defaultLocale] ?? '', locale: defaultLocale, fallback: locale !== defaultLocale };
}

/** Parses and checks one track file; every problem comes with its line and column. */
export function parseTrackFile(file: string, source: string): TrackFileResult {
  const id = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (!trackIdPattern.test(id)) return { ok: false, diagnostics: [{ line: 1, column: 1, message: `file name "${id}" is not a valid track id: use lowercase ASCII words joined by hyphens` }] };
  const read = readYamlWithSchema(source, trackSchema);
  if (!read.ok) return read;
  const { value: track, where } = read;
  const stepLines = track.steps.map((_, i) => where(['steps', i, 'article']).line);
  return { ok: true, track: { ...track, id, file, stepLines } };
}
