import type { APIRoute } from 'astro';
import { checkArticleFile, newArticleFile, PathError } from '@admin/articles/paths.ts';
import { bodyTooLarge, editorFormSchema, effectiveFields, previewOf } from '@admin/articles/form.ts';
import { composeSource } from '@admin/articles/serialize.ts';
import { BodyTooLarge, readBodyLimited } from '@core/http/limited-body.ts';
import { json } from '@core/http/responses.ts';
import { categories, type Category } from '@core/content/categories.ts';
import { isLocale } from '@core/i18n/locales.ts';

/**
 * POST /api/admin/preview with the editor's fields as JSON (plus `file` when editing): the article as
 * the public page would render it, or its problems with positions. Nothing is written.
 */
export const POST: APIRoute = async (context) => {
  const { app } = context.locals;
  let raw: unknown;
  try {
    const bytes = await readBodyLimited(context.request, 2 * 1024 * 1024);
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    if (error instanceof BodyTooLarge) return json({ error: 'body: is larger than the limit of 1 MB' }, 413);
    return json({ error: 'The request body must be JSON.' }, 400);
  }
  if (!raw || typeof raw !== 'object') return json({ error: 'The request body must be a JSON object.' }, 400);
  const input = Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const parsed = editorFormSchema.safeParse({ ...input, intent: 'preview' });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
    return json({ error: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues }, 400);
  }
  if (bodyTooLarge(parsed.data.body)) return json({ error: 'body: is larger than the limit of 1 MB' }, 413);

  let file: string;
  let original: string | undefined;
  try {
    if (input.file) {
      file = checkArticleFile(input.file);
      original = app.admin.editor.read(file)?.source;
    } else {
      const locale = isLocale(parsed.data.locale) ? parsed.data.locale : 'en';
      const category = (categories as readonly string[]).includes(parsed.data.category) ? (parsed.data.category as Category) : 'faq';
      const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(parsed.data.slug) ? parsed.data.slug : 'new-article';
      file = newArticleFile(locale, category, slug);
    }
  } catch (error) {
    if (error instanceof PathError) return json({ error: `file: ${error.message}` }, 400);
    throw error;
  }
  const currentStatus = input.status ?? 'draft';
  const fields = effectiveFields(parsed.data, currentStatus);
  if (input.file) fields.locale = file.split('/')[0] ?? fields.locale;
  const source = composeSource(fields, parsed.data.body, original);
  const preview = previewOf(app.admin.editor, file, source, fields, await app.admin.editor.parse(source));
  // 422: the text has problems (the diagnostics say where); the preview itself worked.
  return json(preview, preview.ok ? 200 : 422);
};
