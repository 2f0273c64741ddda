import { can, roles } from '@core/staff/roles.ts';
import type { SessionUser } from '@admin/auth/session.ts';
import { maskComplaint } from '@feedback/complaints/masking.ts';
import type { Complaint } from '@feedback/complaints/model.ts';
import type { App } from '@site/lib/app.ts';

export interface StaffScope {
  /** Sees email, phone and name in full. */
  pii: boolean;
  /** Replies, notes, assigns, changes status, reroutes, reclassifies. */
  handle: boolean;
  /** Teams whose complaints this person sees; undefined = all. */
  teams: string[] | undefined;
}

/**
 * What a staff member may see of complaints. Product and R&D people (no `complaints:read-pii`) see only
 * their teams' complaints (every R&D team until an admin puts them in one), with customer details masked.
 */
export function staffScope(app: App, staff: SessionUser): StaffScope {
  const pii = can(staff.role, 'complaints:read-pii');
  return {
    pii,
    handle: can(staff.role, 'complaints:handle'),
    teams: pii ? undefined : app.feedback.routing.productScope(staff.id),
  };
}

export function visible(scope: StaffScope, c: Complaint): boolean {
  return !scope.teams || (c.teamId !== null && scope.teams.includes(c.teamId));
}

export function forViewer(scope: StaffScope, c: Complaint): Complaint {
  return scope.pii ? c : maskComplaint(c);
}

/** Active accounts whose role may handle complaints: the people a complaint can be assigned to. */
export function handlers(app: App): Array<{ id: number; name: string; email: string }> {
  const allowed = roles.filter((r) => can(r, 'complaints:handle'));
  return app.admin.users
    .list({ status: 'active', pageSize: 1000 })
    .users.filter((u) => allowed.includes(u.role))
    .map((u) => ({ id: u.id, name: u.name, email: u.email }));
}

/** Names of staff by id, for the timeline. */
export function staffNames(app: App, ids: Iterable<number | null>): Map<number, string> {
  const out = new Map<number, string>();
  for (const id of ids) {
    if (id === null || out.has(id)) continue;
    const u = app.admin.users.get(id);
    out.set(id, u ? u.name : `user ${id}`);
  }
  return out;
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '';
}

/** "in 3 h 20 min" / "4 h 5 min ago", for deadlines. */
export function relative(iso: string, now: Date): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const text = days ? `${days} d ${hours} h` : hours ? `${hours} h ${minutes} min` : `${minutes} min`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}
