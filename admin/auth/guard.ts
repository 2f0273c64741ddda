import type { APIContext, AstroGlobal } from 'astro';
import { errorPage, jsonResponse } from '../http/responses.ts';
import { can, roleLabels, type Permission } from '@core/staff/roles.ts';

type Context = Pick<APIContext, 'locals' | 'url'> | Pick<AstroGlobal, 'locals' | 'url'>;

/**
 * The server-side permission check every admin page and API runs first:
 *   const denied = guard(Astro, 'complaints:read'); if (denied) return denied;
 * Anonymous: 302 to sign-in (401 JSON for /api/). Signed in without the permission: 403. Allowed: null.
 */
export function guard(context: Context, permission: Permission): Response | null {
  const { locals, url } = context;
  const api = url.pathname.startsWith('/api/');
  const staff = locals.staff;
  if (!staff) {
    if (api) return jsonResponse({ error: 'Sign in to use the staff API.' }, 401);
    const next = `${url.pathname}${url.search}`;
    return new Response(null, { status: 302, headers: { Location: `/admin/signin?next=${encodeURIComponent(next)}`, 'Cache-Control': 'no-store' } });
  }
  if (can(staff.role, permission)) return null;
  if (api) return jsonResponse({ error: `Your role (${staff.role}) does not have the permission "${permission}".` }, 403);
  return errorPage(
    403,
    'You do not have access to this page',
    `Your role (${roleLabels[staff.role]}) does not include the permission “${permission}”. If you need it, ask an administrator.`,
  );
}
