import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryAudit, recordAudit } from '@core/staff/audit.ts';
import { signIn } from '@admin/auth/signin.ts';
import { ensureDemoAccounts } from '@admin/users/demo.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
let logged: string[];
beforeEach(() => {
  logged = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  w?.close();
});

describe('secrets stay secret', () => {
  it('never logs or audits passwords, hashes or session tokens', async () => {
    w = world();
    const password = 'a very secret password 123';
    const user = await addUser(w, 'admin', 'admin@example.test', password);
    const hash = w.users.passwordHash(user.id)!;
    expect(hash).toMatch(/^\$argon2id\$/);
    await signIn(w, { email: 'admin@example.test', password: 'wrong wrong wrong', address: '1.2.3.4' });
    const ok = await signIn(w, { email: 'admin@example.test', password, address: '1.2.3.4' });
    if (!ok.ok) throw new Error('sign-in failed');
    await ensureDemoAccounts(w.db, w.users, 'development');
    recordAudit(w.db, { actorId: user.id, action: 'test.secret', objectType: 'user', objectId: user.id, detail: { password, passwordHash: hash, token: ok.token, sessionCookie: ok.token, kept: 'yes' } });
    const audit = JSON.stringify(queryAudit(w.db, {}).rows);
    const everything = logged.join('\n') + audit;
    for (const secret of [password, 'wrong wrong wrong', hash, ok.token, ok.session.csrfToken, '$argon2']) expect(everything).not.toContain(secret);
    expect(audit).toContain('"kept":"yes"');
  });

  it('keeps hashes out of what pages get about users', async () => {
    w = world();
    await addUser(w, 'admin');
    const listed = JSON.stringify(w.users.list().users);
    const single = JSON.stringify(w.users.get(1));
    for (const s of [listed, single]) {
      expect(s).not.toContain('argon2');
      expect(s).not.toMatch(/hash/i);
    }
  });

  it('does not create demo accounts in production or when users exist', async () => {
    w = world();
    expect(await ensureDemoAccounts(w.db, w.users, 'production')).toBe(0);
    expect(w.users.count()).toBe(0);
    expect(await ensureDemoAccounts(w.db, w.users, 'development')).toBe(5);
    expect(await ensureDemoAccounts(w.db, w.users, 'development')).toBe(0);
    expect(w.users.list().users.map((u) => u.role).sort()).toEqual(['admin', 'agent', 'editor', 'product', 'trainee']);
  });
});
