import { describe, expect, it } from 'vitest';
import { canMove } from '@feedback/complaints/model.ts';
import { complaintInput, setup } from './helpers.ts';

describe('staff handling and the customer side', () => {
  it('replies reach the tracking page and the customer’s mail; notes stay internal', async () => {
    const { feedback, staffId, mailer } = setup();
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    const id = r.complaint.id;
    feedback.complaints.note(id, staffId, 'Known seal batch, see ticket 77.');
    feedback.complaints.reply(id, staffId, 'A technician will call you tomorrow.', 'waiting-for-customer');
    const c = feedback.complaints.get(id)!;
    expect(c).toMatchObject({ status: 'waiting-for-customer', responseDueAt: null, firstResponseAt: '2026-03-02T09:00:00.000Z' });
    const publicKinds = feedback.complaints.publicTimeline(id).map((e) => e.kind);
    expect(publicKinds).toEqual(['created', 'reply', 'status']);
    expect(feedback.complaints.publicTimeline(id).some((e) => e.body?.includes('seal batch'))).toBe(false);
    await feedback.outbox.process();
    const replyMail = mailer.sent.find((m) => m.subject.includes('New reply'));
    expect(replyMail?.to).toBe('anna.virtanen@example.com');
    expect(replyMail?.text).toContain('A technician will call you tomorrow.');
    // The mail carries a working tracking link of its own.
    const link = /\/track\/([A-Za-z0-9_-]+)/.exec(replyMail!.text)![1]!;
    expect(feedback.complaints.byToken(link)?.id).toBe(id);
  });

  it('a customer reply reopens a resolved complaint and sets a new response deadline', () => {
    const { feedback, staffId, clock } = setup();
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    const id = r.complaint.id;
    feedback.complaints.reply(id, staffId, 'Fixed by the update.', 'resolved');
    expect(feedback.complaints.get(id)).toMatchObject({ status: 'resolved', resolvedAt: '2026-03-02T09:00:00.000Z' });
    clock.advanceHours(30);
    feedback.complaints.customerReply(feedback.complaints.byToken(r.token)!, 'It leaks again.');
    const c = feedback.complaints.get(id)!;
    expect(c).toMatchObject({ status: 'in-progress', resolvedAt: null, responseDueAt: '2026-03-04T03:00:00.000Z' });
    expect(feedback.complaints.timeline(id).at(-1)).toMatchObject({ kind: 'status', actor: 'customer', data: { from: 'resolved', to: 'in-progress', reopened: true } });
  });

  it('follows the status flow and refuses jumps it does not allow', () => {
    const { feedback, staffId } = setup();
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    const id = r.complaint.id;
    for (const s of ['triaged', 'in-progress', 'waiting-for-customer', 'resolved', 'closed'] as const) {
      feedback.complaints.setStatus(id, staffId, s);
      expect(feedback.complaints.get(id)!.status).toBe(s);
    }
    expect(() => feedback.complaints.setStatus(id, staffId, 'triaged')).toThrow(/cannot move/);
    expect(canMove('closed', 'in-progress')).toBe(true);
    expect(canMove('new', 'closed')).toBe(true);
    expect(canMove('resolved', 'new')).toBe(false);
  });

  it('assignment triages a new complaint; re-routing keeps its reason', () => {
    const { feedback, staffId } = setup();
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    const id = r.complaint.id;
    feedback.complaints.assign(id, staffId, staffId);
    expect(feedback.complaints.get(id)).toMatchObject({ assigneeId: staffId, status: 'triaged' });
    expect(() => feedback.complaints.reroute(id, staffId, 'finance', '  ')).toThrow(/why/);
    expect(() => feedback.complaints.reroute(id, staffId, 'no-such-team', 'x')).toThrow(/team/);
    feedback.complaints.reroute(id, staffId, 'finance', 'The customer asks for a refund, not a repair.');
    expect(feedback.complaints.get(id)!.teamId).toBe('finance');
    expect(feedback.complaints.timeline(id).at(-1)).toMatchObject({ kind: 'rerouted', body: 'The customer asks for a refund, not a repair.', data: { from: 'rd-laundry', to: 'finance' } });
  });

  it('staff record phone, letter and in-person complaints with the channel kept, email optional', () => {
    const { feedback, staffId } = setup();
    const r = feedback.complaints.submit(
      { locale: 'el', channel: 'phone', product: 'pureair', subject: 'Θόρυβος', description: 'Ο καθαριστής αέρα κάνει δυνατό θόρυβο από χθες.' },
      { channel: 'phone', recordedBy: staffId },
    );
    if (!r.ok) throw new Error('not saved');
    const c = feedback.complaints.get(r.complaint.id)!;
    expect(c).toMatchObject({ channel: 'phone', recordedBy: staffId, email: null, locale: 'el' });
    expect(feedback.outbox.list({ kind: 'mail' })).toHaveLength(0);
    expect(feedback.complaints.list({ channel: 'phone' }).total).toBe(1);
    expect(feedback.complaints.list({ channel: 'web' }).total).toBe(0);
  });

  it('reclassifying teaches the classifier, moves deadlines and applies routing again', () => {
    const { feedback, staffId, db } = setup();
    const text = { subject: 'Coffee machine', description: 'The BrewMaster leaks water under the drip tray and I want my money back.' };
    const r = feedback.complaints.submit(complaintInput({ product: 'brewmaster', ...text }), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(feedback.complaints.get(r.complaint.id)!.category).not.toBe('billing-payment');
    feedback.complaints.reclassify(r.complaint.id, staffId, { category: 'billing-payment', severity: 'high', applyRouting: true });
    const c = feedback.complaints.get(r.complaint.id)!;
    expect(c).toMatchObject({ category: 'billing-payment', severity: 'high', teamId: 'finance', responseDueAt: '2026-03-02T15:00:00.000Z', classification: { source: 'staff' } });
    expect(db.prepare("SELECT label FROM classifier_examples WHERE source = 'correction'").pluck().all()).toEqual(['billing-payment']);
    // The live model learnt it: the same text now comes out as billing.
    expect(feedback.classification.classify(`${text.subject}\n${text.description}`, 'en').category).toBe('billing-payment');
  });
});

describe('inbox filters', () => {
  it('filters by status, team, category, product, channel and overdue', () => {
    const { feedback, staffId, clock } = setup();
    const a = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    const b = feedback.complaints.submit(complaintInput({ product: 'other', subject: 'Charged twice', description: 'I was charged twice for the same order last week.' }), { channel: 'api' });
    if (!a.ok || !b.ok) throw new Error('not saved');
    feedback.complaints.setStatus(a.complaint.id, staffId, 'in-progress');
    const refs = (q: Parameters<typeof feedback.complaints.list>[0]) => feedback.complaints.list(q).rows.map((c) => c.reference);
    expect(refs({ status: 'in-progress' })).toEqual([a.complaint.reference]);
    expect(refs({ teamId: 'finance' })).toEqual([b.complaint.reference]);
    expect(refs({ category: 'billing-payment' })).toEqual([b.complaint.reference]);
    expect(refs({ product: 'aquawash' })).toEqual([a.complaint.reference]);
    expect(refs({ product: 'other' })).toEqual([b.complaint.reference]);
    expect(refs({ channel: 'api' })).toEqual([b.complaint.reference]);
    expect(refs({ q: b.complaint.reference })).toEqual([b.complaint.reference]);
    expect(refs({ q: 'charged' })).toEqual([b.complaint.reference]);
    expect(refs({ overdue: true })).toEqual([]);
    clock.advanceHours(13);
    expect(refs({ overdue: true }).sort()).toEqual([a.complaint.reference, b.complaint.reference].sort());
    expect(refs({ teamScope: ['rd-laundry'] })).toEqual([a.complaint.reference]);
    expect(refs({ teamScope: [] })).toEqual([]);
  });
});

describe('retention', () => {
  it('removes the contact details of complaints closed longer ago than the retention period, keeping the rest', async () => {
    const { feedback, staffId, clock } = setup({ retentionDays: 365 });
    const old = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    const open = feedback.complaints.submit(complaintInput({ subject: 'Still open' }), { channel: 'web' });
    if (!old.ok || !open.ok) throw new Error('not saved');
    feedback.complaints.setStatus(old.complaint.id, staffId, 'closed');
    clock.advanceHours(24 * 364);
    expect((await feedback.tick()).anonymized).toBe(0);
    clock.advanceHours(48);
    expect((await feedback.tick()).anonymized).toBe(1);
    expect(feedback.complaints.get(old.complaint.id)).toMatchObject({ email: null, name: null, phone: null, subject: 'Washing machine leaks', category: 'product-defect' });
    expect(feedback.complaints.get(open.complaint.id)!.email).toBe('anna.virtanen@example.com');
  });
});
