import type { APIContext } from 'astro';
import type { AdminServices } from '../admin.ts';
import { anonymousCsrfToken, clearSessionCookie, sessionCookieName, setSessionCookie } from './cookies.ts';
import { BodyTooLarge } from '@core/http/limited-body.ts';
import { isStaffPath, needsCsrf, providedCsrfToken, tokensMatch } from './csrf.ts';
import { json } from '@core/http/responses.ts';
import { errorPage } from '../http/responses.ts';
import { permissions as rolePermissions, roleLabels } from '@core/staff/roles.ts';
import { requiredPermission } from './staff-paths.ts';

const staffViewer = { kind: 'staff' } as const;

function isApi(pathname: string): boolean {
  return pathname.startsWith('/api/');
}

function reject(pathname: string, status: number, title: string, message: string): Response {
  if (isApi(pathname)) return json({ error: message }, status);
  return errorPage(status, title, message);
}

/**
 * Runs before every route: resolves the session cookie into `locals.staff` (and the staff viewer),
 * exposes the CSRF token, keeps anonymous visitors out of the staff area and rejects state-changing
 * staff requests without a matching token. Returns a response to send instead of the route's.
 */
export async function authenticate(context: APIContext, admin: AdminServices): Promise<Response | undefined> {
  const { cookies, locals, url, request } = context;
  const policy = admin.cookiePolicy;
  locals.staff = null;
  locals.staffSession = null;
  locals.permissions = new Set();
  // Staff pages read the signed-in person here; the table above guarantees there is one on them.
  Object.defineProperty(locals, 'member', {
    configurable: true,
    enumerable: true,
    get: () => {
      if (!locals.staff) throw new Error(`${url.pathname}: no signed-in staff member (is the path in admin/auth/staff-paths.ts?)`);
      return locals.staff;
    },
  });

  const token = cookies.get(sessionCookieName)?.value;
  if (token) {
    const found = admin.sessions.validate(token);
    if (found) {
      locals.staff = found.user;
      locals.permissions = new Set(rolePermissions[found.user.role]);
      locals.staffSession = found.session;
      locals.viewer = staffViewer;
      if (found.renewed) setSessionCookie(cookies, token, found.session.expiresAt, policy);
    } else {
      clearSessionCookie(cookies, policy);
    }
  }

  const staffPath = isStaffPath(url.pathname);
  if (locals.staffSession) {
    locals.csrfToken = locals.staffSession.csrfToken;
  } else if (staffPath) {
    locals.csrfToken = anonymousCsrfToken(cookies, policy);
  } else {
    // Public pages stay cookie-free (and cacheable) unless a page asks for a token.
    let lazy: string | undefined;
    Object.defineProperty(locals, 'csrfToken', {
      configurable: true,
      enumerable: true,
      get: () => (lazy ??= anonymousCsrfToken(cookies, policy)),
    });
  }

  if (!staffPath) return undefined;

  if (needsCsrf(request.method, url.pathname)) {
    let provided: string | null;
    try {
      provided = await providedCsrfToken(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) return reject(url.pathname, 413, 'Too large', 'The request is larger than the staff area accepts.');
      throw error;
    }
    if (!tokensMatch(locals.csrfToken, provided)) {
      return reject(
        url.pathname,
        403,
        'Form expired',
        'This form could not be checked (missing or outdated security token). Go back, reload the page and submit it again.',
      );
    }
  }

  const needed = requiredPermission(request.method, url.pathname);
  if (needed === 'signed-out') return undefined;
  if (!locals.staff) {
    if (isApi(url.pathname)) return reject(url.pathname, 401, 'Sign-in required', 'Sign in to use the staff API.');
    const next = `${url.pathname}${url.search}`;
    return new Response(null, { status: 302, headers: { Location: `/admin/signin?next=${encodeURIComponent(next)}`, 'Cache-Control': 'no-store' } });
  }
  if (!needed) return reject(url.pathname, 404, 'Not found', 'There is no such page in the staff area.');
  if (!locals.permissions.has(needed)) {
    const role = locals.staff.role;
    return isApi(url.pathname)
      ? reject(url.pathname, 403, '', `Your role (${role}) does not have the permission "${needed}".`)
      : errorPage(403, 'You do not have access to this page', `Your role (${roleLabels[role]}) does not include the permission “${needed}”. If you need it, ask an administrator.`);
  }
  return undefined;
}

/** Staff responses and anything rendered for a signed-in person must not be cached by shared caches. */
export function privateCaching(context: APIContext, response: Response): void {
  if (!context.locals.staff && !isStaffPath(context.url.pathname)) return;
  const current = response.headers.get('Cache-Control');
  if (!current || !/no-store|private/.test(current)) {
    try {
      response.headers.set('Cache-Control', 'private, no-store');
    } catch {
      // Some responses (redirects from fetch) have immutable headers.
    }
  }
}
