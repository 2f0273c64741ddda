import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { submitEditor } from '@admin/articles/form.ts';
import { fieldsFromSource } from '@admin/articles/serialize.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());
const file = 'en/faq/good-article.mdx';

function formFor(w: World, changes: Record<string, string> = {}): Record<string, string> {
  const current = w.editor.read(file)!;
  const { fields, body } = fieldsFromSource(current.source);
  return { ...fields, body, baseHash: current.hash, message: '', intent: 'save', ...changes };
}

describe('the editor form', () => {
  it('saves, keeps the status for "save", and redirects', async () => {
    w = world();
    const user = await addUser(w);
    const form = formFor(w, { body: formFor(w).body!.replace('two-year', 'longer') });
    const out = await submitEditor(w.editor, user.id, form, { file, source: w.editor.read(file)!.source, status: 'published' });
    expect(out.redirect).toBe(`/admin/articles/edit?file=${encodeURIComponent(file)}&done=saved`);
    expect(fs.readFileSync(path.join(w.root, file), 'utf8')).toMatch(/status: published[\s\S]*\*\*longer\*\*/);
  });

  it('unpublishes and publishes through the buttons', async () => {
    w = world();
    const user = await addUser(w);
    const source = () => w.editor.read(file)!.source;
    expect((await submitEditor(w.editor, user.id, formFor(w, { intent: 'unpublish' }), { file, source: source(), status: 'published' })).redirect).toContain('done=unpublished');
    expect(source()).toContain('status: draft');
    expect(w.content.get('en', 'good-article', { kind: 'public' })).toBeUndefined();
    expect((await submitEditor(w.editor, user.id, formFor(w, { intent: 'publish' }), { file, source: source(), status: 'draft' })).redirect).toContain('done=published');
    expect(source()).toContain('status: published');
  });

  it('shows problems with field names and body line:column, keeping what was typed', async () => {
    w = world();
    const user = await addUser(w);
    const body = 'Intro\n\n<Blink>hi</Blink>\n\nText {x}\n';
    const out = await submitEditor(w.editor, user.id, formFor(w, { title: '', body }), { file, source: w.editor.read(file)!.source, status: 'published' });
    expect(out.status).toBe(422);
    expect(out.body).toBe(body);
    expect(out.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', where: 'Title' }),
        expect.objectContaining({ field: 'body', where: 'Body, line 3, column 1', message: expect.stringContaining('<Blink>') }),
        expect.objectContaining({ field: 'body', where: 'Body, line 5, column 6' }),
      ]),
    );
  });

  it('names the field and the limit for over-long input, never throwing', async () => {
    w = world();
    const user = await addUser(w);
    const out = await submitEditor(w.editor, user.id, formFor(w, { message: 'm'.repeat(201), intent: 'bogus' }), { file, source: w.editor.read(file)!.source, status: 'published' });
    expect(out.status).toBe(400);
    expect(out.errors.message).toBe('must be at most 200 characters');
    expect(out.errors.intent).toContain('preview, save, publish or unpublish');
    const long = await submitEditor(w.editor, user.id, formFor(w, { title: 't'.repeat(141) }), { file, source: w.editor.read(file)!.source, status: 'published' });
    expect(long.status).toBe(422);
    expect(long.diagnostics[0]).toMatchObject({ field: 'title', message: 'must be at most 140 characters' });
    expect(long.fields.title).toBe('t'.repeat(141));
  });

  it('answers 413 for a body over 1 MB and keeps the text', async () => {
    w = world();
    const user = await addUser(w);
    const body = 'é'.repeat(600_000);
    const out = await submitEditor(w.editor, user.id, formFor(w, { body }), { file, source: w.editor.read(file)!.source, status: 'published' });
    expect(out.status).toBe(413);
    expect(out.errors.body).toContain('1 MB');
    expect(out.body).toBe(body);
  });

  it('shows a conflict with the other version and keeps the editor text, with a new base to save on', async () => {
    w = world();
    const user = await addUser(w);
    const stale = formFor(w, { body: formFor(w).body!.replace('Keep your receipt.', 'Mine.') });
    const other = formFor(w, { body: formFor(w).body!.replace('Find the serial number.', 'Theirs.') });
    await submitEditor(w.editor, user.id, other, { file, source: w.editor.read(file)!.source, status: 'published' });
    const theirs = w.editor.read(file)!;
    const out = await submitEditor(w.editor, user.id, stale, { file, source: theirs.source, status: 'published' });
    expect(out.status).toBe(409);
    expect(out.conflict?.source).toBe(theirs.source);
    expect(out.conflict?.yours).toContain('Mine.');
    expect(out.body).toContain('Mine.');
    expect(out.baseHash).toBe(theirs.hash);
    const resolved = await submitEditor(w.editor, user.id, { ...stale, baseHash: out.baseHash }, { file, source: theirs.source, status: 'published' });
    expect(resolved.redirect).toBeDefined();
  });

  it('creates new articles from locale, category and slug, rejecting path tricks', async () => {
    w = world();
    const user = await addUser(w);
    const base = { title: 'Fresh', summary: 'New one.', category: 'faq', audience: 'public', locale: 'en', translationKey: 'fresh-one', updated: '2026-11-20', body: 'Hello.', intent: 'save' };
    for (const slug of ['../evil', '/abs', 'Ünïcode', 'a/b', '']) {
      const out = await submitEditor(w.editor, user.id, { ...base, slug });
      expect(out.status, slug).toBe(400);
      expect(out.errors.slug, slug).toMatch(/lowercase/);
    }
    expect((await submitEditor(w.editor, user.id, { ...base, slug: 'x', locale: 'xx' })).errors.locale).toMatch(/en, es/);
    const created = await submitEditor(w.editor, user.id, { ...base, slug: 'fresh-one' });
    expect(created.redirect).toBe('/admin/articles/edit?file=en%2Ffaq%2Ffresh-one.mdx&done=created');
    expect(fs.readFileSync(path.join(w.root, 'en/faq/fresh-one.mdx'), 'utf8')).toContain('status: draft');
    const again = await submitEditor(w.editor, user.id, { ...base, slug: 'fresh-one', translationKey: 'other' });
    expect(again.status).toBe(409);
    expect(again.errors.slug).toContain('already exists');
  });
});
