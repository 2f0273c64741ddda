import type { Diagnostic } from '../markdown/diagnostic.ts';
import { splitFrontmatter } from '../markdown/frontmatter.ts';
import { checkDocumentSize } from '../markdown/limits.ts';
import { renderMarkdown, type Rendered } from '../markdown/render.ts';
import { isPlaceholder, placeholderNames, placeholdersIn } from './placeholders.ts';
import { frontmatterSchema, type Frontmatter } from './schema.ts';

export type ParsedArticle = { ok: true; meta: Frontmatter; rendered: Rendered } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Checks and renders one article source. All-or-nothing: an article with any problem yields only
 * diagnostics, never half-rendered HTML.
 */
export function parseArticle(source: string): ParsedArticle {
  const tooLarge = checkDocumentSize(source);
  if (tooLarge.length) return { ok: false, diagnostics: tooLarge };
  const split = splitFrontmatter(source);
  if (split.diagnostics.length) return { ok: false, diagnostics: split.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const checked = frontmatterSchema.safeParse(split.data ?? {});
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path.length ? issue.path.join('.') : undefined;
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const top = typeof issue.path[0] === 'string' ? issue.path[0] : unknownKeys[0];
      const line = (top ? split.fieldLines.get(top) : undefined) ?? 1;
      diagnostics.push({ line, column: 1, field: field ?? 'frontmatter', message: issue.message });
    }
  }
  if (checked.success && checked.data.reply) diagnostics.push(...unknownPlaceholders(source, checked.data.reply));
  const rendered = renderMarkdown(split.body, checked.success ? checked.data.locale : 'en', split.bodyLineOffset);
  if (!rendered.ok) diagnostics.push(...rendered.diagnostics);
  if (diagnostics.length || !checked.success || !rendered.ok) return { ok: false, diagnostics };
  return { ok: true, meta: checked.data, rendered: rendered.rendered };
}

/** A diagnostic at each unknown `{{...}}` of a template's reply, found where it is written in the file. */
function unknownPlaceholders(source: string, reply: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let from = 0;
  for (const p of placeholdersIn(reply)) {
    if (isPlaceholder(p.name)) continue;
    const at = source.indexOf(p.raw, from);
    if (at >= 0) from = at + p.raw.length;
    const before = source.slice(0, Math.max(0, at));
    const line = at >= 0 ? before.split('\n').length : 1;
    const column = at >= 0 ? at - before.lastIndexOf('\n') : 1;
    out.push({ line, column, field: 'reply', message: `unknown placeholder ${p.raw}; the known ones are ${placeholderNames.map((n) => `{{${n}}}`).join(', ')}` });
  }
  return out;
}
