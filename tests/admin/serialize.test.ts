import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyStartLine, composeSource, fieldsFromSource } from '@admin/articles/serialize.ts';
import { parseArticle } from '@core/content/parse-article.ts';

const contentDir = path.resolve(import.meta.dirname, '../../content');
const files = fs.readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));

describe('editor form <-> file', () => {
  it('round-trips every demo article byte for byte when nothing changed', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const source = fs.readFileSync(path.join(contentDir, f), 'utf8');
      const { fields, body } = fieldsFromSource(source);
      expect(composeSource(fields, body, source), f).toBe(source);
    }
  });

  it('rewrites only the lines of the fields that changed', () => {
    const source = fs.readFileSync(path.join(contentDir, files.find((f) => f.includes('brewmaster-descaling') && f.startsWith('en'))!), 'utf8');
    const { fields, body } = fieldsFromSource(source);
    const out = composeSource({ ...fields, title: 'New "quoted" title', tags: 'a, b,  c ,', product: '' }, body, source);
    const before = source.split('\n');
    const after = out.split('\n');
    const removed = before.filter((l) => !after.includes(l));
    const added = after.filter((l) => !before.includes(l));
    expect(removed).toEqual([expect.stringMatching(/^title:/), 'product: brewmaster', expect.stringMatching(/^tags:/)]);
    expect(added).toEqual(['title: "New \\"quoted\\" title"', 'tags: [a, b, c]']);
    const parsed = parseArticle(out);
    expect(parsed.ok && parsed.meta).toMatchObject({ title: 'New "quoted" title', tags: ['a', 'b', 'c'] });
    expect(parsed.ok && parsed.meta.product).toBeUndefined();
  });

  it('builds clean frontmatter for new articles and normalises textarea newlines', () => {
    const out = composeSource(
      { title: 'Yes', summary: 'true', category: 'faq', audience: 'public', locale: 'en', translationKey: 'k', product: '', tags: '', answer: 'Line one\r\nline two', reply: '', complaintCategories: '', updated: '2026-11-01', status: 'draft' },
      '\r\n\r\nHello\r\n\r\n## Part\r\n\r\nText\r\n',
    );
    expect(out).not.toContain('\r');
    expect(out).toMatch(/\n---\n\nHello\n\n## Part\n\nText\n$/);
    const parsed = parseArticle(out);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.meta).toMatchObject({ title: 'Yes', summary: 'true', answer: 'Line one\nline two', tags: [] });
    expect(bodyStartLine(out)).toBe(out.split('\n').indexOf('Hello') + 1);
  });
});
