/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    app: import('./lib/app.ts').App;
    viewer: import('@core/content/article.ts').Viewer;
    /** The signed-in staff member, or null (set by the middleware from the session cookie). */
    staff: import('@core/staff/users.ts').StaffMember | null;
    /** The signed-in staff member on staff paths (the middleware has checked the path's permission); throws elsewhere. */
    member: import('@core/staff/users.ts').StaffMember;
    /** What the signed-in staff member may do (empty for visitors), from the one permission table. */
    permissions: ReadonlySet<import('@core/staff/roles.ts').Permission>;
    /** The staff member's session (for sign-out and password changes), or null. */
    staffSession: import('@admin/auth/session.ts').Session | null;
    /** Put in every staff form as `_csrf` (or send as `x-csrf-token`). */
    csrfToken: string;
  }
}
