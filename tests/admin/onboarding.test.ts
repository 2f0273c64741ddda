import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOnboarding } from '@admin/onboarding/onboarding.ts';
import { parseTrackFile } from '@admin/onboarding/track-file.ts';
import { checkTrackArticles } from '@admin/onboarding/tracks.ts';
import { queryAudit } from '@core/staff/audit.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());

const track = `title:
  en: Basics
  es: Lo básico
description:
  en: The first things to read.
roles: [agent]
steps:
  - article: good-article
    questions:
      - kind: single
        prompt: { en: How long is the warranty? }
        options:
          - text: { en: Two years }
            correct: true
          - text: { en: One year }
        explanation: { en: Two years from delivery. }
      - kind: multiple
        prompt: { en: What does it cover? }
        options:
          - text: { en: Parts }
            correct: true
          - text: { en: Labour }
            correct: true
          - text: { en: Accidents }
        explanation: { en: Parts and labour. }
  - article: internal-guide
  - article: draft-article
`;

async function setup() {
  w = world();
  fs.mkdirSync(path.join(w.root, 'onboarding'));
  fs.writeFileSync(path.join(w.root, 'onboarding/basics.yaml'), track);
  const onboarding = createOnboarding({ db: w.db, content: w.content, contentDir: w.root, editor: w.editor, revisions: w.revisions });
  const admin = await addUser(w, 'admin');
  const agent = await addUser(w, 'agent');
  const audit = (action: string) => queryAudit(w.db, {}).rows.filter((r) => r.action === action);
  return { onboarding, admin, agent, audit };
}

/** Saves `file` through the editor with `body` appended, as an editor would. */
function edit(file: string, extra: string, minor = false, authorId = 1) {
  const current = w.editor.read(file)!;
  const result = w.editor.save({ file, source: `${current.source}\n${extra}\n`, baseHash: current.hash, authorId, action: 'publish', minor });
  expect(result.ok).toBe(true);
}

describe('track files', () => {
  it('accepts a valid track and remembers the line of each step', () => {
    const result = parseTrackFile('onboarding/basics.yaml', track);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.track.stepLines).toEqual([8, 26, 27]);
  });

  it('refuses a question without a right answer, pointing at its line', () => {
    const result = parseTrackFile('onboarding/basics.yaml', track.replace('          - text: { en: Two years }\n            correct: true\n', '          - text: { en: Two years }\n'));
    expect(result).toMatchObject({ ok: false, diagnostics: [{ line: 13, field: 'steps.0.questions.0.options', message: expect.stringContaining('no right answer') }] });
  });

  it('refuses an unknown role and YAML errors with their place', () => {
    expect(parseTrackFile('onboarding/x.yaml', track.replace('roles: [agent]', 'roles: [boss]'))).toMatchObject({ ok: false, diagnostics: [{ line: 6, field: 'roles.0' }] });
    expect(parseTrackFile('onboarding/x.yaml', 'title: [unclosed')).toMatchObject({ ok: false, diagnostics: [{ line: 1, message: expect.stringMatching(/^YAML/) }] });
  });

  it('content check reports steps naming a missing or unpublished article, with the line', async () => {
    await setup();
    const parsed = parseTrackFile('onboarding/basics.yaml', track.replace('article: internal-guide', 'article: gone-article'));
    if (!parsed.ok) throw new Error('track should parse');
    expect(checkTrackArticles([parsed.track], w.content.all())).toEqual([
      { file: 'onboarding/basics.yaml', diagnostic: expect.objectContaining({ line: 26, message: 'no published article has the translation key "gone-article"' }) },
      { file: 'onboarding/basics.yaml', diagnostic: expect.objectContaining({ line: 27, message: 'no published article has the translation key "draft-article"' }) },
    ]);
  });
});

