import { describe, expect, it } from 'vitest';
import { parseArticle } from '@core/content/parse-article.ts';

const valid = {
  title: 'Title',
  summary: 'Summary',
  category: 'faq',
  audience: 'public',
  locale: 'en',
  translationKey: 'title',
  updated: '2026-10-01',
  status: 'published',
};

function source(fields: Record<string, unknown>, body = 'Body text.'): string {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

function problems(fields: Record<string, unknown>) {
  const result = parseArticle(source(fields));
  return result.ok ? [] : result.diagnostics;
}

describe('frontmatter schema', () => {
  it('accepts a complete article and fills defaults', () => {
    const result = parseArticle(source(valid));
    expect(result.ok && result.meta.tags).toEqual([]);
  });

  it.each([
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(141) }],
    ['summary', { summary: 'x'.repeat(301) }],
    ['category', { category: 'news' }],
    ['audience', { audience: 'everyone' }],
    ['locale', { locale: 'de' }],
    ['translationKey', { translationKey: 'Not Kebab' }],
    ['product', { product: 'toaster' }],
    ['tags', { tags: Array.from({ length: 13 }, (_, i) => `t${i}`) }],
    ['answer', { answer: 'x'.repeat(1001) }],
    ['updated', { updated: '14.10.2026' }],
    ['updated', { updated: '2026-02-30x' }],
    ['status', { status: 'live' }],
    ['slug', { slug: '../etc/passwd' }],
  ])('names the field %s when it is wrong', (field, override) => {
    const found = problems({ ...valid, ...override });
    expect(found.map((d) => d.field)).toContain(field);
  });

  it('names a missing field', () => {
    const { title: _omit, ...rest } = valid;
    expect(problems(rest)).toEqual([expect.objectContaining({ field: 'title', message: 'Required' })]);
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    expect(problems({ ...valid, tittle: 'x' })[0]?.message).toContain('tittle');
  });

  it('points at the line of the bad field', () => {
    const found = problems({ ...valid, status: 'live' });
    expect(found[0]).toMatchObject({ field: 'status', line: 9 });
  });

  it('reports a file without frontmatter and broken YAML', () => {
    expect(parseArticle('Just text').ok).toBe(false);
    const broken = parseArticle('---\ntitle: [unclosed\n---\n\nBody');
    expect(!broken.ok && broken.diagnostics[0]?.message).toMatch(/frontmatter/);
  });
});
