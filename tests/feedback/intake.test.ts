import { describe, expect, it } from 'vitest';
import { formatReference, referencePattern } from '@feedback/complaints/reference.ts';
import { hashToken } from '@feedback/complaints/tokens.ts';
import { publicComplaintSchema } from '@feedback/complaints/validation.ts';
import { takeComplaint } from '@feedback/intake/intake.ts';
import { complaintInput, formInput, setup } from './helpers.ts';

describe('intake', () => {
  it('writes the complaint, its timeline and its confirmation mail in one go, and answers with a reference', () => {
    const { feedback, db } = setup();
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.complaint.reference).toBe('C-2026-000001');
    const c = feedback.complaints.get(r.complaint.id)!;
    expect(c).toMatchObject({ status: 'new', channel: 'web', product: 'aquawash', category: 'product-defect', teamId: 'rd-laundry', responseDueAt: '2026-03-02T21:00:00.000Z' });
    expect(feedback.complaints.timeline(c.id).map((e) => e.kind)).toEqual(['created', 'classified', 'routed']);
    const mails = feedback.outbox.list({ complaintId: c.id });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'mail', status: 'pending' });
    expect((mails[0]!.payload as { text: string }).text).toContain(`https://help.example/track/${r.token}`);
    expect(db.prepare('SELECT COUNT(*) FROM complaint_tracking_tokens').pluck().get()).toBe(1);
  });

  it('rolls everything back when any write of the transaction fails', () => {
    const { feedback, db } = setup();
    // Make the outbox insert fail inside the intake transaction.
    db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => feedback.complaints.submit(complaintInput(), { channel: 'web' })).toThrow(/disk full/);
    for (const table of ['complaints', 'complaint_events', 'complaint_tracking_tokens', 'outbox']) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    // The reference counter rolled back too: no gap in the numbers.
    db.exec('DROP TRIGGER fail_outbox');
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    expect(r.ok && r.complaint.reference).toBe('C-2026-000001');
  });

  it('numbers references per year: C-YYYY-NNNNNN', () => {
    const { feedback, clock } = setup({ start: '2026-12-31T23:59:00.000Z' });
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
      if (r.ok) refs.push(r.complaint.reference);
    }
    clock.set('2027-01-01T00:01:00.000Z');
    const next = feedback.complaints.submit(complaintInput(), { channel: 'api' });
    if (next.ok) refs.push(next.complaint.reference);
    expect(refs).toEqual(['C-2026-000001', 'C-2026-000002', 'C-2026-000003', 'C-2027-000001']);
    expect(formatReference(2026, 123)).toBe('C-2026-000123');
    expect(formatReference(2026, 1234567)).toMatch(referencePattern);
  });

  it('one idempotency key makes one complaint; the same key with other content is a conflict', () => {
    const { feedback, db } = setup();
    const input = complaintInput({ idempotencyKey: 'double-click-key-1' });
    const first = feedback.complaints.submit(input, { channel: 'web' });
    const second = feedback.complaints.submit({ ...input }, { channel: 'web' });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.replayed).toBe(true);
    expect(second.complaint.reference).toBe(first.complaint.reference);
    // A fresh link (only hashes are stored, so the first cannot be shown again); both lead to the complaint.
    expect(second.token).not.toBe(first.token);
    expect(feedback.complaints.byToken(first.token)?.id).toBe(first.complaint.id);
    expect(feedback.complaints.byToken(second.token)?.id).toBe(first.complaint.id);
    expect(db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(1);
    expect(feedback.outbox.list({ kind: 'mail' })).toHaveLength(1);
    expect(feedback.complaints.submit({ ...input, subject: 'Something else' }, { channel: 'web' })).toEqual({ ok: false, reason: 'conflict' });
  });

  it('stores only the hash of the tracking token and does not look up malformed ones', () => {
    const { feedback, db } = setup();
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{27}$/);
    const stored = db.prepare('SELECT token_hash FROM complaint_tracking_tokens').pluck().all() as string[];
    expect(stored).toEqual([hashToken(r.token)]);
    const dump = JSON.stringify(db.prepare('SELECT * FROM complaints').all());
    expect(dump).not.toContain(r.token);
    expect(feedback.complaints.byToken(r.token)?.reference).toBe(r.complaint.reference);
    expect(feedback.complaints.byToken(`${r.token.slice(0, -1)}x`)).toBeUndefined();
    expect(feedback.complaints.byToken("' OR 1=1 --")).toBeUndefined();
    expect(feedback.complaints.byToken(undefined)).toBeUndefined();
  });

  it('keeps HTML as text', () => {
    const { feedback } = setup();
    const subject = '<img src=x onerror=alert(1)> broken';
    const r = feedback.complaints.submit(complaintInput({ subject }), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(feedback.complaints.get(r.complaint.id)!.subject).toBe(subject);
  });

  it('saves the complaint when the classifier fails, and classifies it later from the outbox', async () => {
    const { feedback, logs, clock } = setup();
    const original = feedback.classification.classify.bind(feedback.classification);
    feedback.classification.classify = () => {
      throw new Error('model file corrupt');
    };
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const saved = feedback.complaints.get(r.complaint.id)!;
    expect(saved).toMatchObject({ category: null, teamId: 'service-centre', classification: { source: 'none', error: 'model file corrupt' } });
    expect(feedback.outbox.list({ kind: 'classify' })).toHaveLength(1);

    await feedback.outbox.process();
    expect(feedback.outbox.list({ kind: 'classify' })[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'model file corrupt' });
    expect(logs.some((l) => l.includes('classify failed (attempt 1)'))).toBe(true);

    feedback.classification.classify = original;
    clock.advance(61_000); // past the first backoff of one minute
    await feedback.outbox.process();
    expect(feedback.outbox.list({ kind: 'classify' })[0]).toMatchObject({ status: 'done' });
    expect(feedback.complaints.get(r.complaint.id)).toMatchObject({ category: 'product-defect', teamId: 'rd-laundry' });
  });

  it('finds the product in the text when the customer was not sure', () => {
    const { feedback } = setup();
    const r = feedback.complaints.submit(complaintInput({ product: 'other', description: 'The SweepBot robot got stuck and now shows a red light.' }), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(feedback.complaints.get(r.complaint.id)!.product).toBe('sweepbot');
  });
});

