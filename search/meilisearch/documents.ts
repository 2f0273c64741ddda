import type { SearchDocument } from '../port.ts';

/**
 * What one article looks like inside Meilisearch: the search document without its locale (each locale
 * has its own index), with a product of null when there is none (so it can be filtered on), and an id
 * Meilisearch accepts ([A-Za-z0-9_-] only) beside the article's own.
 */
export type MeiliArticle = Omit<SearchDocument, 'locale' | 'product'> & { articleId: string; product: string | null; askedAs: string[] };

export function meiliId(articleId: string): string {
  return articleId.replace(/\//g, '__');
}

/** `askedAs`: the phrases learned for the article (search/asked-as/), heaviest first; Meilisearch has no field weights within an attribute. */
export function toMeiliArticle(doc: SearchDocument, askedAs: string[] = []): MeiliArticle {
  return {
    id: meiliId(doc.id),
    articleId: doc.id,
    slug: doc.slug,
    url: doc.url,
    title: doc.title,
    summary: doc.summary,
    answer: doc.answer,
    headings: doc.headings,
    body: doc.body,
    sections: doc.sections,
    audience: doc.audience,
    category: doc.category,
    product: doc.product ?? null,
    tags: doc.tags,
    updated: doc.updated,
    askedAs,
  };
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Filter expression for the server-side constraints; values are quoted so no input can alter it. */
export function buildFilter(options: { audiences: string[]; category?: string; product?: string }): string[] {
  const filter = [`audience IN [${options.audiences.map(quote).join(', ')}]`];
  if (options.category) filter.push(`category = ${quote(options.category)}`);
  if (options.product) filter.push(`product = ${quote(options.product)}`);
  return filter;
}

export const markOpen = '\u0001';
export const markClose = '\u0002';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Meilisearch returns highlighted text unescaped; we ask for control-character markers, escape
 * everything, then turn only our markers into <mark>.
 */
export function markedToHtml(text: string): string {
  const cleaned = text.replace(/[\u0000\u0003-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return escapeHtml(cleaned).replaceAll(markOpen, '<mark>').replaceAll(markClose, '</mark>');
}
