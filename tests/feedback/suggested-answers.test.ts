import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentStore } from '@core/content/store.ts';
import { queryAudit } from '@core/staff/audit.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { createAnswerFinder } from '@search/answers.ts';
import { indexedEngine } from '@tests/search/indexed-content.ts';
import { complaintInput, setup } from './helpers.ts';

const template = `---
title: Water leaking from a washing machine
summary: First reply to a customer whose AquaWash leaks water.
category: reply-template
audience: internal
locale: en
translationKey: reply-washer-leak
product: aquawash
complaintCategories: [product-defect]
tags: [leak, water, door seal]
reply: |
  Dear {{customer.name}},

  thank you for telling us about the leak ({{complaint.reference}}). Please turn off the water tap.
  You can follow the repair here: {{complaint.trackingUrl}}

  {{agent.name}}, Kestrel customer service
updated: 2026-11-01
status: published
---

Use when water leaks from the door seal or under the machine.
`;

const article = `---
title: Dishwasher drain filter
summary: How to clean the drain filter.
category: faq
audience: public
locale: en
translationKey: faq-dishwasher-filter
answer: Twist the filter out, rinse it and put it back.
updated: 2026-11-01
status: published
---

Clean the filter monthly.
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function world() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-answers-'));
  dirs.push(root);
  fs.mkdirSync(path.join(root, 'content/en/reply-template'), { recursive: true });
  fs.mkdirSync(path.join(root, 'content/en/faq'), { recursive: true });
  fs.writeFileSync(path.join(root, 'content/en/reply-template/reply-washer-leak.mdx'), template);
  fs.writeFileSync(path.join(root, 'content/en/faq/faq-dishwasher-filter.mdx'), article);
  const content = new ContentStore(path.join(root, 'content')).loadAll();
  expect([...content.problems.values()]).toEqual([]);
  const engine = await indexedEngine(content, root);
  const f = setup({ answers: createAnswerFinder(engine, content) });
  const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent Aino', role: 'agent' };
  const r = f.feedback.complaints.submit(complaintInput(), { channel: 'web' });
  if (!r.ok) throw new Error('not saved');
  return { ...f, agent, complaintId: r.complaint.id, reference: r.complaint.reference };
}

describe('suggested answers on a complaint', () => {
  it('offers the template for the complaint’s own words with the customer’s values filled in', async () => {
    const w = await world();
    const found = await w.feedback.handling.suggestions(w.agent, w.reference);
    expect(found?.available).toBe(true);
    const best = found!.suggestions[0]!;
    expect(best).toMatchObject({ kind: 'template', id: 'en/reply-washer-leak', translationKey: 'reply-washer-leak', locale: 'en', fallback: false });
    expect(best.text).toContain('Dear Anna Virtanen,');
    expect(best.text).toContain(`(${w.reference})`);
    expect(best.text).toContain('Agent Aino, Kestrel customer service');
    // The tracking link is made when the reply is sent; until then it stays visible and is listed.
    expect(best.text).toContain('{{complaint.trackingUrl}}');
    expect(best.missing).toEqual(['complaint.trackingUrl']);
  });

  it('sends the inserted answer with a fresh tracking link, counts its use and audits it', async () => {
    const w = await world();
    const c = w.feedback.complaints.get(w.complaintId)!;
    const chosen = w.feedback.handling.answerFor(w.agent, c, 'en/reply-washer-leak')!;
    const sent = w.feedback.handling.act(w.agent, c.id, { action: 'reply', message: chosen.text, answerId: chosen.id, nextStatus: '' });
    expect(sent).toEqual({ ok: true, value: 'reply' });
    const reply = w.feedback.complaints.publicTimeline(c.id).find((e) => e.kind === 'reply')!;
    const link = /https:\/\/help\.example\/track\/([A-Za-z0-9_-]+)/.exec(reply.body ?? '');
    expect(link).not.toBeNull();
    expect(w.feedback.complaints.byToken(link![1])?.id).toBe(c.id);
    expect(w.feedback.handling.answerUses.usage()).toMatchObject([{ answerId: 'en/reply-washer-leak', uses: 1 }]);
    expect(queryAudit(w.db, { action: 'complaint.reply' }).rows[0]?.detail).toEqual({ answer: 'en/reply-washer-leak' });
  });

  it('refuses to send a reply with a placeholder nobody filled, and keeps nothing of it', async () => {
    const w = await world();
    const result = w.feedback.handling.act(w.agent, w.complaintId, { action: 'reply', message: 'Dear {{customer.name}}, we are on it.', answerId: 'en/reply-washer-leak' });
    expect(result).toEqual({ ok: false, status: 400, errors: { message: 'Fill in {{customer.name}} before sending: the customer would see it as written.' } });
    expect(w.feedback.complaints.timeline(w.complaintId).some((e) => e.kind === 'reply')).toBe(false);
    expect(w.feedback.handling.answerUses.usage()).toEqual([]);
  });

  it('says suggestions are unavailable when search fails, and the complaint still opens', async () => {
    const f = setup({ answers: { find: () => Promise.reject(new Error('search is down')), get: () => undefined } });
    const r = f.feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
    expect(await f.feedback.handling.suggestions(agent, String(r.complaint.id))).toMatchObject({ available: false, suggestions: [] });
    expect(f.logs.some((l) => l.includes('search is down'))).toBe(true);
    expect(f.feedback.handling.open(agent, String(r.complaint.id))).toBeDefined();
  });
});

describe('a reply that worked, proposed as a template', () => {
  it('replaces the customer’s details, the reference and the agent’s name with placeholders', async () => {
    const f = setup();
    const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
    const r = f.feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    f.feedback.complaints.reply(r.complaint.id, f.staffId, `Dear Anna Virtanen, about ${r.complaint.reference}: we will mail anna.virtanen@example.com. Agent`);
    const reply = f.feedback.complaints.timeline(r.complaint.id).find((e) => e.kind === 'reply')!;
    const draft = f.feedback.handling.replyDraft(agent, r.complaint.reference, reply.id);
    expect(draft).toMatchObject({ reference: r.complaint.reference, locale: 'en', product: 'aquawash' });
    expect(draft?.reply).toBe('Dear {{customer.name}}, about {{complaint.reference}}: we will mail {{customer.email}}. {{agent.name}}');
    expect(f.feedback.handling.replyDraft(agent, r.complaint.reference, reply.id + 999)).toBeUndefined();
    const product: StaffMember = { ...agent, role: 'product' };
    expect(f.feedback.handling.replyDraft(product, r.complaint.reference, reply.id)).toBeUndefined();
  });
});