describe('takeComplaint (the form and API path)', () => {
  const raw = formInput;

  it('names every problem with its limit', async () => {
    const { feedback } = setup();
    const out = await takeComplaint(feedback, raw({ subject: 'x'.repeat(201), description: 'short', email: 'nope', consent: undefined, phone: 'call me' }), { channel: 'web', clientAddress: '1.1.1.1' });
    expect(out).toEqual({
      status: 'invalid',
      problems: [
        { field: 'subject', code: 'too-long', limit: 200 },
        { field: 'description', code: 'too-short', limit: 10 },
        { field: 'email', code: 'invalid' },
        { field: 'phone', code: 'invalid' },
        { field: 'consent', code: 'consent' },
      ],
    });
  });

  it('rejects a filled honeypot before anything else', async () => {
    const { feedback } = setup();
    expect(await takeComplaint(feedback, raw({ website: 'http://spam.example' }), { channel: 'web', clientAddress: '1.1.1.1' })).toEqual({ status: 'honeypot' });
    expect(feedback.complaints.store.count()).toBe(0);
  });

  it('limits each address to 5 complaints a minute; replays do not count', async () => {
    const { feedback } = setup();
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) outcomes.push((await takeComplaint(feedback, raw({ subject: `Leak ${i}`, idempotencyKey: `rate-key-${i}` }), { channel: 'api', clientAddress: '2.2.2.2' })).status);
    expect(outcomes).toEqual(['created', 'created', 'created', 'created', 'created', 'rate-limited']);
    const replay = await takeComplaint(feedback, raw({ subject: 'Leak 0', idempotencyKey: 'rate-key-0' }), { channel: 'api', clientAddress: '2.2.2.2' });
    expect(replay.status).toBe('replayed');
    expect((await takeComplaint(feedback, raw(), { channel: 'api', clientAddress: '3.3.3.3' })).status).toBe('created');
  });
});

describe('validation limits', () => {
  it('accepts exactly the limits and refuses one more', () => {
    const base = { locale: 'en', product: 'other', subject: 'abc', description: 'x'.repeat(10), email: `${'a'.repeat(242)}@example.com`, consent: true };
    expect(publicComplaintSchema.safeParse(base).success).toBe(true);
    expect(publicComplaintSchema.safeParse({ ...base, subject: 'x'.repeat(200), description: 'y'.repeat(5000), name: 'n'.repeat(100), orderNumber: 'A'.repeat(64) }).success).toBe(true);
    for (const [field, value] of [['subject', 'x'.repeat(201)], ['description', 'y'.repeat(5001)], ['name', 'n'.repeat(101)], ['orderNumber', 'A'.repeat(65)], ['email', `${'a'.repeat(243)}@example.com`]] as const) {
      expect(publicComplaintSchema.safeParse({ ...base, [field]: value }).success, field).toBe(false);
    }
    expect(publicComplaintSchema.safeParse({ ...base, locale: 'de' }).success).toBe(false);
    expect(publicComplaintSchema.safeParse({ ...base, product: 'toaster' }).success).toBe(false);
    expect(publicComplaintSchema.safeParse({ ...base, consent: false }).success).toBe(false);
    expect(publicComplaintSchema.safeParse({ ...base, birthDate: '1970-01-01' }).data).not.toHaveProperty('birthDate');
  });
});
