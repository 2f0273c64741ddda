import { describe, expect, it } from 'vitest';
import { can, permissionNames, permissions, roles, type Permission } from '@core/staff/roles.ts';

describe('the permission table', () => {
  it('gives admins everything', () => {
    for (const p of permissionNames) expect(can('admin', p)).toBe(true);
  });

  it('lets every staff role read internal articles and onboarding', () => {
    for (const r of roles) {
      expect(can(r, 'internal:read')).toBe(true);
      expect(can(r, 'onboarding:read')).toBe(true);
    }
  });

  it('matches what each role is for', () => {
    const expected: Record<string, Permission[]> = {
      editor: ['articles:edit'],
      agent: ['complaints:read', 'complaints:handle', 'complaints:read-pii', 'complaints:triage'],
      product: ['complaints:read', 'insights:read'],
      trainee: [],
    };
    for (const [role, extra] of Object.entries(expected)) {
      expect([...permissions[role as keyof typeof permissions]].sort()).toEqual(['internal:read', 'onboarding:read', ...extra].sort());
    }
  });

  it('masks customer details for product teams and keeps staff-only powers with admins', () => {
    expect(can('product', 'complaints:read')).toBe(true);
    expect(can('product', 'complaints:read-pii')).toBe(false);
    for (const p of ['users:manage', 'settings:manage', 'audit:read', 'routing:manage', 'classifier:manage'] as const) {
      for (const r of roles.filter((x) => x !== 'admin')) expect(can(r, p), `${r} ${p}`).toBe(false);
    }
    expect(can('trainee', 'articles:edit')).toBe(false);
    expect(can('agent', 'articles:edit')).toBe(false);
  });

  it('answers false for unknown roles instead of throwing', () => {
    expect(can('intruder' as never, 'internal:read')).toBe(false);
  });
});
