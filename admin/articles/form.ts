import { z } from 'zod';
import { categories } from '@core/content/categories.ts';
import { locales } from '@core/i18n/locales.ts';
import { messages } from '@core/i18n/messages.ts';
import type { ParsedArticle } from '@core/content/parse-article.ts';
import type { Diagnostic } from '@core/markdown/diagnostic.ts';
import { maxArticleBytes, type ArticleEditor, type Conflict } from './editor.ts';
import { newArticleFile, PathError } from './paths.ts';
import { contentHash } from './revisions.ts';
import { bodyStartLine, composeSource, fieldNames, type ArticleFields } from './serialize.ts';

export const editorFieldLabels: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  category: 'Category',
  audience: 'Audience',
  locale: 'Language',
  translationKey: 'Translation key',
  product: 'Product',
  tags: 'Tags',
  answer: 'Answer block',
  reply: 'Reply (templates)',
  complaintCategories: 'Complaint categories (templates)',
  updated: 'Updated',
  status: 'Status',
  slug: 'Address (slug)',
  body: 'Body',
  message: 'Change note',
  minor: 'Minor change',
  frontmatter: 'Frontmatter',
  file: 'File',
};

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).default('');

/** The shape of an editor submission; the article's own rules (lengths, enums, MDX) come from the content pipeline. */
export const editorFormSchema = z.object({
  title: text(1000),
  summary: text(2000),
  category: text(40),
  audience: text(20),
  locale: text(20),
  translationKey: text(200),
  product: text(40),
  tags: text(2000),
  answer: text(5000),
  reply: text(10000),
  complaintCategories: text(500),
  updated: text(20),
  status: text(20),
  slug: text(200),
  body: z.string().default(''),
  message: text(200),
  baseHash: z.string().regex(/^(?:[0-9a-f]{64})?$/, 'is not a version this editor made; reload the page').default(''),
  bumpUpdated: z.string().optional(),
  minor: z.string().optional(),
  intent: z.enum(['preview', 'save', 'publish', 'unpublish'], { errorMap: () => ({ message: 'must be preview, save, publish or unpublish' }) }).default('preview'),
});
export type EditorForm = z.infer<typeof editorFormSchema>;

export interface ShownDiagnostic {
  /** The form field the problem belongs to: a frontmatter field, `body`, `slug` or `frontmatter`. */
  field: string;
  /** "Body, line 12, column 3" or "Title". */
  where: string;
  line: number;
  column: number;
  message: string;
}

