import type { Diagnostic } from '../markdown/diagnostic.ts';
import { splitFrontmatter } from '../markdown/frontmatter.ts';
import { renderMarkdown, type Rendered } from '../markdown/render.ts';
import { frontmatterSchema, type Frontmatter } from './schema.ts';

export type ParsedArticle = { ok: true; meta: Frontmatter; rendered: Rendered } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Checks and renders one article source. All-or-nothing: an article with any problem yields only
 * diagnostics, never half-rendered HTML.
 */
export function parseArticle(source: string): ParsedArticle {
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
  const rendered = renderMarkdown(split.body, checked.success ? checked.data.locale : 'en', split.bodyLineOffset);
  if (!rendered.ok) diagnostics.push(...rendered.diagnostics);
  if (diagnostics.length || !checked.success || !rendered.ok) return { ok: false, diagnostics };
  return { ok: true, meta: checked.data, rendered: rendered.rendered };
}
