import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requiredPermission } from '@admin/auth/staff-paths.ts';

const pages = path.resolve(import.meta.dirname, '../../site/pages');

/** Every staff route file as a request path, with `[id]` standing in for a value. */
function staffRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(`/${path.relative(pages, full).split(path.sep).join('/')}`.replace(/\.(astro|ts)$/, '').replace(/\/index$/, '').replace(/\[[^\]]+\]/g, '42'));
    }
  };
  for (const root of ['admin', 'api/admin']) walk(path.join(pages, root));
  return out;
}

describe('the staff path table', () => {
  it('lists every staff route, so none is open by accident and none is closed by omission', () => {
    const routes = staffRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => requiredPermission('GET', r) === undefined)).toEqual([]);
  });

  it('asks for the permission each page is for, and more to act on a complaint', () => {
    expect(requiredPermission('GET', '/admin/users/7')).toBe('users:manage');
    expect(requiredPermission('GET', '/admin/complaints/7')).toBe('complaints:read');
    expect(requiredPermission('POST', '/admin/complaints/7')).toBe('complaints:handle');
    expect(requiredPermission('GET', '/admin/complaints/new')).toBe('complaints:handle');
    expect(requiredPermission('GET', '/admin/routing/keywords')).toBe('classifier:manage');
    expect(requiredPermission('POST', '/api/admin/preview')).toBe('articles:edit');
    expect(requiredPermission('GET', '/admin/signin')).toBe('signed-out');
    expect(requiredPermission('GET', '/admin/')).toBe('internal:read');
  });

  it('refuses staff paths it does not know', () => {
    expect(requiredPermission('GET', '/admin/unknown/deeper')).toBeUndefined();
    expect(requiredPermission('GET', '/api/admin/users')).toBeUndefined();
  });
});
