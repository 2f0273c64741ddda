import { afterEach, describe, expect, it } from 'vitest';
import { ArticleCommands } from '@admin/articles/commands.ts';
import { queryAudit } from '@core/staff/audit.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());

const draft = { reference: 'C-2026-000042', eventId: 7, locale: 'en' as const, product: 'aquawash', category: 'product-defect', subject: 'Water under the machine', reply: 'Dear {{customer.name}},\nplease close the tap. {{agent.name}}' };

describe('proposing a reply as a template', () => {
  it('writes an internal draft template with its revision and audit entry, once', async () => {
    w = world();
    const agent = await addUser(w, 'agent');
    const commands = new ArticleCommands({ editor: w.editor, revisions: w.revisions });
    const made = commands.proposeTemplate(agent, draft);
    expect(made).toEqual({ ok: true, value: { file: 'en/reply-template/proposal-c-2026-000042-7.mdx' } });
    const source = w.editor.read('en/reply-template/proposal-c-2026-000042-7.mdx')!.source;
    expect(source).toContain('status: draft');
    expect(source).toContain('audience: internal');
    expect(source).toContain('Dear {{customer.name}},');
    expect(w.content.problems.has('en/reply-template/proposal-c-2026-000042-7.mdx')).toBe(false);
    expect(w.content.all().find((a) => a.file === 'en/reply-template/proposal-c-2026-000042-7.mdx')?.meta).toMatchObject({ category: 'reply-template', status: 'draft', complaintCategories: ['product-defect'] });
    expect(queryAudit(w.db, { action: 'article.create' }).rows).toMatchObject([{ actorId: agent.id, objectId: 'en/reply-template/proposal-c-2026-000042-7.mdx' }]);
    expect(commands.proposeTemplate(agent, draft)).toMatchObject({ ok: false, status: 409 });
  });

  it('is refused to roles that neither handle complaints nor edit articles, writing nothing', async () => {
    w = world();
    const trainee = await addUser(w, 'trainee');
    const commands = new ArticleCommands({ editor: w.editor, revisions: w.revisions });
    expect(commands.proposeTemplate(trainee, draft)).toMatchObject({ ok: false, status: 403 });
    expect(w.editor.read('en/reply-template/proposal-c-2026-000042-7.mdx')).toBeNull();
    expect(queryAudit(w.db, {}).rows.filter((r) => r.action.startsWith('article.'))).toEqual([]);
  });
});
