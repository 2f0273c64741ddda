import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publicViewer } from '@core/content/article.ts';
import { maxArticleBytes } from '@admin/articles/editor.ts';
import { checkArticleFile, newArticleFile, PathError, resolveInside } from '@admin/articles/paths.ts';
import { contentHash } from '@admin/articles/revisions.ts';
import { addUser, tempDir, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());

const goodFile = 'en/faq/good-article.mdx';

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function newArticle(slug: string, extra = ''): string {
  return `---
title: "${slug} title"
summary: "A new article."
category: faq
audience: public
locale: en
translationKey: ${slug}
updated: 2026-11-20
status: published
${extra}---

Hello from **${slug}**.
`;
}

describe('saving articles', () => {
  it('writes atomically, records a revision and updates what the site serves', async () => {
    w = world();
    const editor = await addUser(w);
    const before = w.editor.read(goodFile)!;
    const source = before.source.replace('**two-year**', '**three-year**');
    const result = w.editor.save({ file: goodFile, source, baseHash: before.hash, authorId: editor.id, action: 'save', message: 'longer warranty' });
    expect(result).toMatchObject({ ok: true, hash: contentHash(source) });
    expect(fs.readFileSync(path.join(w.root, goodFile), 'utf8')).toBe(source);
    expect(w.content.get('en', 'good-article', publicViewer)?.html).toContain('three-year');
    // No temporary files are left behind.
    expect(listFiles(w.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The version that was on disk is kept first, then the new one with author and note.
    const revisions = w.revisions.list(goodFile);
    expect(revisions.map((r) => r.action)).toEqual(['save', 'import']);
    expect(revisions[0]).toMatchObject({ authorId: editor.id, authorLabel: editor.email, message: 'longer warranty' });
    expect(w.revisions.get(revisions[1]!.id)?.content).toBe(before.source);
  });

  it('refuses a stale base and keeps both versions intact (optimistic concurrency)', async () => {
    w = world();
    const alice = await addUser(w, 'editor', 'alice@example.test');
    const bob = await addUser(w, 'editor', 'bob@example.test');
    const base = w.editor.read(goodFile)!;
    const aliceText = base.source.replace('Keep your receipt.', 'Keep your receipt and the box.');
    const bobText = base.source.replace('Find the serial number.', 'Find the serial number on the back.');
    expect(w.editor.save({ file: goodFile, source: aliceText, baseHash: base.hash, authorId: alice.id, action: 'save' }).ok).toBe(true);
    const second = w.editor.save({ file: goodFile, source: bobText, baseHash: base.hash, authorId: bob.id, action: 'save' });
    expect(second).toMatchObject({ ok: false, reason: 'conflict' });
    if (second.ok || second.reason !== 'conflict') return;
    expect(second.conflict.source).toBe(aliceText);
    expect(second.conflict.revision?.authorLabel).toBe('alice@example.test');
    expect(fs.readFileSync(path.join(w.root, goodFile), 'utf8')).toBe(aliceText);
    // Saving again on top of Alice's version is a deliberate choice and succeeds.
    expect(w.editor.save({ file: goodFile, source: bobText, baseHash: second.conflict.hash, authorId: bob.id, action: 'save' }).ok).toBe(true);
  });

  it('notices files changed on disk (git pull) as conflicts and keeps their text as a revision', async () => {
    w = world();
    const editor = await addUser(w);
    const base = w.editor.read(goodFile)!;
    const pulled = base.source.replace('two-year', 'two year');
    fs.writeFileSync(path.join(w.root, goodFile), pulled);
    expect(w.editor.save({ file: goodFile, source: base.source + '\nMore.\n', baseHash: base.hash, authorId: editor.id, action: 'save' })).toMatchObject({ reason: 'conflict' });
    const again = w.editor.save({ file: goodFile, source: pulled + '\nMore.\n', baseHash: contentHash(pulled), authorId: editor.id, action: 'save' });
    expect(again.ok).toBe(true);
    const [latest, imported] = w.revisions.list(goodFile);
    expect(latest?.action).toBe('save');
    expect(imported?.action).toBe('import');
    expect(w.revisions.get(imported!.id)?.content).toBe(pulled);
  });

  it('leaves the old file whole when the process dies in the middle of a save', async () => {
    let crash = true;
    w = world({
      hooks: {
        beforeRename: () => {
          if (crash) throw new Error('simulated crash before rename');
        },
      },
    });
    const editor = await addUser(w);
    const base = w.editor.read(goodFile)!;
    expect(() => w.editor.save({ file: goodFile, source: base.source.replace('two-year', 'NEW'), baseHash: base.hash, authorId: editor.id, action: 'save' })).toThrow(/simulated crash/);
    expect(fs.readFileSync(path.join(w.root, goodFile), 'utf8')).toBe(base.source);
    expect(listFiles(w.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The revision of the failed save rolled back with it.
    expect(w.revisions.list(goodFile)).toEqual([]);
    crash = false;
    expect(w.editor.save({ file: goodFile, source: base.source.replace('two-year', 'NEW'), baseHash: base.hash, authorId: editor.id, action: 'save' }).ok).toBe(true);
  });

  it('rejects invalid articles with positions and writes nothing', async () => {
    w = world();
    const editor = await addUser(w);
    const base = w.editor.read(goodFile)!;
    const bad = base.source.replace('## How to claim', '## How to claim\n\n<script>alert(1)</script>\n\n{danger}').replace('category: faq', 'category: nope');
    const result = w.editor.save({ file: goodFile, source: bad, baseHash: base.hash, authorId: editor.id, action: 'save' });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') throw new Error('expected invalid');
    expect(result.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'category', line: 4 })]));
    expect(fs.readFileSync(path.join(w.root, goodFile), 'utf8')).toBe(base.source);
    expect(w.revisions.list(goodFile)).toEqual([]);
  });

  it('refuses files over 1 MB', async () => {
    w = world();
    const editor = await addUser(w);
    const huge = newArticle('huge-one') + 'x'.repeat(maxArticleBytes);
    expect(w.editor.save({ file: 'en/faq/huge-one.mdx', source: huge, baseHash: '', authorId: editor.id, action: 'create' })).toEqual({ ok: false, reason: 'too-large' });
    expect(fs.existsSync(path.join(w.root, 'en/faq/huge-one.mdx'))).toBe(false);
  });

  it('creates new articles but never over an existing file, slug or translation key', async () => {
    w = world();
    const editor = await addUser(w);
    const created = w.editor.save({ file: 'en/faq/brand-new.mdx', source: newArticle('brand-new'), baseHash: '', authorId: editor.id, action: 'create' });
    expect(created.ok).toBe(true);
    expect(w.content.get('en', 'brand-new', publicViewer)?.meta.title).toBe('brand-new title');
    expect(w.editor.save({ file: 'en/faq/brand-new.mdx', source: newArticle('brand-new'), baseHash: '', authorId: editor.id, action: 'create' })).toMatchObject({ reason: 'conflict' });
    const sameSlug = w.editor.save({ file: 'en/claims/brand-new.mdx', source: newArticle('other-key'), baseHash: '', authorId: editor.id, action: 'create' });
    expect(sameSlug).toMatchObject({ reason: 'invalid', diagnostics: [expect.objectContaining({ field: 'slug' })] });
    const sameKey = w.editor.save({ file: 'en/faq/another.mdx', source: newArticle('good-article'), baseHash: '', authorId: editor.id, action: 'create' });
    expect(sameKey).toMatchObject({ reason: 'invalid', diagnostics: [expect.objectContaining({ field: 'translationKey' })] });
    const wrongFolder = w.editor.save({ file: 'es/faq/english-here.mdx', source: newArticle('english-here'), baseHash: '', authorId: editor.id, action: 'create' });
    expect(wrongFolder).toMatchObject({ reason: 'invalid', diagnostics: [expect.objectContaining({ field: 'locale' })] });
  });

  it('soft-deletes (gone from the site, text kept) and restores', async () => {
    w = world();
    const editor = await addUser(w);
    const base = w.editor.read(goodFile)!;
    expect(w.editor.remove({ file: goodFile, baseHash: 'f'.repeat(64), authorId: editor.id })).toMatchObject({ reason: 'conflict' });
    expect(w.editor.remove({ file: goodFile, baseHash: base.hash, authorId: editor.id, message: 'duplicate' })).toEqual({ ok: true });
    expect(fs.existsSync(path.join(w.root, goodFile))).toBe(false);
    expect(w.content.get('en', 'good-article', publicViewer)).toBeUndefined();
    expect(w.editor.list({ status: 'deleted' }).entries.map((e) => e.file)).toEqual([goodFile]);
    expect(w.editor.list().entries.map((e) => e.file)).not.toContain(goodFile);
    const restored = w.editor.restoreDeleted({ file: goodFile, authorId: editor.id });
    expect(restored.ok).toBe(true);
    expect(fs.readFileSync(path.join(w.root, goodFile), 'utf8')).toBe(base.source);
    expect(w.content.get('en', 'good-article', publicViewer)).toBeDefined();
    expect(w.revisions.list(goodFile).map((r) => r.action)).toEqual(['restore', 'delete', 'import']);
  });
});

