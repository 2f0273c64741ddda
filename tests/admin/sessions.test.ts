import { afterEach, describe, expect, it } from 'vitest';
import { sessionIdFor } from '@admin/auth/session.ts';
import { addUser, world, type World } from './helpers.ts';

const hour = 60 * 60 * 1000;
let w: World;
afterEach(() => w?.close());

describe('sessions', () => {
  it('stores only the SHA-256 of the token and finds the user by the token', async () => {
    w = world({ ttlMs: 10 * hour });
    const user = await addUser(w);
    const { token, session } = w.sessions.create(user.id);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(session.id).toBe(sessionIdFor(token));
    const stored = w.db.prepare('SELECT * FROM sessions').all() as Array<Record<string, unknown>>;
    expect(JSON.stringify(stored)).not.toContain(token);
    const found = w.sessions.validate(token);
    expect(found?.user).toEqual({ id: user.id, email: user.email, name: user.name, role: 'editor' });
    expect(found?.session.csrfToken).toMatch(/^[a-z2-7]{32}$/);
    expect(w.sessions.validate('a'.repeat(32))).toBeNull();
    expect(w.sessions.validate(session.id)).toBeNull();
  });

  it('expires after the idle lifetime and deletes the row', async () => {
    w = world({ ttlMs: 10 * hour });
    const user = await addUser(w);
    const { token } = w.sessions.create(user.id);
    w.clock.advance(10 * hour);
    expect(w.sessions.validate(token)).toBeNull();
    expect(w.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('slides the expiry forward once less than half the lifetime is left', async () => {
    w = world({ ttlMs: 10 * hour });
    const user = await addUser(w);
    const { token, session } = w.sessions.create(user.id);
    w.clock.advance(4 * hour);
    const early = w.sessions.validate(token);
    expect(early?.renewed).toBe(false);
    expect(early?.session.expiresAt).toBe(session.expiresAt);
    w.clock.advance(2 * hour);
    const renewed = w.sessions.validate(token);
    expect(renewed?.renewed).toBe(true);
    expect(renewed?.session.expiresAt).toBe(w.clock.now() + 10 * hour);
    // Still in use 9 hours after the renewal, long after the original expiry.
    w.clock.advance(9 * hour);
    expect(w.sessions.validate(token)).not.toBeNull();
  });

  it('ends one session on sign-out and all of them on a password change, each sign-in getting a new token', async () => {
    w = world();
    const user = await addUser(w);
    const a = w.sessions.create(user.id);
    const b = w.sessions.create(user.id);
    expect(a.token).not.toBe(b.token);
    w.sessions.invalidate(a.session.id);
    expect(w.sessions.validate(a.token)).toBeNull();
    expect(w.sessions.validate(b.token)).not.toBeNull();
    await w.users.setPassword(user.id, 'a brand new long password');
    expect(w.sessions.validate(b.token)).toBeNull();
    expect(w.sessions.countForUser(user.id)).toBe(0);
  });

  it('ends the sessions of a disabled account at once', async () => {
    w = world();
    const admin = await addUser(w, 'admin');
    const user = await addUser(w, 'agent');
    const { token } = w.sessions.create(user.id);
    w.users.setDisabled(user.id, true);
    expect(w.sessions.validate(token)).toBeNull();
    expect(w.sessions.validate(w.sessions.create(admin.id).token)).not.toBeNull();
  });

  it('keeps the last active administrator', async () => {
    w = world();
    const admin = await addUser(w, 'admin');
    expect(() => w.users.setDisabled(admin.id, true)).toThrow(/last active administrator/);
    expect(() => w.users.setRole(admin.id, 'editor')).toThrow(/last active administrator/);
    const second = await addUser(w, 'admin', 'second@example.test');
    w.users.setRole(admin.id, 'editor');
    expect(w.users.get(admin.id)?.role).toBe('editor');
    expect(w.users.get(second.id)?.role).toBe('admin');
  });
});
