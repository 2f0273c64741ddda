import path from 'node:path';
import { isLocale } from '../i18n/locales.ts';
import type { Diagnostic } from '../markdown/diagnostic.ts';
import type { Article } from './article.ts';
import { parseArticle, type ParsedArticle } from './parse-article.ts';

export type LoadedFile = { ok: true; article: Article } | { ok: false; diagnostics: Diagnostic[] };

export const articleExtensions = ['.mdx', '.md'];

export function isArticlePath(relPath: string): boolean {
  return articleExtensions.includes(path.extname(relPath)) && !relPath.split('/').some((p) => p.startsWith('.'));
}

/** Turns one file's text into an article, checking that it sits in the folder of its locale. */
export function loadArticleSource(relPath: string, source: string): LoadedFile {
  return placeArticle(relPath, parseArticle(source));
}

/**
 * The checks that depend on where the file is (locale folder, slug from the file name), applied to a
 * parse result. They run on every load, also when the parse result comes from the cache.
 */
export function placeArticle(relPath: string, parsed: ParsedArticle): LoadedFile {
  if (!parsed.ok) return parsed;
  const folder = relPath.split('/')[0];
  if (!isLocale(folder)) {
    return { ok: false, diagnostics: [{ line: 1, column: 1, message: `articles must live in a locale folder (en, es, zh-Hant, el, fi), not "${folder}"` }] };
  }
  if (parsed.meta.locale !== folder) {
    return { ok: false, diagnostics: [{ line: 1, column: 1, field: 'locale', message: `is "${parsed.meta.locale}" but the file is in the "${folder}" folder` }] };
  }
  const fileSlug = path.basename(relPath, path.extname(relPath));
  const slug = parsed.meta.slug ?? fileSlug;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    return { ok: false, diagnostics: [{ line: 1, column: 1, message: `file name "${fileSlug}" is not a valid slug: use lowercase ASCII words joined by hyphens, or set slug in the frontmatter` }] };
  }
  return { ok: true, article: { id: `${folder}/${slug}`, file: relPath, slug, locale: folder, meta: parsed.meta, ...parsed.rendered } };
}
