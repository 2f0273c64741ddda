import type { Permission } from '@core/staff/roles.ts';

/**
 * The one table from staff path (and method) to the permission it needs, checked by the middleware
 * before any staff page or API runs. The first matching row wins; a staff path without a row is refused,
 * so a new page is closed until it is listed here (tests/admin/staff-paths.test.ts checks every route).
 */
export const staffPaths: ReadonlyArray<{ path: RegExp; method?: 'POST'; permission: Permission | 'signed-out' }> = [
  { path: /^\/admin\/(?:signin|signout)$/, permission: 'signed-out' },
  { path: /^\/admin\/?$/, permission: 'internal:read' },
  { path: /^\/admin\/account$/, permission: 'internal:read' },
  { path: /^\/admin\/articles(?:\/(?:new|edit|history))?$/, permission: 'articles:edit' },
  { path: /^\/api\/admin\/preview$/, permission: 'articles:edit' },
  { path: /^\/admin\/audit$/, permission: 'audit:read' },
  { path: /^\/admin\/answers$/, permission: 'internal:read' },
  { path: /^\/admin\/complaints\/new$/, permission: 'complaints:handle' },
  { path: /^\/admin\/complaints\/triage$/, permission: 'complaints:triage' },
  { path: /^\/api\/admin\/complaints\/[^/]+\/suggestions$/, permission: 'complaints:read' },
  { path: /^\/admin\/complaints\/[^/]+$/, method: 'POST', permission: 'complaints:handle' },
  { path: /^\/admin\/complaints\/[^/]+\/propose$/, permission: 'complaints:handle' },
  { path: /^\/admin\/complaints\/[^/]+\/files\/[^/]+$/, permission: 'complaints:read' },
  { path: /^\/admin\/complaints(?:\/[^/]+)?$/, permission: 'complaints:read' },
  { path: /^\/admin\/customers\/[^/]+\/(?:privacy|export\.json)$/, permission: 'privacy:manage' },
  { path: /^\/admin\/customers\/[^/]+$/, method: 'POST', permission: 'complaints:handle' },
  { path: /^\/admin\/customers(?:\/[^/]+)?$/, permission: 'complaints:read' },
  { path: /^\/api\/admin\/customers$/, permission: 'complaints:read' },
  { path: /^\/admin\/mail$/, permission: 'complaints:read-pii' },
  { path: /^\/admin\/routing\/keywords$/, permission: 'classifier:manage' },
  { path: /^\/admin\/routing$/, permission: 'routing:manage' },
  { path: /^\/admin\/users(?:\/(?:new|[^/]+))?$/, permission: 'users:manage' },
  // Everyone follows their tracks; who may manage whom is decided by admin/onboarding/manager.ts.
  { path: /^\/admin\/onboarding(?:\/[a-z0-9-]+){0,2}$/, permission: 'onboarding:read' },
  { path: /^\/admin\/insights(?:\/export\.csv)?$/, permission: 'insights:read' },
  { path: /^\/api\/admin\/insights$/, permission: 'insights:read' },
  { path: /^\/admin\/articles\/report$/, permission: 'internal:read' },
  { path: /^\/admin\/article-feedback$/, permission: 'articles:edit' },
  { path: /^\/admin\/search-insights$/, permission: 'articles:edit' },
];

/**
 * What a request to a staff path needs: `signed-out` (open to anyone: sign-in and sign-out), a
 * permission, or undefined for a staff path no row lists (refused).
 */
export function requiredPermission(method: string, pathname: string): Permission | 'signed-out' | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const post = method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD';
  return staffPaths.find((row) => row.path.test(path) && (!row.method || post))?.permission;
}
