import type { AstroCookies } from 'astro';
import { generateToken } from './session.ts';

export const sessionCookieName = 'kb_session';
/** Anonymous visitors' CSRF token (double-submit), used by the sign-in form before a session exists. */
export const csrfCookieName = 'kb_csrf';

export interface CookiePolicy {
  secure: boolean;
}

export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: number, policy: CookiePolicy): void {
  cookies.set(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(cookies: AstroCookies, policy: CookiePolicy): void {
  cookies.set(sessionCookieName, '', { httpOnly: true, sameSite: 'lax', secure: policy.secure, path: '/', maxAge: 0 });
}

/** The anonymous CSRF token from its cookie, or a new one set on the response. */
export function anonymousCsrfToken(cookies: AstroCookies, policy: CookiePolicy): string {
  const existing = cookies.get(csrfCookieName)?.value;
  if (existing && /^[a-z2-7]{32}$/.test(existing)) return existing;
  const token = generateToken();
  cookies.set(csrfCookieName, token, { httpOnly: true, sameSite: 'lax', secure: policy.secure, path: '/' });
  return token;
}
