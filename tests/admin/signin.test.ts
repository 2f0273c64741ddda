import { afterEach, describe, expect, it } from 'vitest';
import { invalidCredentialsMessage, signIn, throttledMessage } from '@admin/auth/signin.ts';
import { accountPolicy, addressPolicy, delayFor, pairPolicy } from '@admin/auth/throttle.ts';
import { queryAudit } from '@core/staff/audit.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());
const password = 'correct horse battery staple';

describe('sign-in', () => {
  it('signs in with the right password, case-insensitive email, and records it', async () => {
    w = world();
    const user = await addUser(w, 'editor', 'Eddie@Example.test', password);
    const result = await signIn(w, { email: '  EDDIE@example.TEST ', password, address: '10.0.0.1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.id).toBe(user.id);
    expect(w.sessions.validate(result.token)?.user.id).toBe(user.id);
    expect(queryAudit(w.db, { action: 'auth.signin' }).total).toBe(1);
  });

  it('gives the same answer for a wrong password, an unknown account and a disabled one', async () => {
    w = world();
    await addUser(w, 'admin', 'admin@example.test');
    const agent = await addUser(w, 'agent', 'agent@example.test', password);
    w.users.setDisabled(agent.id, true);
    const wrong = await signIn(w, { email: 'admin@example.test', password: 'nope nope nope', address: '10.0.0.1' });
    const unknown = await signIn(w, { email: 'ghost@example.test', password: 'nope nope nope', address: '10.0.0.2' });
    const disabled = await signIn(w, { email: 'agent@example.test', password, address: '10.0.0.3' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect(disabled).toEqual(wrong);
    expect(invalidCredentialsMessage).not.toMatch(/exist|unknown|disabled/i);
  });

  it('throttles guessing one account from one address after five failures, with growing delays, whether or not it exists', async () => {
    w = world();
    await addUser(w, 'editor', 'real@example.test', password);
    for (const email of ['real@example.test', 'ghost@example.test']) {
      for (let i = 0; i < pairPolicy.free - 1; i++) {
        expect(await signIn(w, { email, password: 'wrong password!', address: '10.1.0.1' })).toMatchObject({ reason: 'invalid' });
      }
      // The fifth failure starts the delay; now even the right password waits, from that address.
      expect(await signIn(w, { email, password: 'wrong password!', address: '10.1.0.1' })).toMatchObject({ reason: 'invalid' });
      expect(await signIn(w, { email, password, address: '10.1.0.1' })).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: 30 });
    }
    // After the delay, another failure doubles it.
    w.clock.advance(30_000);
    await signIn(w, { email: 'real@example.test', password: 'wrong again!!', address: '10.1.0.1' });
    expect(await signIn(w, { email: 'real@example.test', password, address: '10.1.0.1' })).toMatchObject({ reason: 'throttled', retryAfterSeconds: 60 });
    w.clock.advance(60_000);
    expect((await signIn(w, { email: 'real@example.test', password, address: '10.1.0.1' })).ok).toBe(true);
    // Success clears the counter.
    expect(await signIn(w, { email: 'real@example.test', password: 'wrong once more', address: '10.1.0.1' })).toMatchObject({ reason: 'invalid' });
    expect((await signIn(w, { email: 'real@example.test', password, address: '10.1.0.1' })).ok).toBe(true);
  });

  it('does not let a stranger lock a colleague out, from one address or from many', async () => {
    w = world();
    await addUser(w, 'editor', 'colleague@example.test', password);
    expect((await signIn(w, { email: 'colleague@example.test', password, address: '192.0.2.10' })).ok).toBe(true);
    // Six wrong passwords from the stranger's address lock that address only.
    for (let i = 0; i < 6; i++) await signIn(w, { email: 'colleague@example.test', password: 'a wrong guess', address: '203.0.113.66' });
    expect(await signIn(w, { email: 'colleague@example.test', password, address: '203.0.113.66' })).toMatchObject({ reason: 'throttled' });
    expect((await signIn(w, { email: 'colleague@example.test', password, address: '192.0.2.10' })).ok).toBe(true);
    expect((await signIn(w, { email: 'colleague@example.test', password, address: '198.51.100.7' })).ok).toBe(true);
    // Guessing from many addresses trips the account-wide limit for addresses the account never used,
    // while the colleague's own address still signs in.
    for (let i = 0; i < accountPolicy.free; i++) await signIn(w, { email: 'colleague@example.test', password: 'a wrong guess', address: `10.66.${i >> 8}.${i & 255}` });
    expect(await signIn(w, { email: 'colleague@example.test', password, address: '10.77.0.1' })).toMatchObject({ reason: 'throttled', retryAfterSeconds: 60 });
    expect((await signIn(w, { email: 'colleague@example.test', password, address: '192.0.2.10' })).ok).toBe(true);
  });

  it('throttles one address guessing many accounts', async () => {
    w = world();
    await addUser(w, 'editor', 'real@example.test', password);
    for (let i = 0; i < addressPolicy.free; i++) await signIn(w, { email: `user${i}@example.test`, password: 'guess guess', address: '203.0.113.9' });
    expect(await signIn(w, { email: 'real@example.test', password, address: '203.0.113.9' })).toMatchObject({ reason: 'throttled' });
    expect((await signIn(w, { email: 'real@example.test', password, address: '198.51.100.1' })).ok).toBe(true);
  });

  it('caps the delay and words the wait for people', () => {
    expect(delayFor(4, pairPolicy)).toBe(0);
    expect(delayFor(5, pairPolicy)).toBe(30_000);
    expect(delayFor(6, pairPolicy)).toBe(60_000);
    expect(delayFor(50, pairPolicy)).toBe(pairPolicy.maxDelayMs);
    expect(throttledMessage(30)).toContain('30 seconds');
    expect(throttledMessage(61)).toContain('2 minutes');
  });
});
