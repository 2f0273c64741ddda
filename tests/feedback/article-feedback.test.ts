import { describe, expect, it } from 'vitest';
import type { StaffMember } from '@core/staff/users.ts';
import { setup, type Fixture } from './helpers.ts';

const known = (id: string) => (id === 'en/dishwasher' || id === 'en/fridge' ? { id, locale: 'en' } : undefined);
const votes = (f: Fixture) => f.db.prepare('SELECT article_id AS articleId, helpful, reason, comment, voter FROM article_votes ORDER BY article_id').all() as Array<{ articleId: string; helpful: number; reason: string | null; comment: string | null; voter: string }>;

function staff(f: Fixture, role: StaffMember['role']): StaffMember {
  const t = new Date().toISOString();
  const email = `${role}@example.com`;
  const id = Number(f.db.prepare('INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(email, role, role, 'x', t, t, t).lastInsertRowid);
  return { id, email, name: role, role };
}

describe('article votes', () => {
  it('counts one vote per client and article: stuffing replaces, never adds; no address is stored', () => {
    const f = setup();
    const a = f.feedback.articleFeedback;
    for (let i = 0; i < 5; i++) expect(a.vote({ articleId: 'en/dishwasher', helpful: 'yes' }, '203.0.113.9', known)).toMatchObject({ ok: true });
    expect(a.vote({ articleId: 'en/dishwasher', helpful: false, reason: 'outdated', comment: '<b>old</b> model' }, '203.0.113.9', known)).toMatchObject({ ok: true, helpful: false });
    a.vote({ articleId: 'en/dishwasher', helpful: 'yes' }, '198.51.100.7', known);
    a.vote({ articleId: 'en/fridge', helpful: 'no' }, '203.0.113.9', known);
    const rows = votes(f);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.articleId === 'en/dishwasher').map((r) => r.helpful).sort()).toEqual([0, 1]);
    expect(rows.find((r) => r.reason === 'outdated')?.comment).toBe('<b>old</b> model');
    const dump = JSON.stringify(f.db.prepare('SELECT * FROM article_votes').all());
    expect(dump).not.toContain('203.0.113.9');
    expect(dump).not.toContain('198.51.100.7');
  });

  it('a new day has a new key and the old one is deleted', () => {
    const f = setup();
    f.feedback.articleFeedback.vote({ articleId: 'en/fridge', helpful: 'yes' }, '203.0.113.9', known);
    f.clock.advance(86_400_000);
    f.feedback.articleFeedback.vote({ articleId: 'en/dishwasher', helpful: 'yes' }, '203.0.113.9', known);
    expect(f.db.prepare('SELECT day FROM article_vote_keys').pluck().all()).toEqual(['2026-03-03']);
  });

  it('refuses malformed input with 400 naming the field, and writes nothing', () => {
    const f = setup();
    const a = f.feedback.articleFeedback;
    expect(a.vote({ articleId: 'en/nope', helpful: 'yes' }, 'x', known)).toMatchObject({ ok: false, status: 400, errors: { articleId: expect.stringContaining('no public article') } });
    expect(a.vote({ articleId: 'en/fridge', helpful: 'maybe' }, 'x', known)).toMatchObject({ ok: false, status: 400, errors: { helpful: expect.any(String) } });
    expect(a.vote({ articleId: 'en/fridge', helpful: 'no', reason: 'boring' }, 'x', known)).toMatchObject({ ok: false, errors: { reason: expect.stringContaining('outdated') } });
    expect(a.vote({ articleId: 'en/fridge', helpful: 'no', reason: 'other' }, 'x', known)).toMatchObject({ ok: false, errors: { comment: expect.any(String) } });
    expect(a.vote({ articleId: 'en/fridge', helpful: 'no', comment: 'x'.repeat(1001) }, 'x', known)).toMatchObject({ ok: false, errors: { comment: 'comment: at most 1000 characters.' } });
    expect(a.vote({ articleId: 'x'.repeat(201), helpful: 'yes' }, 'x', known)).toMatchObject({ ok: false, errors: { articleId: expect.any(String) } });
    expect(votes(f)).toEqual([]);
  });
});

describe('editors: ranking, reports and tasks', () => {
  it('ranks by unhelpfulness with reasons and comments; a task is audited and done when the article is saved', () => {
    const f = setup();
    const a = f.feedback.articleFeedback;
    for (let i = 0; i < 4; i++) a.vote({ articleId: 'en/fridge', helpful: 'no', reason: 'unclear', comment: i === 0 ? 'Step 3 is missing' : '' }, `10.0.0.${i}`, known);
    a.vote({ articleId: 'en/fridge', helpful: 'yes' }, '10.0.0.9', known);
    for (let i = 0; i < 4; i++) a.vote({ articleId: 'en/dishwasher', helpful: i ? 'yes' : 'no' }, `10.0.1.${i}`, known);
    const trainee = staff(f, 'trainee');
    expect(a.report(trainee, 'en/dishwasher', { text: 'The photo shows the old model.' })).toMatchObject({ ok: true });
    const ranking = a.ranking();
    expect(ranking.articles.map((r) => r.articleId)).toEqual(['en/fridge', 'en/dishwasher']);
    expect(ranking.articles[0]).toMatchObject({ no: 4, yes: 1, reasons: { unclear: 4 }, comments: [{ text: 'Step 3 is missing', reason: 'unclear' }] });
    expect(ranking.articles[1]).toMatchObject({ reports: 1, comments: [{ kind: 'report', text: 'The photo shows the old model.' }] });

    const editor = staff(f, 'editor');
    expect(a.createTask(trainee, { articleId: 'en/fridge', note: 'Fix it' })).toMatchObject({ ok: false, status: 403 });
    expect(a.createTask(editor, { articleId: 'en/fridge', note: '', assigneeId: '' })).toMatchObject({ ok: false, status: 400, errors: { note: 'Say what should change.' } });
    expect(a.createTask(editor, { articleId: 'en/fridge', note: 'Add step 3', assigneeId: String(trainee.id) })).toMatchObject({ ok: false, errors: { assigneeId: 'Choose an editor from the list.' } });
    const made = a.createTask(editor, { articleId: 'en/fridge', note: 'Add step 3', assigneeId: String(editor.id) });
    expect(made).toMatchObject({ ok: true });
    expect(f.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'article.%' ORDER BY id").pluck().all()).toEqual(['article.report', 'article.task']);
    expect(a.ranking().tasks).toMatchObject([{ articleId: 'en/fridge', note: 'Add step 3', assigneeName: 'editor', doneAt: null }]);
    expect(a.articleSaved('en/dishwasher')).toBe(0);
    expect(a.articleSaved('en/fridge')).toBe(1);
    expect(a.ranking().tasks[0]?.doneAt).toBe('2026-03-02T09:00:00.000Z');
  });
});
