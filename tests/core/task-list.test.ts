import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@core/markdown/render.ts';

function html(markdown: string): string {
  const result = renderMarkdown(markdown, 'en');
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.rendered.html;
}

describe('task-list checkboxes', () => {
  it('get a numbered id and their item as a label, in document order across lists', () => {
    const out = html('- [ ] Laptop and **headset**\n- [x] Login\n\nText.\n\n1. [ ] One more\n');
    expect(out).toContain('<input type="checkbox" disabled id="task-item-1"><label for="task-item-1"> Laptop and <strong>headset</strong></label>');
    expect(out).toContain('<input type="checkbox" checked disabled id="task-item-2"><label for="task-item-2"> Login</label>');
    expect(out).toContain('id="task-item-3"><label for="task-item-3"> One more</label>');
  });

  it('label the first paragraph of an item in a loose list, where the box sits inside it', () => {
    const out = html('- [ ] First item\n\n  with a second paragraph\n\n- [ ] Second\n');
    expect(out).toContain('<p><input type="checkbox" disabled id="task-item-1"><label for="task-item-1"> First item</label></p>');
    expect(out).toContain('<p><input type="checkbox" disabled id="task-item-2"><label for="task-item-2"> Second</label></p>');
  });

  it('name a box by aria-label when what follows it holds blocks a label may not contain', () => {
    const out = html('- [ ] Intro\n  - nested\n');
    expect(out).toContain('id="task-item-1" aria-label="Intro');
  });

  it('leave ordinary lists alone', () => {
    expect(html('- plain\n- list\n')).not.toContain('task-item');
  });
});
