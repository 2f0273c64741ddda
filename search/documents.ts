import { articleUrl, type Article } from '@core/content/article.ts';
import type { SearchDocument } from './port.ts';

/** What search knows of an article, all from the one render pipeline (sections carry the anchors hits link to). */
export function toSearchDocument(article: Article): SearchDocument {
  const { meta } = article;
  return {
    id: article.id,
    locale: article.locale,
    slug: article.slug,
    url: articleUrl(article),
    title: meta.title,
    summary: meta.summary,
    // A reply template is found by its reply, as an article by its short answer.
    answer: meta.reply ?? meta.answer ?? '',
    headings: article.headings.map((h) => h.text),
    body: article.sections.map((s) => [s.heading, s.text].join(' ')).join(' ').trim(),
    sections: article.sections,
    category: meta.category,
    audience: meta.audience,
    ...(meta.product ? { product: meta.product } : {}),
    tags: meta.tags,
    updated: meta.updated,
  };
}
