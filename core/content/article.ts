import type { Locale } from '../i18n/locales.ts';
import type { Rendered } from '../markdown/render.ts';
import type { Frontmatter } from './schema.ts';

export interface Article extends Rendered {
  /** `<locale>/<slug>`: unique across the knowledge base. */
  id: string;
  /** Path relative to the content directory, with forward slashes. */
  file: string;
  slug: string;
  locale: Locale;
  meta: Frontmatter;
}

/** Who is looking: anonymous customers see only published public articles; staff also internal ones. */
export type Viewer = { kind: 'public' } | { kind: 'staff' };

export const publicViewer: Viewer = { kind: 'public' };

export function canView(article: Article, viewer: Viewer): boolean {
  if (article.meta.status !== 'published') return false;
  return article.meta.audience === 'public' || viewer.kind === 'staff';
}

export function articleUrl(article: Pick<Article, 'locale' | 'slug'>): string {
  return `/${article.locale}/articles/${article.slug}`;
}
