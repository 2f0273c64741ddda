import { can } from '@core/staff/roles.ts';
import type { StaffMember } from '@core/staff/users.ts';
import type { Routing } from '../routing/routing.ts';
import { maskComplaint, maskText } from './masking.ts';
import type { Complaint } from './model.ts';

/**
 * Who may see and do what with complaints: the one place the room decides it. Lists, pages, exports and
 * actions all take an access from here, and the store applies its team scope in the query, so a
 * complaint outside the scope is never read, let alone shown.
 */
export interface ComplaintAccess {
  member: StaffMember;
  /** Sees email, phone and name in full; otherwise they are masked. */
  pii: boolean;
  /** Replies, notes, assigns, changes status, reroutes, reclassifies, records complaints. */
  handle: boolean;
  /** Teams whose complaints this person sees; undefined = every team. */
  teams: string[] | undefined;
}

/**
 * Service staff see every complaint in full. Product and R&D people (no `complaints:read-pii`) see only
 * their teams' complaints (every R&D team until an admin puts them in one), with customer details masked.
 * Without `complaints:read` nothing is visible.
 */
export function complaintAccess(member: StaffMember, routing: Pick<Routing, 'productScope'>): ComplaintAccess {
  const read = can(member.role, 'complaints:read');
  const pii = read && can(member.role, 'complaints:read-pii');
  return {
    member,
    pii,
    handle: can(member.role, 'complaints:handle'),
    teams: !read ? [] : pii ? undefined : routing.productScope(member.id),
  };
}

/** The complaint as this person may read it. */
export function asSeenBy(access: ComplaintAccess, c: Complaint): Complaint {
  return access.pii ? c : maskComplaint(c);
}

/** Free text (timeline bodies, explanation terms) as this person may read it; `customerName` is masked in it too. */
export function textAsSeenBy(access: ComplaintAccess, text: string, customerName?: string | null): string {
  return access.pii ? text : maskText(text, [customerName]);
}
