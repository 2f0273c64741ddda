import { describe, expect, it } from 'vitest';
import type { Article } from '@core/content/article.ts';
import { checkLinks } from '@core/content/links.ts';
import { loadArticleSource } from '@core/content/load-file.ts';

function article(slug: string, meta: string, body: string): Article {
  const loaded = loadArticleSource(`en/faq/${slug}.mdx`, `---
title: "${slug}"
summary: "Summary of ${slug}."
category: faq
audience: ${meta.includes('internal') ? 'internal' : 'public'}
locale: en
translationKey: ${slug}
updated: 2026-05-01
status: ${meta.includes('draft') ? 'draft' : 'published'}
---

${body}
`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.article;
}

describe('link check', () => {
  const target = article('target', '', 'Target.');
  const secret = article('secret', 'internal', 'Staff only.');
  const draft = article('draft', 'draft', 'Not yet.');

  it('accepts links to existing public articles, categories and other sites', () => {
    const source = article('source', '', 'See [target](/en/articles/target#part), [FAQ](/en/categories/faq) and [mail](mailto:a@b.example).');
    expect(checkLinks([source, target])).toEqual([]);
  });

  it('reports a missing article and an unknown category with file, line and column', () => {
    const source = article('source', '', 'Intro.\n\nSee [gone](/en/articles/no-such-article) or [x](/en/categories/nope).');
    expect(checkLinks([source, target])).toEqual([
      { file: 'en/faq/source.mdx', diagnostic: { line: 14, column: 5, message: 'link to /en/articles/no-such-article: no such article' } },
      { file: 'en/faq/source.mdx', diagnostic: { line: 14, column: 45, message: 'link to /en/categories/nope: no such category' } },
    ]);
  });

  it('reports public articles that send customers to internal or draft articles, but lets staff guides link anywhere', () => {
    const source = article('source', '', '[a](/en/articles/secret) [b](/en/articles/draft)');
    const guide = article('guide', 'internal', '[a](/en/articles/secret) [b](/en/articles/draft)');
    const messages = checkLinks([source, guide, secret, draft]).map((p) => `${p.file} ${p.diagnostic.message}`);
    expect(messages).toEqual([
      'en/faq/source.mdx link to /en/articles/secret: customers cannot open it (internal)',
      'en/faq/source.mdx link to /en/articles/draft: customers cannot open it (draft)',
    ]);
  });
});