describe('trainee', () => {
  it('gives each role its tracks, the reader their language with English marked as a fallback, and removed steps uncounted', async () => {
    const t = await setup();
    const product = await addUser(w, 'product');
    expect(t.onboarding.trainee.overview(product, 'en')).toEqual([]);
    const [progress] = t.onboarding.trainee.overview(t.agent, 'es');
    expect(progress).toMatchObject({ title: 'Lo básico', total: 2, done: 0, next: { translationKey: 'good-article' } });
    expect(progress!.steps.map((s) => [s.translationKey, s.article?.locale, s.fallback])).toEqual([
      ['good-article', 'es', false],
      ['internal-guide', 'en', true],
      ['draft-article', undefined, false],
    ]);
  });

  it('records the revision read, refuses an article outside the person’s tracks or not published, and leaves no trace then', async () => {
    const t = await setup();
    const read = t.onboarding.trainee.confirmRead(t.agent, { trackId: 'basics', translationKey: 'internal-guide', locale: 'en' });
    expect(read.ok).toBe(true);
    expect(t.audit('onboarding.read')).toHaveLength(1);
    expect(t.onboarding.trainee.confirmRead(t.agent, { trackId: 'basics', translationKey: 'draft-article', locale: 'en' })).toMatchObject({ ok: false, status: 404 });
    expect(t.onboarding.trainee.confirmRead(t.agent, { trackId: 'basics', translationKey: 'hostile', locale: 'en' })).toMatchObject({ ok: false, status: 404 });
    const product = await addUser(w, 'product');
    expect(t.onboarding.trainee.confirmRead(product, { trackId: 'basics', translationKey: 'good-article', locale: 'en' })).toMatchObject({ ok: false, status: 404 });
    expect(t.audit('onboarding.read')).toHaveLength(1);
    const step = t.onboarding.trainee.track(t.agent, 'basics', 'en')!.steps[1]!;
    expect(step).toMatchObject({ done: true, read: { file: 'en/faq/internal-guide.mdx' } });
    expect(w.revisions.get(step.read!.revisionId)?.content).toBe(w.editor.read('en/faq/internal-guide.mdx')!.source);
  });

  it('checks answers on the server: every question needed, options must exist, right and wrong recorded, retries counted', async () => {
    const t = await setup();
    const at = { trackId: 'basics', translationKey: 'good-article', locale: 'en' as const };
    expect(t.onboarding.trainee.answer(t.agent, at, { 'q1-0': 'on' })).toMatchObject({ ok: false, status: 400, errors: { q0: 'choose one answer' } });
    expect(t.onboarding.trainee.answer(t.agent, at, { q0: '7', 'q1-0': 'on' })).toMatchObject({ ok: false, errors: { q0: expect.stringContaining('not one of the answers') } });
    expect(t.audit('onboarding.answer')).toHaveLength(0);
    expect(t.onboarding.trainee.answer(t.agent, at, { q0: '1', 'q1-0': 'on' })).toEqual({ ok: true, value: { correct: 0, total: 2 } });
    expect(t.onboarding.trainee.answer(t.agent, at, { q0: '0', 'q1-0': 'on', 'q1-1': 'on' })).toEqual({ ok: true, value: { correct: 2, total: 2 } });
    const view = t.onboarding.trainee.step(t.agent, 'basics', 'good-article', 'en')!;
    expect(view.questions.map((q) => [q.last?.correct, q.last?.attempts])).toEqual([[true, 2], [true, 2]]);
    expect(view.step.done).toBe(false);
    t.onboarding.trainee.confirmRead(t.agent, at);
    expect(t.onboarding.trainee.step(t.agent, 'basics', 'good-article', 'en')!.step.done).toBe(true);
  });
});

describe('re-reading after a change', () => {
  it('marks a step changed with the diff after a real change, but not after a minor one, until confirmed again', async () => {
    const t = await setup();
    const at = { trackId: 'basics', translationKey: 'internal-guide', locale: 'en' as const };
    t.onboarding.trainee.confirmRead(t.agent, at);
    edit('en/faq/internal-guide.mdx', 'Typo fixed.', true, t.admin.id);
    expect(t.onboarding.trainee.step(t.agent, 'basics', 'internal-guide', 'en')!.step.changedRevisionId).toBeUndefined();
    edit('en/faq/internal-guide.mdx', 'Team leads approve up to EUR 300.', false, t.admin.id);
    const view = t.onboarding.trainee.step(t.agent, 'basics', 'internal-guide', 'en')!;
    expect(view.step).toMatchObject({ done: false, changedRevisionId: expect.any(Number) });
    expect(view.diff?.lines.filter((l) => l.kind === 'add').map((l) => l.text)).toContain('Team leads approve up to EUR 300.');
    t.onboarding.trainee.confirmRead(t.agent, at);
    expect(t.onboarding.trainee.step(t.agent, 'basics', 'internal-guide', 'en')!.step).toMatchObject({ done: true, changedRevisionId: undefined });
  });
});

