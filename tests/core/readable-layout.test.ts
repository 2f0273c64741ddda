import { describe, expect, it } from 'vitest';
import { tidyCjkSpacing } from '@core/markdown/cjk-spacing.ts';
import { renderMarkdown } from '@core/markdown/render.ts';

function html(body: string, locale: 'en' | 'zh-Hant' = 'en'): string {
  const result = renderMarkdown(body, locale);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.rendered.html;
}

describe('tables in articles', () => {
  it('sit in a labelled region the keyboard can focus, named after their column headers', () => {
    const out = html('| Code | Meaning |\n| --- | --- |\n| E1 | Water supply |\n');
    expect(out).toMatch(/^<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Code, Meaning"><table>/);
  });

  it('are labelled in the article’s language', () => {
    expect(html('| 代碼 | 說明 |\n| --- | --- |\n| E1 | 進水 |\n', 'zh-Hant')).toContain('aria-label="表格: 代碼, 說明"');
  });
});

describe('Chinese text', () => {
  it('loses the stray space a source line break leaves after 。 and ， and between characters', () => {
    expect(tidyCjkSpacing('享有 10 年保固。 申請保固時，\n請提供購買\n證明。')).toBe('享有 10 年保固。申請保固時，請提供購買證明。');
  });

  it('keeps spaces around Latin words and numbers', () => {
    expect(tidyCjkSpacing('AquaWash 洗衣機享有 2 年保固')).toBe('AquaWash 洗衣機享有 2 年保固');
  });

  it('is tidied in rendered zh-Hant articles, not in code', () => {
    const out = html('所有家電享有保固。\n申請時請提供\n證明。\n\n```\n保固 \n期\n```\n', 'zh-Hant');
    expect(out).toContain('<p>所有家電享有保固。申請時請提供證明。</p>');
    expect(out).toContain('保固 \n期');
  });
});
