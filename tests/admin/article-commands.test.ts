import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleCommands } from '@admin/articles/commands.ts';
import { fieldsFromSource } from '@admin/articles/serialize.ts';
import { ArticleViews } from '@admin/articles/views.ts';
import { queryAudit } from '@core/staff/audit.ts';
import type { Role } from '@core/staff/roles.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());

const file = 'en/faq/good-article.mdx';
const fileParam = encodeURIComponent(file);

/** A world with the article commands, an editor, and a counter of what a change leaves behind. */
async function setup() {
  w = world();
  const commands = new ArticleCommands({ editor: w.editor, revisions: w.revisions });
  const views = new ArticleViews({ editor: w.editor, revisions: w.revisions, content: w.content });
  const editor = await addUser(w, 'editor');
  const member = (role: Role) => addUser(w, role);
  const audit = () => queryAudit(w.db, { objectType: 'article' }).rows;
  const revisionCount = () => w.db.prepare('SELECT COUNT(*) FROM article_revisions').pluck().get() as number;
  const traces = () => ({ audit: audit().length, revisions: revisionCount() });
  return { commands, views, editor, member, audit, traces };
}

/** The edit form of `file` as the page shows it, with `changes` typed in. */
function editForm(changes: Record<string, string> = {}, target = file): Record<string, string> {
  const current = w.editor.read(target)!;
  const { fields, body } = fieldsFromSource(current.source);
  return { ...fields, body, baseHash: current.hash, message: '', intent: 'save', ...changes };
}

const newForm = (changes: Record<string, string> = {}) => ({
  title: 'Fresh',
  summary: 'A new one.',
  category: 'faq',
  audience: 'public',
  locale: 'en',
  translationKey: 'fresh-one',
  updated: '2026-11-20',
  slug: 'fresh-one',
  body: 'Hello.',
  intent: 'publish',
  ...changes,
});

