import type { APIContext } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminServices } from '@admin/admin.ts';
import { csrfCookieName, sessionCookieName } from '@admin/auth/cookies.ts';
import { needsCsrf, providedCsrfToken, tokensMatch } from '@admin/auth/csrf.ts';
import { authenticate } from '@admin/auth/request.ts';
import { addUser, world, type World } from './helpers.ts';

let w: World;
afterEach(() => w?.close());

function fakeContext(url: string, init: RequestInit & { cookies?: Record<string, string> } = {}) {
  const jar = new Map(Object.entries(init.cookies ?? {}));
  const set: Array<{ name: string; value: string; options: unknown }> = [];
  const cookies = {
    get: (name: string) => (jar.has(name) ? { value: jar.get(name) as string } : undefined),
    set: (name: string, value: string, options: unknown) => {
      jar.set(name, value);
      set.push({ name, value, options });
    },
  };
  const request = new Request(url, init);
  const context = { cookies, locals: { viewer: { kind: 'public' } } as unknown as App.Locals, url: new URL(url), request };
  return { context: context as unknown as APIContext, set };
}

function services(w: World): AdminServices {
  return { sessions: w.sessions, cookiePolicy: { secure: false } } as unknown as AdminServices;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('CSRF protection and the staff-area gate', () => {
  it('knows which requests need a token', () => {
    expect(needsCsrf('POST', '/admin/users')).toBe(true);
    expect(needsCsrf('DELETE', '/api/admin/anything')).toBe(true);
    expect(needsCsrf('GET', '/admin/users')).toBe(false);
    expect(needsCsrf('POST', '/api/search')).toBe(false);
    expect(needsCsrf('POST', '/administrator')).toBe(false);
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('abc', null)).toBe(false);
    expect(tokensMatch(undefined, undefined)).toBe(false);
  });

  it('reads the token from the header or the form without using up the body', async () => {
    const request = new Request('http://x/admin/users', form({ _csrf: 'tok', name: 'n' }));
    expect(await providedCsrfToken(request)).toBe('tok');
    expect((await request.formData()).get('name')).toBe('n');
    expect(await providedCsrfToken(new Request('http://x/api/admin/p', { method: 'POST', headers: { 'x-csrf-token': 'h' }, body: '{}' }))).toBe('h');
    expect(await providedCsrfToken(new Request('http://x/api/admin/p', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"_csrf":"j"}' }))).toBeNull();
  });

  it('rejects a signed-in form post without the session token, or with another session token', async () => {
    w = world();
    const user = await addUser(w);
    const mine = w.sessions.create(user.id);
    const other = w.sessions.create(user.id);
    for (const fields of [{}, { _csrf: other.session.csrfToken }, { _csrf: '' }] as Array<Record<string, string>>) {
      const { context } = fakeContext('http://localhost/admin/articles', { ...form(fields), cookies: { [sessionCookieName]: mine.token } });
      const response = await authenticate(context, services(w));
      expect(response?.status).toBe(403);
      expect(await response?.text()).toContain('security token');
    }
    const ok = fakeContext('http://localhost/admin/articles', { ...form({ _csrf: mine.session.csrfToken }), cookies: { [sessionCookieName]: mine.token } });
    expect(await authenticate(ok.context, services(w))).toBeUndefined();
    expect(ok.context.locals.staff?.id).toBe(user.id);
    expect(ok.context.locals.viewer).toEqual({ kind: 'staff' });
    const api = fakeContext('http://localhost/api/admin/preview', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'nope' }, body: '{}', cookies: { [sessionCookieName]: mine.token } });
    const rejected = await authenticate(api.context, services(w));
    expect(rejected?.status).toBe(403);
    expect(rejected?.headers.get('content-type')).toContain('application/json');
  });

  it('binds the anonymous token to a cookie for the sign-in form', async () => {
    w = world();
    const first = fakeContext('http://localhost/admin/signin');
    await authenticate(first.context, services(w));
    const token = first.context.locals.csrfToken;
    expect(first.set.find((c) => c.name === csrfCookieName)?.value).toBe(token);
    const post = fakeContext('http://localhost/admin/signin', { ...form({ _csrf: token }), cookies: { [csrfCookieName]: token } });
    expect(await authenticate(post.context, services(w))).toBeUndefined();
    const forged = fakeContext('http://localhost/admin/signin', { ...form({ _csrf: token }), cookies: { [csrfCookieName]: 'b'.repeat(32) } });
    expect((await authenticate(forged.context, services(w)))?.status).toBe(403);
  });

  it('leaves public pages without cookies unless a page reads the token', async () => {
    w = world();
    const page = fakeContext('http://localhost/en/');
    expect(await authenticate(page.context, services(w))).toBeUndefined();
    expect(page.set).toEqual([]);
    const token = page.context.locals.csrfToken;
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(page.set.map((c) => c.name)).toEqual([csrfCookieName]);
  });

  it('sends anonymous visitors to sign-in and answers 401 to the staff API', async () => {
    w = world();
    const page = fakeContext('http://localhost/admin/articles?status=draft');
    const response = await authenticate(page.context, services(w));
    expect(response?.status).toBe(302);
    expect(response?.headers.get('location')).toBe('/admin/signin?next=%2Fadmin%2Farticles%3Fstatus%3Ddraft');
    const api = fakeContext('http://localhost/api/admin/preview');
    expect((await authenticate(api.context, services(w)))?.status).toBe(401);
    const stale = fakeContext('http://localhost/admin', { cookies: { [sessionCookieName]: 'c'.repeat(32) } });
    expect((await authenticate(stale.context, services(w)))?.status).toBe(302);
    expect(stale.set.find((c) => c.name === sessionCookieName)?.value).toBe('');
  });

  it('refuses oversized staff bodies with 413 before reading them', async () => {
    w = world();
    const big = 'x'.repeat(3 * 1024 * 1024 + 10);
    const { context } = fakeContext('http://localhost/admin/articles/new', form({ body: big }));
    expect((await authenticate(context, services(w)))?.status).toBe(413);
  });

  it('checks the path table: 403 without the permission (JSON for the API), through when allowed', async () => {
    w = world();
    const editor = await addUser(w, 'editor');
    const { token } = w.sessions.create(editor.id);
    const as = (url: string) => fakeContext(url, { cookies: { [sessionCookieName]: token } });
    const page = as('http://localhost/admin/users?x=1');
    expect((await authenticate(page.context, services(w)))?.status).toBe(403);
    const allowed = as('http://localhost/admin/articles');
    expect(await authenticate(allowed.context, services(w))).toBeUndefined();
    expect(allowed.context.locals.member.id).toBe(editor.id);
    expect(allowed.context.locals.permissions.has('articles:edit')).toBe(true);
    const api = await authenticate(as('http://localhost/api/admin/users').context, services(w));
    expect(api?.status).toBe(404);
    const anonymous = await authenticate(fakeContext('http://localhost/admin/users?x=1').context, services(w));
    expect(anonymous?.status).toBe(302);
    expect(anonymous?.headers.get('location')).toBe('/admin/signin?next=%2Fadmin%2Fusers%3Fx%3D1');
  });
});
