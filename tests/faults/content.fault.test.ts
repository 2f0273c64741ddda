import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParsePool } from '@core/content/parse-pool.ts';
import { ContentStore } from '@core/content/store.ts';
import { formatDiagnostic, type Diagnostic } from '@core/markdown/diagnostic.ts';

// Fault: hostile content files and deep Markdown. After each, the rest of the knowledge base still loads,
// the bad file is left out with a diagnostic that names its file and line, and nothing crashes.

const frontmatter = (slug: string) => `---
title: ${slug}
summary: A file of the fault suite.
category: faq
audience: public
locale: en
translationKey: ${slug}
updated: 2026-11-01
status: published
---

`;
const bodyLine = frontmatter('x').split('\n').length;

function aliasBomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return `---\ntitle: Bomb\n${lines.join('\n')}\n---\n\nBody.\n`;
}

/** Each hostile file, with what its diagnostic says and the line it points at. */
const hostile: Record<string, { source: string; message: RegExp; line: number }> = {
  'alias-bomb': { source: aliasBomb(), message: /alias/i, line: 1 },
  'nested-emphasis': { source: `${frontmatter('nested-emphasis')}Intro.\n\n${'*a '.repeat(10_000)}x${' a*'.repeat(10_000)}\n`, message: /Emphasis markers nest deeper than 32 levels/, line: bodyLine + 2 },
  'nested-links': { source: `${frontmatter('nested-links')}${'['.repeat(20_000)}x${'](u)'.repeat(20_000)}\n`, message: /Brackets nest deeper/, line: bodyLine },
  'nested-quotes': { source: `${frontmatter('nested-quotes')}Intro.\n\n${'> '.repeat(20_000)}x\n`, message: /Quotes and lists nest deeper/, line: bodyLine + 2 },
  'nested-notes': { source: `${frontmatter('nested-notes')}${'<Note>\n'.repeat(5_000)}x\n${'</Note>\n'.repeat(5_000)}`, message: /Components nest deeper/, line: bodyLine + 32 },
  'too-large': { source: `${frontmatter('too-large')}${'All work and no play. '.repeat(60_000)}\n`, message: /the limit is 1,048,576/, line: 1 },
  'not-text': { source: String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), message: /frontmatter/, line: 1 },
};

const dirs: string[] = [];
const stores: ContentStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function contentDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-fault-content-'));
  dirs.push(root);
  fs.mkdirSync(path.join(root, 'en/faq'), { recursive: true });
  fs.writeFileSync(path.join(root, 'en/faq/fine.mdx'), `${frontmatter('fine')}## A section\n\nStill here.\n`);
  return root;
}

describe('fault: hostile content files', () => {
  it('at start-up: every hostile file is left out with a diagnostic at its line, the good article loads', () => {
    const root = contentDir();
    for (const [name, { source }] of Object.entries(hostile)) fs.writeFileSync(path.join(root, `en/faq/${name}.mdx`), source);
    const reported: string[] = [];
    const store = new ContentStore(root);
    stores.push(store);
    store.on('invalid', (file: string, diagnostics: Diagnostic[]) => reported.push(...diagnostics.map((d) => formatDiagnostic(file, d))));
    store.loadAll();
    expect(store.all().map((a) => a.file)).toEqual(['en/faq/fine.mdx']);
    for (const [name, { message, line }] of Object.entries(hostile)) {
      const found = store.problems.get(`en/faq/${name}.mdx`);
      expect(found?.[0]?.message, name).toMatch(message);
      expect(found?.[0]?.line, name).toBe(line);
      expect(reported.some((r) => r.startsWith(`en/faq/${name}.mdx:${line}:`)), name).toBe(true);
    }
  });

  it('while watching: a hostile file written into a running knowledge base costs that file only', async () => {
    const root = contentDir();
    const store = new ContentStore(root).loadAll();
    stores.push(store);
    store.watch();
    for (const [name, { source }] of Object.entries(hostile)) fs.writeFileSync(path.join(root, `en/faq/${name}.mdx`), source);
    await vi.waitFor(() => expect(store.problems.size).toBe(Object.keys(hostile).length), { timeout: 60_000, interval: 100 });
    expect(store.all().map((a) => a.file)).toEqual(['en/faq/fine.mdx']);
  }, 90_000);

  it('in the parse pool (preview and editor): each is a diagnostic, and the pool keeps working', async () => {
    const pool = new ParsePool({ size: 2 });
    try {
      const results = await Promise.all(Object.values(hostile).map((h) => pool.parse(h.source)));
      for (const [i, [name, { message }]] of Object.entries(hostile).entries()) expect(results[i], name).toMatchObject({ ok: false, diagnostics: [{ message: expect.stringMatching(message) }] });
      expect((await pool.parse(`${frontmatter('after')}Fine.\n`)).ok).toBe(true);
    } finally {
      await pool.close();
    }
  }, 90_000);
});
