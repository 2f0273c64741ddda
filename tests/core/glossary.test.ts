import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkGlossary } from '@core/i18n/glossary/check.ts';
import { glossary } from '@core/i18n/glossary/index.ts';
import { locales } from '@core/i18n/locales.ts';

const run = promisify(execFile);

describe('glossary check', () => {
  it('every locale names the same concepts', () => {
    const concepts = (l: (typeof locales)[number]) => glossary[l].terms.map((t) => t.concept).sort();
    for (const l of locales) expect(concepts(l)).toEqual(concepts('en'));
  });

  it('reports a complaint called a warranty claim, and usted, with line and column', () => {
    const text = 'Hola:\n\nPuedes seguir tu reclamación aquí.\nSi usted lo prefiere, llámanos.';
    expect(checkGlossary(text, 'es').map((d) => [d.line, d.column, d.message.split(':')[1]?.trim()])).toEqual([
      [3, 8, '"seguir tu reclamación"'],
      [4, 4, '"usted"'],
    ]);
  });

  it('leaves a warranty claim alone outside the complaint form, and flags it in the form\'s strings', () => {
    const text = "link: 'Presentar una reclamación de garantía',";
    expect(checkGlossary(text, 'es')).toEqual([]);
    expect(checkGlossary(text, 'es', { complaintStrings: true })).toHaveLength(1);
  });

  it('keeps a legitimate use on a line the rule exempts', () => {
    expect(checkGlossary('您可以向個人資料保護主管機關提出申訴。', 'zh-Hant')).toEqual([]);
    expect(checkGlossary('提出申訴後，我們會寄送確認信。', 'zh-Hant')).toHaveLength(1);
  });

  it('wants a capital letter after a mail greeting, also across the escaped newlines of a UI string', () => {
    expect(checkGlossary('`Hei,\\n\\nkiitos viestistäsi.`', 'fi')).toHaveLength(1);
    expect(checkGlossary('`Hei,\\n\\nKiitos viestistäsi.`', 'fi')).toEqual([]);
    expect(checkGlossary('reply: |\n  Hei {{customer.name}},\n\n  kiitos viestistäsi.', 'fi')[0]).toMatchObject({ line: 2, column: 3 });
    expect(checkGlossary('`Γεια σας,\\n\\nευχαριστούμε.`', 'el')).toHaveLength(1);
  });

  it('npm run content:check fails on a fixture that confuses the terms, naming file and line', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const failure = await run('npx', ['tsx', 'scripts/content-check.ts', 'tests/fixtures/glossary'], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const file = path.join('tests', 'fixtures', 'glossary', 'es', 'faq', 'queja-confundida.mdx');
    expect(failure?.stderr).toContain(`${file}:14:7 glossary: "seguir su reclamación"`);
    expect(failure?.stderr).toContain(`${file}:14:61 glossary: "usted"`);
    expect(failure?.stderr.split('\n').filter((l) => l.includes('glossary:'))).toHaveLength(2);
  }, 60_000);

  it('the demo content and the UI strings pass', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const { stdout } = await run('npx', ['tsx', 'scripts/content-check.ts', 'content'], { cwd: root });
    expect(stdout).toMatch(/, 0 glossary problems/);
  }, 60_000);
});
