import fs from 'node:fs';
import path from 'node:path';
import { categories, type Category } from '@core/content/categories.ts';
import { locales, type Locale } from '@core/i18n/locales.ts';

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const segment = '[a-z0-9]+(?:-[a-z0-9]+)*';
const localeAlternatives = locales.map((l) => l.replace('-', '\\-')).join('|');
/** `<locale>/<folder>/.../<slug>.mdx`: plain ASCII segments only, so no `..`, no odd Unicode, no hidden files. */
const articleFilePattern = new RegExp(`^(?:${localeAlternatives})(?:/${segment})*/${segment}\\.mdx?$`);

export class PathError extends Error {}

/** The file a new article gets: `<locale>/<category>/<slug>.mdx`. */
export function newArticleFile(locale: Locale, category: Category, slug: string): string {
  if (!slugPattern.test(slug) || slug.length > 100) throw new PathError('slug must be lowercase ASCII letters and digits joined by single hyphens, at most 100 characters');
  if (!categories.includes(category)) throw new PathError(`unknown category "${category}"`);
  return `${locale}/${category}/${slug}.mdx`;
}

/** Checks a content-relative path taken from a request; returns it unchanged when it is safe. */
export function checkArticleFile(rel: unknown): string {
  if (typeof rel !== 'string' || rel.length === 0 || rel.length > 300) throw new PathError('file must be a path like en/faq/some-article.mdx');
  if (!articleFilePattern.test(rel)) {
    throw new PathError('file must be a path like en/faq/some-article.mdx: a locale folder, then lowercase ASCII words joined by hyphens');
  }
  return rel;
}

/**
 * The absolute path of a checked relative path, guaranteed to stay inside the content directory even
 * through symbolic links.
 */
export function resolveInside(root: string, rel: string): string {
  checkArticleFile(rel);
  const base = path.resolve(root);
  const full = path.resolve(base, ...rel.split('/'));
  if (!full.startsWith(base + path.sep)) throw new PathError('path leaves the content directory');
  // Follow links on the part that already exists: a linked folder must not lead outside either.
  const realBase = fs.existsSync(base) ? fs.realpathSync(base) : base;
  let probe = path.dirname(full);
  while (!fs.existsSync(probe) && probe.startsWith(base + path.sep)) probe = path.dirname(probe);
  const realProbe = fs.existsSync(probe) ? fs.realpathSync(probe) : probe;
  if (realProbe !== realBase && !realProbe.startsWith(realBase + path.sep)) throw new PathError('path leaves the content directory');
  if (fs.existsSync(full) && fs.lstatSync(full).isSymbolicLink()) throw new PathError('articles cannot be symbolic links');
  return full;
}
