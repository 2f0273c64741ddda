import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demo, roles, signIn, type Role } from './admin-helpers.ts';

/** What each role may open (200) and what it must not (403). */
const reach: Record<Role, { allowed: string[]; denied: string[]; nav: string[]; notInNav: string[] }> = {
  admin: { allowed: ['/admin', '/admin/articles', '/admin/articles/new', '/admin/users', '/admin/users/new', '/admin/audit', '/admin/account'], denied: [], nav: ['Articles', 'Complaints', 'Routing', 'Users', 'Audit log'], notInNav: [] },
  editor: { allowed: ['/admin', '/admin/articles', '/admin/articles/new', '/admin/account'], denied: ['/admin/users', '/admin/users/new', '/admin/audit', '/admin/users/1'], nav: ['Articles'], notInNav: ['Complaints', 'Routing', 'Users', 'Audit log'] },
  agent: { allowed: ['/admin', '/admin/account'], denied: ['/admin/articles', '/admin/articles/new', '/admin/users', '/admin/audit'], nav: ['Complaints'], notInNav: ['Articles', 'Routing', 'Users', 'Audit log'] },
  product: { allowed: ['/admin', '/admin/account'], denied: ['/admin/articles', '/admin/users', '/admin/audit', '/admin/articles/history?file=en%2Ffaq%2Fx.mdx'], nav: ['Complaints'], notInNav: ['Articles', 'Routing', 'Users', 'Audit log'] },
  trainee: { allowed: ['/admin', '/admin/account'], denied: ['/admin/articles', '/admin/articles/edit?file=en%2Fclaim-rules%2Fclaims-deadlines.mdx', '/admin/users', '/admin/audit'], nav: ['Internal articles'], notInNav: ['Articles', 'Complaints', 'Routing', 'Users', 'Audit log'] },
};

test('anonymous visitors are sent to sign-in and come back to where they were going', async ({ page, request, baseURL }) => {
  for (const path of ['/admin', '/admin/articles', '/admin/users/1', '/admin/audit']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    expect(response.headers().location).toBe(`/admin/signin?next=${encodeURIComponent(path)}`);
  }
  const api = await request.post('/api/admin/preview', { data: {}, headers: { Origin: new URL(baseURL ?? '').origin } });
  expect([401, 403]).toContain(api.status());
  await page.goto('/admin/articles?status=draft');
  await expect(page).toHaveURL(/\/admin\/signin\?next=/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email address').fill(demo('editor').email);
  await page.getByLabel('Password', { exact: true }).fill(demo('editor').password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/articles\?status=draft$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles');
});

test('a wrong password and an unknown account get the same message', async ({ page }) => {
  const messages: string[] = [];
  for (const [email, password] of [[demo('trainee').email, 'not the password'], ['nobody@kestrel-home.example', 'not the password']]) {
    await page.goto('/admin/signin');
    await page.getByLabel('Email address').fill(email as string);
    await page.getByLabel('Password', { exact: true }).fill(password as string);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent())?.trim() ?? '');
    // What was typed is kept (except the password).
    await expect(page.getByLabel('Email address')).toHaveValue(email as string);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  }
  expect(messages[0]).toBe('The email address or password is not correct.');
  expect(messages[1]).toBe(messages[0]);
  // The right password still works afterwards (a couple of failures are free).
  await signIn(page, 'trainee');
});

test('repeated failures are throttled with a message that does not reveal whether the account exists', async ({ page }) => {
  const email = `throttle-${Date.now()}@kestrel-home.example`;
  let last: number | undefined;
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.goto('/admin/signin');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(`guess number ${attempt}`);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/admin/signin') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
    last = response.status();
  }
  expect(last).toBe(429);
  await expect(page.getByRole('alert')).toContainText('Too many failed sign-in attempts. Please wait');
});

for (const role of roles) {
  test(`${role}: reaches what the role allows, gets 403 elsewhere, sees internal articles`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole('navigation', { name: 'Staff area' });
    for (const name of reach[role].nav) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    for (const name of reach[role].notInNav) await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
    for (const path of reach[role].allowed) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(200);
    }
    for (const path of reach[role].denied) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
    }
    // Every staff role reads internal articles on the site and in search.
    expect((await page.goto('/en/articles/internal-one-answer'))?.status()).toBe(200);
    const search = await page.request.get('/api/search?q=one+answer+every+agent&locale=en');
    const body = (await search.json()) as { hits: Array<{ id: string }> };
    expect(body.hits.map((h) => h.id)).toContain('en/internal-one-answer');
  });
}