describe('checklists', () => {
  it('saves a person’s ticks for an article they can see, and refuses items that do not exist', async () => {
    const t = await setup();
    edit('en/faq/internal-guide.mdx', '- [ ] Laptop\n- [x] Headset\n- [ ] Login', false, t.admin.id);
    const article = w.content.get('en', 'internal-guide', { kind: 'staff' })!;
    expect(t.onboarding.checklists.ticks(t.agent, article)).toBeUndefined();
    expect(t.onboarding.checklists.save(t.agent, { article: 'en/internal-guide', 'item-1': 'on', 'item-3': 'on' })).toMatchObject({ ok: true, value: { ticked: 2 } });
    expect([...t.onboarding.checklists.ticks(t.agent, article)!]).toEqual([1, 3]);
    expect(t.onboarding.checklists.ticks(t.admin, article)).toBeUndefined();
    expect(t.onboarding.checklists.save(t.agent, { article: 'en/internal-guide', 'item-4': 'on' })).toMatchObject({ ok: false, errors: { article: expect.stringContaining('3 checklist items') } });
    expect(t.onboarding.checklists.save(t.agent, { article: 'en/draft-article' })).toMatchObject({ ok: false, status: 404 });
    expect(t.audit('checklist.save')).toHaveLength(1);
  });
});

describe('managers', () => {
  it('administrators see everyone, assign to people and roles (new accounts included) and export CSV', async () => {
    const t = await setup();
    const trainee = await addUser(w, 'trainee');
    expect(t.onboarding.manager.assign(t.admin, { track: 'basics', target: `user:${trainee.id}` })).toEqual({ ok: true, value: { created: true } });
    expect(t.onboarding.manager.assign(t.admin, { track: 'basics', target: 'role:editor' })).toEqual({ ok: true, value: { created: true } });
    expect(t.onboarding.manager.assign(t.admin, { track: 'nope', target: 'role:editor' })).toMatchObject({ ok: false, errors: { track: expect.any(String) } });
    const editor = await addUser(w, 'editor');
    expect(t.onboarding.trainee.overview(editor, 'en').map((p) => p.track.id)).toEqual(['basics']);
    t.onboarding.trainee.confirmRead(trainee, { trackId: 'basics', translationKey: 'internal-guide', locale: 'en' });
    const view = t.onboarding.manager.view(t.admin)!;
    expect(view.people.find((p) => p.user.id === trainee.id)?.tracks[0]).toMatchObject({ done: 1, total: 2 });
    const csv = t.onboarding.manager.csv(t.admin)!.split('\n');
    expect(csv[0]).toBe('name,email,role,track,track title,steps done,steps,status,completed at,check answers right,changed since read');
    expect(csv).toContain('trainee,trainee@example.test,trainee,basics,Basics,1,2,in progress,,0/2,0');
  });

  it('a team lead sees and assigns only their team; others are refused and nothing is written', async () => {
    const t = await setup();
    const trainee = await addUser(w, 'trainee');
    const other = await addUser(w, 'trainee', 'other@example.test');
    expect(t.onboarding.manager.view(t.agent)).toBeUndefined();
    expect(t.onboarding.manager.assign(t.agent, { track: 'basics', target: `user:${trainee.id}` })).toMatchObject({ ok: false, status: 403 });
    expect(t.onboarding.manager.setLead(t.agent, { member: String(trainee.id), lead: String(t.agent.id) })).toMatchObject({ ok: false, status: 403 });
    expect(t.onboarding.manager.setLead(t.admin, { member: String(trainee.id), lead: String(t.agent.id) }).ok).toBe(true);
    const view = t.onboarding.manager.view(t.agent)!;
    expect(view.people.map((p) => p.user.id)).toEqual([trainee.id]);
    expect(t.onboarding.manager.assign(t.agent, { track: 'basics', target: `user:${other.id}` })).toMatchObject({ ok: false, errors: { target: 'is not a person you manage' } });
    expect(t.onboarding.manager.assign(t.agent, { track: 'basics', target: 'role:trainee' })).toMatchObject({ ok: false, status: 403 });
    expect(t.onboarding.manager.assign(t.agent, { track: 'basics', target: `user:${trainee.id}` }).ok).toBe(true);
    expect(t.audit('onboarding.assign')).toHaveLength(1);
    expect(t.onboarding.manager.csv(t.agent)!.trim().split('\n')).toHaveLength(2);
  });
});
