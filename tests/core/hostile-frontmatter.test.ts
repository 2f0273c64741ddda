import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeSource, emptyFields } from '@admin/articles/serialize.ts';
import { parseArticle } from '@core/content/parse-article.ts';
import { ContentStore } from '@core/content/store.ts';

/** Nested anchors, each aliased nine times: a few hundred bytes that expand to 9^9 nodes. */
function aliasBomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return `---\ntitle: Bomb\n${lines.join('\n')}\n---\n\nBody.\n`;
}

const good = `---
title: Fine
summary: A fine article.
category: faq
audience: public
locale: en
translationKey: fine
updated: 2026-11-01
status: published
---

Body.
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('hostile frontmatter', () => {
  it('an alias bomb is a diagnostic, not a crash', () => {
    const parsed = parseArticle(aliasBomb());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostics[0]?.message).toMatch(/^frontmatter: .*alias/i);
  });

  it('leaves the bad file out while every other article loads', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-hostile-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'en/faq'), { recursive: true });
    fs.writeFileSync(path.join(root, 'en/faq/bomb.mdx'), aliasBomb());
    fs.writeFileSync(path.join(root, 'en/faq/fine.mdx'), good);
    const store = new ContentStore(root).loadAll();
    expect(store.all().map((a) => a.file)).toEqual(['en/faq/fine.mdx']);
    expect(store.problems.get('en/faq/bomb.mdx')?.[0]?.message).toMatch(/alias/i);
  });

  it('the editor writes such a file anew from its form instead of failing', () => {
    const out = composeSource({ ...emptyFields, title: 'Now fine' }, 'Body', aliasBomb());
    expect(out).toContain('title: "Now fine"');
    expect(out).not.toContain('*a');
  });
});
