/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    app: import('./lib/app.ts').App;
    viewer: import('@core/content/article.ts').Viewer;
    /** The signed-in staff member, or null (set by the middleware from the session cookie). */
    staff: import('@admin/auth/session.ts').SessionUser | null;
    /** The staff member's session (for sign-out and password changes), or null. */
    staffSession: import('@admin/auth/session.ts').Session | null;
    /** Put in every staff form as `_csrf` (or send as `x-csrf-token`). */
    csrfToken: string;
  }
}