describe('paths', () => {
  it('accepts the content layout and nothing else', () => {
    for (const ok of ['en/faq/good-article.mdx', 'zh-Hant/faq/faq-contact-hours.mdx', 'fi/a.md', 'es/x/y/z-1.mdx']) expect(checkArticleFile(ok)).toBe(ok);
    const bad = [
      '../outside.mdx',
      'en/../../etc/passwd.mdx',
      '/etc/passwd.mdx',
      'en/faq/../../../x.mdx',
      'en\\faq\\x.mdx',
      'en/faq/x.txt',
      'en/faq/.hidden.mdx',
      'en/faq/Upper.mdx',
      'en/faq/caf\u00e9.mdx',
      'en/faq/cafe\u0301.mdx',
      'en/faq/x\u0000.mdx',
      'en/faq/x .mdx',
      'de/faq/x.mdx',
      'en//x.mdx',
      'en/faq/ａ.mdx',
      '',
      'x'.repeat(400),
    ];
    for (const p of bad) expect(() => checkArticleFile(p), JSON.stringify(p)).toThrow(PathError);
    expect(() => checkArticleFile(undefined)).toThrow(PathError);
    expect(() => newArticleFile('en', 'faq', '../x')).toThrow(PathError);
    expect(() => newArticleFile('en', 'faq', 'a--b')).toThrow(PathError);
    expect(newArticleFile('en', 'faq', 'fine-slug')).toBe('en/faq/fine-slug.mdx');
  });

  it('never resolves outside the content directory, even through a symbolic link', () => {
    const root = tempDir();
    const outside = tempDir();
    fs.mkdirSync(path.join(root, 'en'));
    fs.symlinkSync(outside, path.join(root, 'en', 'linked'));
    expect(resolveInside(root, 'en/faq/x.mdx')).toBe(path.join(root, 'en', 'faq', 'x.mdx'));
    expect(() => resolveInside(root, 'en/linked/x.mdx')).toThrow(/leaves the content directory/);
    fs.writeFileSync(path.join(outside, 'target.mdx'), 'x');
    fs.symlinkSync(path.join(outside, 'target.mdx'), path.join(root, 'en', 'file-link.mdx'));
    expect(() => resolveInside(root, 'en/file-link.mdx')).toThrow(/symbolic links/);
  });

  it('writes nothing outside the content directory whatever path an editor sends', async () => {
    w = world();
    const editor = await addUser(w);
    const parent = path.dirname(w.root);
    for (const file of ['../evil.mdx', `${w.root}/en/faq/abs.mdx`, 'en/faq/../../evil.mdx']) {
      expect(() => w.editor.save({ file, source: newArticle('evil'), baseHash: '', authorId: editor.id, action: 'create' })).toThrow(PathError);
    }
    expect(fs.existsSync(path.join(parent, 'evil.mdx'))).toBe(false);
    expect(listFiles(w.root).filter((f) => f.includes('evil') || f.includes('abs'))).toEqual([]);
  });
});
