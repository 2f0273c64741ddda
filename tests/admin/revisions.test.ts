import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publicViewer } from '@core/content/article.ts';
import { lineDiff } from '@admin/articles/diff.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());
const file = 'en/faq/good-article.mdx';

describe('revisions', () => {
  it('keeps every version with author, time, note and full text, and diffs any two', async () => {
    w = world();
    const editor = await addUser(w);
    let current = w.editor.read(file)!;
    const texts = [current.source];
    for (const [i, word] of ['three-year', 'four-year'].entries()) {
      const next = texts[0]!.replace('**two-year**', `**${word}**`);
      const saved = w.editor.save({ file, source: next, baseHash: current.hash, authorId: editor.id, action: 'save', message: `edit ${i + 1}` });
      expect(saved.ok).toBe(true);
      texts.push(next);
      current = w.editor.read(file)!;
    }
    const list = w.revisions.list(file);
    expect(list.map((r) => r.message)).toEqual(['edit 2', 'edit 1', 'Version found on disk (written outside the editor)']);
    for (const r of list) expect(r.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const [second, first, original] = list.map((r) => w.revisions.get(r.id)!);
    expect(original!.content).toBe(texts[0]);
    expect(second!.content).toBe(texts[2]);
    const diff = lineDiff(original!.content, second!.content);
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    const changed = diff.lines.filter((l) => l.kind !== 'same' && l.kind !== 'gap');
    expect(changed).toEqual([
      { kind: 'del', oldNo: 14, text: 'Every appliance has a **two-year** warranty.' },
      { kind: 'add', newNo: 14, text: 'Every appliance has a **four-year** warranty.' },
    ]);
    expect(diff.lines.some((l) => l.kind === 'gap')).toBe(true);
    expect(lineDiff(first!.content, first!.content).lines).toEqual([]);
  });

  it('restores an old revision as a new one, and refuses when the base is stale', async () => {
    w = world();
    const editor = await addUser(w);
    const original = w.editor.read(file)!;
    w.editor.save({ file, source: original.source.replace('two-year', 'broken'), baseHash: original.hash, authorId: editor.id, action: 'save' });
    const importRevision = w.revisions.list(file).find((r) => r.action === 'import')!;
    const now = w.editor.read(file)!;
    expect(w.editor.restoreRevision({ revisionId: importRevision.id, baseHash: original.hash, authorId: editor.id })).toMatchObject({ reason: 'conflict' });
    const restored = w.editor.restoreRevision({ revisionId: importRevision.id, baseHash: now.hash, authorId: editor.id });
    expect(restored.ok).toBe(true);
    expect(fs.readFileSync(path.join(w.root, file), 'utf8')).toBe(original.source);
    expect(w.content.get('en', 'good-article', publicViewer)?.html).toContain('two-year');
    const latest = w.revisions.list(file)[0]!;
    expect(latest.action).toBe('restore');
    expect(latest.message).toContain(`#${importRevision.id}`);
    expect(w.editor.restoreRevision({ revisionId: 99999, baseHash: '', authorId: editor.id })).toEqual({ ok: false, reason: 'not-found' });
  });

  it('shows translations as existing, missing and outdated', () => {
    w = world();
    const { rows, source } = w.editor.translations('good-article', 'es/faq/cuanto-dura-la-garantia.mdx');
    expect(source?.locale).toBe('en');
    const byLocale = Object.fromEntries(rows.map((r) => [r.locale, r]));
    expect(byLocale.en?.state).toBe('source');
    // es was updated a day after en, so it is current; the others are missing.
    expect(byLocale.es).toMatchObject({ state: 'current', isThis: true });
    for (const l of ['zh-Hant', 'el', 'fi']) expect(byLocale[l]?.state).toBe('missing');
    fs.writeFileSync(
      path.join(w.root, 'es/faq/cuanto-dura-la-garantia.mdx'),
      fs.readFileSync(path.join(w.root, 'es/faq/cuanto-dura-la-garantia.mdx'), 'utf8').replace('updated: 2026-10-02', 'updated: 2026-09-01'),
    );
    w.content.reloadFile('es/faq/cuanto-dura-la-garantia.mdx');
    expect(w.editor.translations('good-article').rows.find((r) => r.locale === 'es')?.state).toBe('outdated');
  });
});
