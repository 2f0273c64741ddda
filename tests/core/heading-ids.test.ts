import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '@core/content/parse-article.ts';
import { headingIdPrefix } from '@core/markdown/render.ts';

const root = path.resolve(import.meta.dirname, '../..');

const article = (body: string) => `---
title: Heading ids
summary: Headings named like the page's own ids.
category: faq
audience: public
locale: en
translationKey: heading-ids
updated: 2026-11-01
status: published
---

${body}
`;

/** Every literal id="..." in the site's pages, layouts and components. */
function pageIds(): string[] {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(astro|tsx)$/.test(entry.name)) for (const m of fs.readFileSync(full, 'utf8').matchAll(/\bid="([^"]+)"/g)) ids.add(m[1]!);
    }
  };
  walk(path.join(root, 'site'));
  return [...ids];
}

describe('heading ids', () => {
  it('never equal an id of the page around the article, even when the heading is named after one', () => {
    const ids = pageIds();
    expect(ids).toEqual(expect.arrayContaining(['article-title', 'toc-title', 'main', 'related-title']));
    const parsed = parseArticle(article(ids.map((id) => `## ${id}\n\nText.\n`).join('\n')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    const headingIds = parsed.rendered.headings.map((h) => h.id);
    expect(headingIds).toHaveLength(ids.length);
    for (const id of headingIds) expect(ids).not.toContain(id);
    expect(headingIds).toContain(`${headingIdPrefix}article-title`);
    expect(parsed.rendered.html).not.toMatch(/id="(article-title|main|toc-title)"/);
  });

  it('no page id starts with the prefix the headings own', () => {
    expect(pageIds().filter((id) => id.startsWith(headingIdPrefix))).toEqual([]);
  });

  it('points the article\'s own #links at the prefixed ids, and leaves other fragments alone', () => {
    const parsed = parseArticle(article('See [how to claim](#how-to-claim) or [elsewhere](#nowhere) or [bad](#%E0%A4%A).\n\n## How to claim\n\nText.'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    expect(parsed.rendered.html).toContain('<a href="#section-how-to-claim">how to claim</a>');
    expect(parsed.rendered.html).toContain('<a href="#nowhere">elsewhere</a>');
    expect(parsed.rendered.html).toContain('<h2 id="section-how-to-claim">How to claim</h2>');
  });
});