export interface PreviewData {
  ok: boolean;
  title: string;
  summary: string;
  answer?: string;
  answerLabel: string;
  html?: string;
  audience: string;
  status: string;
  updated: string;
  lang: string;
  diagnostics: ShownDiagnostic[];
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The fields as they will be written, with the status the button asks for. */
export function effectiveFields(form: EditorForm, currentStatus: string): ArticleFields {
  const fields = Object.fromEntries(fieldNames.map((n) => [n, form[n]])) as unknown as ArticleFields;
  fields.status = form.intent === 'publish' ? 'published' : form.intent === 'unpublish' ? 'draft' : currentStatus || 'draft';
  if (form.bumpUpdated) fields.updated = today();
  return fields;
}

/** zod's stock wording, said the way the rest of the staff area says it. */
export function humanize(message: string): string {
  return message
    .replace(/^String must contain at least 1 character\(s\)$/, 'is required')
    .replace(/^String must contain at least (\d+) character\(s\)$/, 'must be at least $1 characters')
    .replace(/^String must contain at most (\d+) character\(s\)$/, 'must be at most $1 characters')
    .replace(/^Array must contain at most (\d+) element\(s\)$/, 'must have at most $1 entries')
    .replace(/^Required$/, 'is required')
    .replace(/^Invalid enum value\. Expected (.*), received '(.*)'$/, (_m, expected: string, got: string) => `"${got}" is not one of: ${expected.replace(/'/g, '').replace(/ \| /g, ', ')}`);
}

/** Maps pipeline diagnostics (file lines) to the form: frontmatter fields by name, body problems by body line. */
export function showDiagnostics(source: string, diagnostics: Diagnostic[]): ShownDiagnostic[] {
  const start = bodyStartLine(source);
  return diagnostics.map((raw) => {
    const d = { ...raw, message: humanize(raw.message) };
    const top = d.field?.split('.')[0];
    if (top) {
      const label = editorFieldLabels[top] ?? top;
      return { field: top, where: label, line: d.line, column: d.column, message: d.message };
    }
    if (d.line >= start) {
      const bodyLine = d.line - start + 1;
      return { field: 'body', where: `Body, line ${bodyLine}, column ${d.column}`, line: bodyLine, column: d.column, message: d.message };
    }
    return { field: 'frontmatter', where: `Frontmatter, line ${d.line}, column ${d.column}`, line: d.line, column: d.column, message: d.message };
  });
}

export function bodyTooLarge(body: string): boolean {
  return Buffer.byteLength(body, 'utf8') > maxArticleBytes;
}

/** Checks and renders what the form holds, exactly as the public page would show it. */
export function previewOf(editor: ArticleEditor, file: string, source: string, fields: ArticleFields, parsed?: ParsedArticle): PreviewData {
  const locale = (locales as readonly string[]).includes(fields.locale) ? (fields.locale as (typeof locales)[number]) : 'en';
  const base = {
    title: fields.title,
    summary: fields.summary,
    answer: fields.answer.trim() || undefined,
    answerLabel: messages(locale).callout.answer,
    audience: fields.audience,
    status: fields.status,
    updated: fields.updated,
    lang: locale,
  };
  const checked = editor.check(file, source, parsed);
  if (!checked.ok) return { ...base, ok: false, diagnostics: showDiagnostics(source, checked.diagnostics) };
  const meta = checked.article.meta;
  return { ...base, ok: true, title: meta.title, summary: meta.summary, answer: meta.answer, html: checked.article.html, diagnostics: [] };
}

export interface EditorOutcome {
  /** Where to send the browser after a successful save (Post/Redirect/Get). */
  redirect?: string;
  status: number;
  errors: Record<string, string>;
  diagnostics: ShownDiagnostic[];
  preview?: PreviewData;
  conflict?: Conflict & { yours: string };
  /** The file the form edits (for new articles, once slug, locale and category make one). */
  file?: string;
  fields: ArticleFields;
  slug: string;
  body: string;
  baseHash: string;
  message: string;
  bumpUpdated: boolean;
  /** The editor marked this change as minor (no re-reading for onboarding readers). */
  minor: boolean;
}

/**
 * Handles one editor submission (new or existing article): validate the form, build the file text,
 * preview it or save it with the requested status. Never throws for anything the user typed.
 */
export async function submitEditor(
  editor: ArticleEditor,
  authorId: number,
  raw: Record<string, string>,
  existing?: { file: string; source: string | null; status: string },
): Promise<EditorOutcome> {
  const parsed = editorFormSchema.safeParse(raw);
  const form: EditorForm = parsed.success
    ? parsed.data
    : editorFormSchema.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !parsed.error.issues.some((i) => i.path[0] === k))));
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const fields = effectiveFields(form, existing?.status ?? 'draft');
  if (existing) fields.locale = existing.file.split('/')[0] ?? fields.locale;
  const outcome: EditorOutcome = {
    status: 200,
    errors,
    diagnostics: [],
    fields: { ...fields, status: existing?.status ?? 'draft' },
    slug: form.slug,
    body: raw.body?.replace(/\r\n?/g, '\n') ?? '',
    baseHash: form.baseHash,
    message: form.message,
    bumpUpdated: Boolean(form.bumpUpdated),
    minor: Boolean(form.minor),
    file: existing?.file,
  };
  // Keep what the user typed, even the fields that failed the shape check.
  for (const name of fieldNames) if (errors[name] && typeof raw[name] === 'string') outcome.fields[name] = raw[name].slice(0, 5000);

  if (bodyTooLarge(outcome.body)) {
    errors.body = `is larger than the limit of 1 MB (${maxArticleBytes.toLocaleString('en')} bytes of UTF-8); split the article`;
    return { ...outcome, status: 413 };
  }
  if (Object.keys(errors).length) return { ...outcome, status: 400 };

  let file = existing?.file;
  if (!file) {
    try {
      if (!(locales as readonly string[]).includes(fields.locale)) throw new PathError(`language must be one of: ${locales.join(', ')}`);
      if (!(categories as readonly string[]).includes(fields.category)) throw new PathError(`category must be one of: ${categories.join(', ')}`);
      file = newArticleFile(fields.locale as (typeof locales)[number], fields.category as (typeof categories)[number], form.slug.trim());
    } catch (error) {
      if (!(error instanceof PathError)) throw error;
      const field = /language/.test(error.message) ? 'locale' : /category/.test(error.message) ? 'category' : 'slug';
      errors[field] = error.message.replace(/^(language|category|slug) /, '');
      return { ...outcome, status: 400 };
    }
    outcome.file = file;
  }

  const source = composeSource(fields, outcome.body, existing?.source ?? undefined);
  // Parsed once, in the parse pool: the preview and the save both use this result.
  const parsedSource = await editor.parse(source);
  const preview = previewOf(editor, file, source, fields, parsedSource);
  outcome.preview = preview;
  outcome.diagnostics = preview.diagnostics;
  if (form.intent === 'preview') return outcome;
  if (!preview.ok) return { ...outcome, status: 422 };

  const action = !existing?.source ? 'create' : form.intent === 'publish' ? 'publish' : form.intent === 'unpublish' ? 'unpublish' : 'save';
  const result = editor.save({ file, source, baseHash: existing ? form.baseHash : '', authorId, action, message: form.message, parsed: parsedSource, minor: Boolean(form.minor) && Boolean(existing?.source) });
  if (result.ok) {
    const done = action === 'create' ? (fields.status === 'published' ? 'created-published' : 'created') : action === 'publish' ? 'published' : action === 'unpublish' ? 'unpublished' : 'saved';
    return { ...outcome, redirect: `/admin/articles/edit?file=${encodeURIComponent(file)}&done=${done}` };
  }
  if (result.reason === 'too-large') {
    errors.body = 'makes the file larger than 1 MB; split the article';
    return { ...outcome, status: 413 };
  }
  if (result.reason === 'invalid') return { ...outcome, status: 422, diagnostics: showDiagnostics(source, result.diagnostics) };
  if (!existing) {
    errors.slug = `an article already exists at ${file}; choose another address`;
    return { ...outcome, status: 409 };
  }
  // Conflict: keep the user's text in the form; the new base lets them save it knowingly.
  return { ...outcome, status: 409, conflict: { ...result.conflict, yours: source }, baseHash: result.conflict.hash };
}

export { contentHash };