test('the public does not see internal articles in search, staff do; signing out ends it', async ({ page }) => {
  const anonymous = (await (await page.request.get('/api/search?q=one+answer+every+agent&locale=en')).json()) as { hits: Array<{ id: string }> };
  expect(anonymous.hits.map((h) => h.id)).not.toContain('en/internal-one-answer');
  await signIn(page, 'agent');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/signin\?signedout=1$/);
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  expect((await page.goto('/en/articles/internal-one-answer'))?.status()).toBe(404);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/signin/);
});

test('state-changing staff requests without the CSRF token are refused', async ({ page, baseURL }) => {
  await signIn(page, 'admin');
  const origin = new URL(baseURL ?? page.url()).origin;
  const noToken = await page.request.post('/admin/users/new', { form: { email: 'csrf@example.test', role: 'admin' }, headers: { Origin: origin } });
  expect(noToken.status()).toBe(403);
  expect(await noToken.text()).toContain('security token');
  const wrongToken = await page.request.post('/api/admin/preview', { data: { body: 'x' }, headers: { Origin: origin, 'x-csrf-token': 'a'.repeat(32) } });
  expect(wrongToken.status()).toBe(403);
  const crossSite = await page.request.post('/admin/users/new', { form: { email: 'csrf@example.test', role: 'admin' }, headers: { Origin: 'https://evil.example' } });
  expect(crossSite.status()).toBe(403);
  await page.goto('/admin/users?q=csrf');
  await expect(page.getByText('No users match these filters.')).toBeVisible();
});

test('pages never show password hashes or session tokens', async ({ page, context }) => {
  await signIn(page, 'admin');
  const session = (await context.cookies()).find((c) => c.name === 'kb_session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  for (const path of ['/admin', '/admin/users', '/admin/users/1', '/admin/audit', '/admin/account', '/admin/articles']) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).not.toContain('$argon2');
    expect(html, path).not.toContain(session?.value ?? 'no session');
  }
});

test('an admin creates a user who can sign in, changes the role, resets the password and disables the account', async ({ browser, page }) => {
  await signIn(page, 'admin');
  const email = `new-${Date.now()}@kestrel-home.example`;
  await page.goto('/admin/users/new');
  // Invalid input: errors name the field, the typed values stay.
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByLabel('Name').fill('Nia New');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('alert')).toContainText('Email address: must be an email address');
  await expect(page.getByLabel('Name')).toHaveValue('Nia New');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('combobox', { name: /^Role/ }).selectOption('trainee');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('User created');
  const password = (await page.locator('.secret').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
  await page.getByRole('link', { name: 'Open the account' }).click();
  const userUrl = page.url();

  const other = await browser.newContext();
  const newcomer = await other.newPage();
  await newcomer.goto('/admin/signin');
  await newcomer.getByLabel('Email address').fill(email);
  await newcomer.getByLabel('Password', { exact: true }).fill(password);
  await newcomer.getByRole('button', { name: 'Sign in' }).click();
  await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Welcome, Nia New');
  expect((await newcomer.goto('/admin/articles'))?.status()).toBe(403);

  await page.getByRole('combobox', { name: /^Role/ }).selectOption('editor');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText('The changes were saved.');
  expect((await newcomer.goto('/admin/articles'))?.status()).toBe(200);

  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.locator('.secret')).toBeVisible();
  // The reset signed the newcomer out.
  await newcomer.goto('/admin');
  await expect(newcomer).toHaveURL(/\/admin\/signin/);

  await page.goto(userUrl);
  await page.getByRole('button', { name: 'Disable the account' }).click();
  await expect(page.getByRole('status')).toContainText('disabled');
  await other.close();

  await page.goto('/admin/audit?objectType=user');
  await expect(page.locator('table')).toContainText('user.disable');
  await expect(page.locator('table')).toContainText('user.role');
  await expect(page.locator('table')).toContainText('user.create');
});

// One test per page: together they took 10 s on a quiet machine and ran past the 30 s timeout on a busy one.
for (const path of ['/admin', '/admin/articles', '/admin/articles/new', '/admin/articles/edit?file=en%2Fclaim-rules%2Fclaims-deadlines.mdx', '/admin/users', '/admin/users/new', '/admin/audit', '/admin/account']) {
  test(`staff pages pass axe: ${path}`, async ({ page }) => {
    await signIn(page, 'admin', path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the sign-in page passes axe', async ({ page }) => {
  await page.goto('/admin/signin');
  const signin = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(signin.violations.map((v) => v.id)).toEqual([]);
});
