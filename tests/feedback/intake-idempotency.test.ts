import { describe, expect, it, vi } from 'vitest';
import { takeComplaint } from '@feedback/intake/intake.ts';
import { formInput, setup } from './helpers.ts';

const raw = (idempotencyKey: string) => formInput({ idempotencyKey });

describe('intake with an idempotency key', () => {
  it('looks the key up once per request, and the same key twice makes one complaint', async () => {
    const { feedback, db } = setup();
    const lookups = vi.spyOn(feedback.complaints.store, 'findByIdempotency');
    const first = await takeComplaint(feedback, raw('one-key-1'), { channel: 'api', clientAddress: '1.1.1.1' });
    expect(lookups).toHaveBeenCalledTimes(1);
    const second = await takeComplaint(feedback, raw('one-key-1'), { channel: 'api', clientAddress: '1.1.1.1' });
    expect(lookups).toHaveBeenCalledTimes(2);
    expect(first.status).toBe('created');
    expect(second.status).toBe('replayed');
    if (first.status !== 'created' || second.status !== 'replayed') return;
    expect(second.reference).toBe(first.reference);
    expect(db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(1);
    expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'mail'").pluck().get()).toBe(1);
  });

  it('two requests with one key at the same time still make one complaint, the later one answered as a replay', async () => {
    const { feedback, db } = setup();
    // Both pass the key lookup before either writes: the limiter answers asynchronously in between.
    const outcomes = await Promise.all([
      takeComplaint(feedback, raw('raced-key'), { channel: 'api', clientAddress: '1.1.1.1' }),
      takeComplaint(feedback, raw('raced-key'), { channel: 'api', clientAddress: '1.1.1.2' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'replayed']);
    expect(db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(1);
    expect(new Set(outcomes.map((o) => ('reference' in o ? o.reference : undefined))).size).toBe(1);
  });

  it('the same key with other content is a conflict and writes nothing', async () => {
    const { feedback, db } = setup();
    await takeComplaint(feedback, raw('conflict-key'), { channel: 'api', clientAddress: '1.1.1.1' });
    const other = await takeComplaint(feedback, { ...raw('conflict-key'), subject: 'Something else' }, { channel: 'api', clientAddress: '1.1.1.1' });
    expect(other).toEqual({ status: 'conflict' });
    expect(db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(1);
  });
});
