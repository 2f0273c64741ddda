import { afterEach, describe, expect, it } from 'vitest';
import { AccountCommands } from '@admin/auth/account.ts';
import { verifyPassword } from '@admin/auth/password.ts';
import { UserCommands } from '@admin/users/commands.ts';
import { queryAudit } from '@core/staff/audit.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());

async function setup() {
  w = world({ content: false });
  const admin = await addUser(w, 'admin');
  const editor = await addUser(w, 'editor');
  const commands = new UserCommands({ db: w.db, users: w.users });
  const account = new AccountCommands({ db: w.db, users: w.users, sessions: w.sessions, throttle: w.throttle });
  const audit = () => queryAudit(w.db, { objectType: 'user' }).rows.filter((r) => r.action !== 'auth.signin');
  return { admin, editor, commands, account, audit };
}

describe('what administrators do to accounts', () => {
  it('creates an account with its audit entry, and hands a generated password over once', async () => {
    const { admin, commands, audit } = await setup();
    const r = await commands.create(admin, { email: 'New.Person@Example.test', name: 'New Person', role: 'agent', passwordMode: 'generate' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.user).toMatchObject({ email: 'new.person@example.test', role: 'agent' });
    expect(await verifyPassword(w.users.passwordHash(r.value.user.id)!, r.value.password!)).toBe(true);
    expect(audit()).toMatchObject([{ action: 'user.create', actorId: admin.id, objectId: String(r.value.user.id), detail: { email: 'new.person@example.test', role: 'agent' } }]);
  });

  it('changes role and name (an entry each), disables, enables and resets passwords, each audited', async () => {
    const { admin, editor, commands, audit } = await setup();
    expect(await commands.act(admin, editor.id, { intent: 'update', name: 'Eddie', role: 'agent' })).toEqual({ ok: true, value: { done: 'updated' } });
    expect(w.users.get(editor.id)).toMatchObject({ name: 'Eddie', role: 'agent' });
    const session = w.sessions.create(editor.id);
    expect(await commands.act(admin, editor.id, { intent: 'disable' })).toEqual({ ok: true, value: { done: 'disabled' } });
    expect(w.sessions.validate(session.token)).toBeNull();
    expect(await commands.act(admin, editor.id, { intent: 'enable' })).toEqual({ ok: true, value: { done: 'enabled' } });
    const reset = await commands.act(admin, editor.id, { intent: 'reset-password', passwordMode: 'set', password: 'a brand new long password' });
    expect(reset).toEqual({ ok: true, value: { message: 'The password was changed. The user was signed out everywhere.' } });
    expect(await verifyPassword(w.users.passwordHash(editor.id)!, 'a brand new long password')).toBe(true);
    expect(audit().map((e) => e.action).sort()).toEqual(['user.disable', 'user.enable', 'user.password-reset', 'user.rename', 'user.role'].sort());
  });

  it('refusals change nothing and leave no audit entry', async () => {
    const { admin, editor, commands, audit } = await setup();
    const before = w.users.list().users;
    const cases: Array<[Promise<unknown> | unknown, Record<string, unknown>]> = [
      [commands.create(admin, { email: 'not an email', role: 'agent' }), { ok: false, status: 400, errors: { email: 'must be an email address like name@example.com' } }],
      [commands.create(admin, { email: editor.email, role: 'agent' }), { ok: false, status: 400, errors: { email: 'an account with this email already exists' } }],
      [commands.act(admin, admin.id, { intent: 'update', name: 'Admin', role: 'editor' }), { ok: false, status: 400, errors: { role: 'you cannot change your own role; ask another administrator' } }],
      [commands.act(admin, admin.id, { intent: 'disable' }), { ok: false, status: 400, errors: { disabled: 'you cannot disable your own account' } }],
      [commands.act(admin, editor.id, { intent: 'reset-password', passwordMode: 'set', password: 'short' }), { ok: false, status: 400 }],
      [commands.act(admin, editor.id, { intent: 'explode' }), { ok: false, status: 400, errors: { form: 'Unknown action; reload the page and try again.' } }],
      [commands.act(admin, 999, { intent: 'disable' }), { ok: false, status: 404 }],
      [commands.act(editor, admin.id, { intent: 'disable' }), { ok: false, status: 403 }],
      [commands.create(editor, { email: 'x@example.test', role: 'admin' }), { ok: false, status: 403 }],
    ];
    for (const [result, expected] of cases) expect(await result).toMatchObject(expected);
    expect(w.users.list().users).toEqual(before);
    expect(audit()).toEqual([]);
  });

  it('refuses a demotion by someone who is no longer an administrator, and one of oneself, without a trace', async () => {
    const { admin, editor, commands, audit } = await setup();
    w.users.setRole(editor.id, 'admin');
    expect((await commands.act({ ...editor, role: 'admin' }, admin.id, { intent: 'update', name: admin.name, role: 'agent' })).ok).toBe(true);
    const refused = await commands.act({ ...admin, role: 'agent' }, editor.id, { intent: 'update', name: 'Changed name', role: 'agent' });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    const last = await commands.act({ ...editor, role: 'admin' }, editor.id, { intent: 'update', name: 'Changed name', role: 'agent' });
    expect(last).toMatchObject({ ok: false, status: 400, errors: { role: 'you cannot change your own role; ask another administrator' } });
    expect(w.users.get(editor.id)).toMatchObject({ role: 'admin', name: 'editor' });
    expect(audit().map((e) => e.action)).toEqual(['user.role']);
  });
});

describe('what everyone does to their own account', () => {
  it('changes the password after the current one, with a fresh session and its audit entry', async () => {
    const { editor, account, audit } = await setup();
    const other = w.sessions.create(editor.id);
    const wrong = await account.changePassword(editor, { current: 'not it at all', password: 'another long password', confirm: 'another long password' }, '10.0.0.1');
    expect(wrong).toEqual({ ok: false, status: 400, errors: { current: 'is not your current password' } });
    expect(audit()).toEqual([]);
    const changed = await account.changePassword(editor, { current: 'correct horse battery staple', password: 'another long password', confirm: 'another long password' }, '10.0.0.1');
    if (!changed.ok) throw new Error(JSON.stringify(changed.errors));
    expect(w.sessions.validate(other.token)).toBeNull();
    expect(w.sessions.validate(changed.value.token)?.user.id).toBe(editor.id);
    expect(audit().map((e) => e.action)).toEqual(['auth.password-change']);
  });

  it('signs out with an audit entry', async () => {
    const { editor, account } = await setup();
    const { token, session } = w.sessions.create(editor.id);
    account.signOut(editor, session.id);
    expect(w.sessions.validate(token)).toBeNull();
    expect(queryAudit(w.db, { action: 'auth.signout' }).rows).toMatchObject([{ actorId: editor.id }]);
  });
});
