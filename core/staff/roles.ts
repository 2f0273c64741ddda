/**
 * Roles and the one permission table. Every admin page and API asks `can(role, permission)` (through
 * `guard`) on the server; the navigation uses the same table, so what a role sees is what it may open.
 */
export const roles = ['admin', 'editor', 'agent', 'product', 'trainee'] as const;
export type Role = (typeof roles)[number];

export const permissionNames = [
  'users:manage',
  'settings:manage',
  'audit:read',
  'articles:edit',
  'internal:read',
  'onboarding:read',
  'onboarding:manage',
  'complaints:read',
  'complaints:handle',
  'complaints:read-pii',
  'routing:manage',
  'classifier:manage',
  'insights:read',
  'privacy:manage',
  'complaints:triage',
] as const;
export type Permission = (typeof permissionNames)[number];

/** Every signed-in staff member reads internal articles (site and search) and the onboarding tracks. */
const staffBasics = ['internal:read', 'onboarding:read'] as const satisfies readonly Permission[];

export const permissions: Record<Role, readonly Permission[]> = {
  /** Users, settings, everything. */
  admin: permissionNames,
  /** Writes and publishes articles. */
  editor: [...staffBasics, 'articles:edit'],
  /** Service staff: answer and handle complaints, see the customer's details. */
  agent: [...staffBasics, 'complaints:read', 'complaints:handle', 'complaints:read-pii', 'complaints:triage'],
  /** Product and R&D teams: their complaints and insights, customer details masked. */
  product: [...staffBasics, 'complaints:read', 'insights:read'],
  /** New employees: internal articles and onboarding. */
  trainee: [...staffBasics],
};

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  editor: 'Editor',
  agent: 'Service agent',
  product: 'Product team',
  trainee: 'Trainee',
};

export const roleDescriptions: Record<Role, string> = {
  admin: 'Users, settings, audit log and everything else',
  editor: 'Writes, publishes and restores articles',
  agent: 'Handles complaints and sees customer details',
  product: 'Reads complaints and insights with customer details masked',
  trainee: 'Reads internal articles and onboarding',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return permissions[role]?.includes(permission) ?? false;
}