describe('ArticleCommands.create', () => {
  it('creates and publishes an article with one revision and exactly one audit entry', async () => {
    const t = await setup();
    const result = await t.commands.create(t.editor, newForm());
    expect(result).toMatchObject({ ok: true, value: { redirect: '/admin/articles/edit?file=en%2Ffaq%2Ffresh-one.mdx&done=created-published' } });
    expect(fs.readFileSync(path.join(w.root, 'en/faq/fresh-one.mdx'), 'utf8')).toContain('status: published');
    expect(t.traces()).toEqual({ audit: 1, revisions: 1 });
    expect(t.audit()[0]).toMatchObject({ action: 'article.create', actorId: t.editor.id, objectId: 'en/faq/fresh-one.mdx' });
  });

  it('previews without saving anything', async () => {
    const t = await setup();
    const result = await t.commands.create(t.editor, newForm({ intent: 'preview', body: '## Heading\n\nText.' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.redirect).toBeUndefined();
    expect(result.value.preview?.html).toContain('Heading');
    expect(fs.existsSync(path.join(w.root, 'en/faq/fresh-one.mdx'))).toBe(false);
    expect(t.traces()).toEqual({ audit: 0, revisions: 0 });
  });

  it('refuses an invalid article, a taken address and a member without articles:edit, writing nothing', async () => {
    const t = await setup();
    const invalid = await t.commands.create(t.editor, newForm({ title: '' }));
    expect(invalid).toMatchObject({ ok: false, status: 422, errors: { title: 'Title: is required' } });
    if (!invalid.ok) expect(invalid.outcome?.fields.summary).toBe('A new one.');

    const badSlug = await t.commands.create(t.editor, newForm({ slug: '../../evil' }));
    expect(badSlug).toMatchObject({ ok: false, status: 400, errors: { slug: expect.stringMatching(/lowercase/) } });

    const taken = await t.commands.create(t.editor, newForm({ slug: 'good-article', translationKey: 'another-key' }));
    expect(taken).toMatchObject({ ok: false, status: 409, errors: { slug: expect.stringContaining('already exists') } });

    const trainee = await t.member('trainee');
    expect(await t.commands.create(trainee, newForm())).toEqual({ ok: false, status: 403, errors: { form: expect.stringContaining('articles:edit') } });

    expect(fs.existsSync(path.join(w.root, 'en/faq/fresh-one.mdx'))).toBe(false);
    expect(t.traces()).toEqual({ audit: 0, revisions: 0 });
  });
});

describe('ArticleCommands.save', () => {
  it('saves, unpublishes and publishes, with exactly one audit entry per change', async () => {
    const t = await setup();
    const saved = await t.commands.save(t.editor, file, editForm({ body: editForm().body!.replace('two-year', 'three-year'), message: 'longer' }));
    expect(saved).toMatchObject({ ok: true, value: { redirect: `/admin/articles/edit?file=${fileParam}&done=saved` } });
    expect(w.editor.read(file)!.source).toContain('**three-year**');
    // The version found on disk is kept first; the change is audited once.
    expect(t.traces()).toEqual({ audit: 1, revisions: 2 });

    expect(await t.commands.save(t.editor, file, editForm({ intent: 'unpublish' }))).toMatchObject({ ok: true, value: { redirect: expect.stringContaining('done=unpublished') } });
    expect(w.editor.read(file)!.source).toContain('status: draft');
    expect(t.traces()).toEqual({ audit: 2, revisions: 3 });

    expect(await t.commands.save(t.editor, file, editForm({ intent: 'publish' }))).toMatchObject({ ok: true, value: { redirect: expect.stringContaining('done=published') } });
    expect(w.editor.read(file)!.source).toContain('status: published');
    expect(t.audit().map((e) => e.action)).toEqual(['article.publish', 'article.unpublish', 'article.save']);
    expect(t.audit().every((e) => e.actorId === t.editor.id && e.objectId === file)).toBe(true);
  });

  it('keeps the saved status on "save": a draft stays a draft', async () => {
    const t = await setup();
    const draft = 'en/faq/draft-article.mdx';
    const result = await t.commands.save(t.editor, draft, editForm({ body: 'Still secret.' }, draft));
    expect(result).toMatchObject({ ok: true, value: { redirect: expect.stringContaining('done=saved') } });
    expect(w.editor.read(draft)!.source).toMatch(/status: draft[\s\S]*Still secret\./);
  });

  it('answers a stale version with the conflict and both texts, and writes nothing', async () => {
    const t = await setup();
    const stale = editForm({ body: editForm().body!.replace('Keep your receipt.', 'Mine.') });
    const theirs = w.editor.read(file)!.source.replace('Find the serial number.', 'Theirs.');
    fs.writeFileSync(path.join(w.root, file), theirs);
    const result = await t.commands.save(t.editor, file, stale);
    expect(result).toMatchObject({ ok: false, status: 409, errors: { form: expect.stringContaining('nothing was overwritten') } });
    if (result.ok) return;
    expect(result.outcome?.conflict?.source).toBe(theirs);
    expect(result.outcome?.conflict?.yours).toContain('Mine.');
    expect(result.outcome?.body).toContain('Mine.');
    expect(w.editor.read(file)!.source).toBe(theirs);
    expect(t.traces()).toEqual({ audit: 0, revisions: 0 });
  });

  it('refuses invalid text, an over-long form and a member without articles:edit, writing nothing', async () => {
    const t = await setup();
    const before = w.editor.read(file)!.source;
    const invalid = await t.commands.save(t.editor, file, editForm({ body: 'Intro\n\n<Blink>hi</Blink>\n' }));
    expect(invalid).toMatchObject({ ok: false, status: 422, errors: { body: expect.stringContaining('Body, line 3, column 1') } });
    if (!invalid.ok) expect(invalid.outcome?.body).toContain('<Blink>');

    const shape = await t.commands.save(t.editor, file, editForm({ message: 'm'.repeat(201) }));
    expect(shape).toMatchObject({ ok: false, status: 400, errors: { message: 'must be at most 200 characters' } });

    const agent = await t.member('agent');
    expect(await t.commands.save(agent, file, editForm({ body: 'Overwritten.' }))).toMatchObject({ ok: false, status: 403, errors: { form: expect.stringContaining('Service agent') } });

    expect(await t.commands.save(t.editor, '../../etc/passwd', editForm())).toMatchObject({ ok: false, status: 400, errors: { form: expect.stringMatching(/^File: /) } });
    expect(w.editor.read(file)!.source).toBe(before);
    expect(t.traces()).toEqual({ audit: 0, revisions: 0 });
  });
});

describe('ArticleCommands.remove', () => {
  it('soft-deletes the version the person saw, with exactly one audit entry', async () => {
    const t = await setup();
    const result = t.commands.remove(t.editor, file, { baseHash: w.editor.read(file)!.hash, message: 'outdated' });
    expect(result).toEqual({ ok: true, value: { redirect: `/admin/articles?done=deleted&file=${fileParam}` } });
    expect(w.editor.read(file)).toBeNull();
    expect(t.audit().map((e) => e.action)).toEqual(['article.delete']);
    expect(w.revisions.latest(file)).toMatchObject({ action: 'delete', message: 'outdated' });
  });

  it('refuses a stale version and a member without articles:edit, keeping the file and writing nothing', async () => {
    const t = await setup();
    expect(t.commands.remove(t.editor, file, { baseHash: 'f'.repeat(64) })).toEqual({
      ok: false,
      status: 409,
      errors: { form: 'The article changed after you opened it, so it was not deleted. Review the current version below, then delete again if you still want to.' },
    });
    const trainee = await t.member('trainee');
    expect(t.commands.remove(trainee, file, { baseHash: w.editor.read(file)!.hash })).toMatchObject({ ok: false, status: 403 });
    expect(w.editor.read(file)).not.toBeNull();
    expect(t.traces()).toEqual({ audit: 0, revisions: 0 });
  });
});

describe('ArticleCommands.restoreDeleted', () => {
  it('puts a deleted article back with exactly one audit entry', async () => {
    const t = await setup();
    const original = w.editor.read(file)!;
    expect(t.commands.remove(t.editor, file, { baseHash: original.hash }).ok).toBe(true);
    const before = t.traces();
    const result = t.commands.restoreDeleted(t.editor, { intent: 'restore-deleted', file });
    expect(result).toEqual({ ok: true, value: { redirect: `/admin/articles/edit?file=${fileParam}&done=restored` } });
    expect(w.editor.read(file)!.source).toBe(original.source);
    expect(t.traces()).toEqual({ audit: before.audit + 1, revisions: before.revisions + 1 });
    expect(t.audit()[0]).toMatchObject({ action: 'article.restore', actorId: t.editor.id, objectId: file });
  });

  it('refuses an article that is not deleted, an unknown action, a bad path and a member without articles:edit', async () => {
    const t = await setup();
    const restore = (form: Record<string, string>, role?: Role) => (role ? t.member(role) : Promise.resolve(t.editor)).then((m) => t.commands.restoreDeleted(m, form));
    expect(await restore({ intent: 'restore-deleted', file })).toEqual({
      ok: false,
      status: 400,
      errors: { file: `Could not restore ${file}: a file exists there again or it is not deleted. Open it from the list instead.` },
    });
    expect(await restore({ intent: 'delete', file })).toEqual({ ok: false, status: 400, errors: { intent: 'Unknown action; reload the page and try again.' } });
    expect(await restore({ intent: 'restore-deleted', file: '../x.mdx' })).toMatchObject({ ok: false, status: 400, errors: { form: expect.stringMatching(/^File: file must be a path/) } });
    expect(await restore({ intent: 'restore-deleted', file }, 'product')).toMatchObject({ ok: false, status: 403 });
    expect(t.traces()).toEqual({ audit: 0, revisions: 0 });
  });
});

describe('ArticleCommands.restoreRevision', () => {
  it('makes an old revision the current text as a new revision, with exactly one audit entry', async () => {
    const t = await setup();
    const original = w.editor.read(file)!.source;
    expect((await t.commands.save(t.editor, file, editForm({ body: 'A regrettable rewrite.' }))).ok).toBe(true);
    const imported = w.revisions.list(file).find((r) => r.action === 'import')!;
    const before = t.traces();
    const result = t.commands.restoreRevision(t.editor, file, { intent: 'restore', revision: String(imported.id), baseHash: w.editor.read(file)!.hash });
    expect(result).toEqual({ ok: true, value: { redirect: `/admin/articles/history?file=${fileParam}&done=restored&revision=${imported.id}` } });
    expect(w.editor.read(file)!.source).toBe(original);
    expect(t.traces()).toEqual({ audit: before.audit + 1, revisions: before.revisions + 1 });
    expect(t.audit()[0]).toMatchObject({ action: 'article.restore', objectId: file });
  });

  it('refuses another article\'s revision, a stale version and a member without articles:edit, writing nothing', async () => {
    const t = await setup();
    expect((await t.commands.save(t.editor, file, editForm({ body: 'A rewrite.' }))).ok).toBe(true);
    const other = 'en/faq/draft-article.mdx';
    expect((await t.commands.save(t.editor, other, editForm({ body: 'Other rewrite.' }, other))).ok).toBe(true);
    const mine = w.revisions.list(file).find((r) => r.action === 'import')!;
    const theirs = w.revisions.list(other)[0]!;
    const current = w.editor.read(file)!;
    const before = t.traces();
    const notThis = { ok: false, status: 409, errors: { revision: 'Revision: not a revision of this article; reload the page and try again.' } };
    expect(t.commands.restoreRevision(t.editor, file, { intent: 'restore', revision: String(theirs.id), baseHash: current.hash })).toEqual(notThis);
    expect(t.commands.restoreRevision(t.editor, file, { intent: 'restore', revision: '999', baseHash: current.hash })).toEqual(notThis);
    expect(t.commands.restoreRevision(t.editor, file, { intent: 'nonsense', revision: String(mine.id), baseHash: current.hash })).toEqual(notThis);
    expect(t.commands.restoreRevision(t.editor, file, { intent: 'restore', revision: String(mine.id), baseHash: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      status: 409,
      errors: { form: expect.stringContaining('The article changed since this page was loaded, so nothing was restored.') },
    });
    const trainee = await t.member('trainee');
    expect(t.commands.restoreRevision(trainee, file, { intent: 'restore', revision: String(mine.id), baseHash: current.hash })).toMatchObject({ ok: false, status: 403 });
    expect(w.editor.read(file)!.source).toBe(current.source);
    expect(t.traces()).toEqual(before);
  });
});

describe('ArticleViews', () => {
  it('lists with the filters of the query string, dropping malformed ones', async () => {
    const t = await setup();
    const all = t.views.list(new URLSearchParams('status=nonsense&page=abc&locale=../../'));
    expect(all.filtered).toBe(false);
    expect(all.listing.entries.map((e) => e.file)).toContain(file);
    const drafts = t.views.list(new URLSearchParams('status=draft&locale=en'));
    expect(drafts).toMatchObject({ filtered: true, filter: { status: 'draft', locale: 'en' } });
    expect(drafts.listing.entries.map((e) => e.file)).toEqual(['en/faq/draft-article.mdx']);
  });

  it('opens the edit form from the file and the history with the newest two revisions compared', async () => {
    const t = await setup();
    const view = t.views.edit(file, w.editor.read(file));
    expect(view).toMatchObject({ savedStatus: 'published', latest: undefined, state: { baseHash: w.editor.read(file)!.hash, fields: { title: 'How long is the warranty?' } } });
    expect(t.views.edit('en/faq/missing.mdx', null).state).toBeUndefined();
    expect(t.views.history('en/faq/missing.mdx', new URLSearchParams())).toBeUndefined();

    expect((await t.commands.save(t.editor, file, editForm({ body: 'A rewrite.' }))).ok).toBe(true);
    const history = t.views.history(file, new URLSearchParams())!;
    const [saved, imported] = history.list;
    expect(history).toMatchObject({ toId: saved!.id, fromId: imported!.id, onDiskUnknown: false });
    expect(history.diff?.added).toBeGreaterThan(0);
  });

  it('fills the new-article form from a "Create translation" link', async () => {
    const t = await setup();
    const { state, translatingFrom } = t.views.newForm(new URLSearchParams({ from: file, locale: 'es' }));
    expect(translatingFrom).toBe(file);
    expect(state.fields).toMatchObject({ locale: 'es', status: 'draft', translationKey: 'good-article' });
    expect(state.slug).toBe('good-article');
    expect(t.views.newForm(new URLSearchParams({ from: '../../etc/passwd' })).translatingFrom).toBeUndefined();
  });
});
