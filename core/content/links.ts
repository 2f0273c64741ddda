import { isLocale } from '../i18n/locales.ts';
import type { Diagnostic } from '../markdown/diagnostic.ts';
import { isCategory } from './categories.ts';
import type { Article } from './article.ts';

export interface LinkProblem {
  file: string;
  diagnostic: Diagnostic;
}

const articlePath = /^\/([^/]+)\/articles\/([^/?#]+)\/?(?:[?#].*)?$/;
const categoryPath = /^\/([^/]+)\/categories\/([^/?#]+)\/?(?:[?#].*)?$/;

/**
 * Finds links between articles that would fail a reader: to an article that does not exist, and from a
 * public article to one the public cannot open (internal or draft), which would answer 404.
 */
export function checkLinks(articles: readonly Article[]): LinkProblem[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const problems: LinkProblem[] = [];
  for (const article of articles) {
    const readerIsPublic = article.meta.audience === 'public' && article.meta.status === 'published';
    for (const link of article.links) {
      const report = (message: string) => problems.push({ file: article.file, diagnostic: { line: link.line, column: link.column, message } });
      const toArticle = articlePath.exec(link.url);
      if (toArticle) {
        const [, locale = '', slug = ''] = toArticle;
        const target = byId.get(`${locale}/${decodeURIComponent(slug)}`);
        if (!isLocale(locale) || !target) report(`link to ${link.url}: no such article`);
        else if (readerIsPublic && (target.meta.audience !== 'public' || target.meta.status !== 'published')) {
          report(`link to ${link.url}: customers cannot open it (${target.meta.status === 'published' ? 'internal' : 'draft'})`);
        }
        continue;
      }
      const toCategory = categoryPath.exec(link.url);
      if (toCategory && (!isLocale(toCategory[1]) || !isCategory(toCategory[2]))) report(`link to ${link.url}: no such category`);
    }
  }
  return problems;
}
