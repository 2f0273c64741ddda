import { describe, expect, it } from 'vitest';
import { parseArticle } from '@core/content/parse-article.ts';
import { contentLimits } from '@core/markdown/limits.ts';

const frontmatter = `---
title: Limits
summary: An article that tests the parser's limits.
category: faq
audience: public
locale: en
translationKey: limits
updated: 2026-11-01
status: published
---

Intro.

`;
/** The body starts on this line of the file. */
const bodyLine = frontmatter.split('\n').length;

function problems(body: string) {
  const parsed = parseArticle(frontmatter + body);
  return parsed.ok ? [] : parsed.diagnostics;
}

describe('content limits', () => {
  // Each of these took seconds to minutes in the Markdown parser or overflowed the stack.
  const hostile: Record<string, string> = {
    'nested emphasis': `${'*a '.repeat(3000)}x${' a*'.repeat(3000)}`,
    'a long emphasis run': `${'*'.repeat(5000)}x${'*'.repeat(5000)}`,
    'nested links': `${'['.repeat(5000)}x${'](u)'.repeat(5000)}`,
    'nested quotes': `${'> '.repeat(5000)}x`,
    'nested list markers': `${'- '.repeat(3000)}x`,
    'nested components': `${'<Note>'.repeat(3000)}x${'</Note>'.repeat(3000)}`,
  };
  for (const [name, body] of Object.entries(hostile)) {
    it(`refuses ${name} with a diagnostic at its line, quickly and without a crash`, () => {
      const found = problems(body);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ line: bodyLine, message: expect.stringMatching(/nest deeper than 32 levels/) });
    });
  }

  it('refuses lists indented deeper than the limit, pointing at the line', () => {
    const body = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n');
    const found = problems(body);
    expect(found[0]).toMatchObject({ line: bodyLine + 65, message: expect.stringMatching(/indented 130 columns; the limit is 128/) });
  });

  it('refuses a file over the size limit before parsing it', () => {
    const found = problems('word '.repeat(contentLimits.maxDocumentBytes / 5));
    expect(found).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/the limit is 1,048,576 \(1 MiB\)/) }]);
  });

  it('accepts what real articles do: a few levels of lists, quotes and emphasis, code and snake_case', () => {
    const body = [
      '- one',
      '  - two',
      '    - three with ***bold italic*** and **bold _inside_**',
      '',
      '> quoted',
      '> > twice',
      '',
      'Call `f(*args, **kwargs)` on some_snake_case_name, see [the [guide]](https://example.org).',
      '',
      '```python',
      `deep = ${'['.repeat(100)}${']'.repeat(100)}`,
      '```',
      '',
      '<Note>',
      '<Tip>',
      'A tip in a note.',
      '</Tip>',
      '</Note>',
    ].join('\n');
    const parsed = parseArticle(frontmatter + body);
    expect(parsed.ok ? [] : parsed.diagnostics).toEqual([]);
  });
});
