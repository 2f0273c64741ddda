import type { APIRoute } from 'astro';
import { clearSessionCookie } from '@admin/auth/cookies.ts';
import { redirect } from '@admin/http/form.ts';

/** POST only (with the CSRF token, checked by the middleware): a link cannot sign anyone out. */
export const POST: APIRoute = ({ locals, cookies }) => {
  const { app, staffSession, staff } = locals;
  app.admin.account.signOut(staff, staffSession?.id);
  clearSessionCookie(cookies, app.admin.cookiePolicy);
  return redirect('/admin/signin?signedout=1');
};

export const GET: APIRoute = () => redirect('/admin', 302);
