import type { APIRoute } from 'astro';
import { recordAudit } from '@core/staff/audit.ts';
import { clearSessionCookie } from '@admin/auth/cookies.ts';
import { redirect } from '@admin/http/form.ts';

/** POST only (with the CSRF token, checked by the middleware): a link cannot sign anyone out. */
export const POST: APIRoute = ({ locals, cookies }) => {
  const { app, staffSession, staff } = locals;
  if (staffSession) {
    app.admin.sessions.invalidate(staffSession.id);
    if (staff) recordAudit(app.admin.db, { actorId: staff.id, action: 'auth.signout', objectType: 'user', objectId: staff.id });
  }
  clearSessionCookie(cookies, app.admin.cookiePolicy);
  return redirect('/admin/signin?signedout=1');
};

export const GET: APIRoute = () => redirect('/admin', 302);
