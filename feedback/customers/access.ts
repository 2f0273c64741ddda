import type { StaffMember } from '@core/staff/users.ts';
import type { Routing } from '../routing/routing.ts';
import { complaintAccess, type ComplaintAccess } from '../complaints/access.ts';
import { maskEmail, maskName, maskPhone } from '../complaints/masking.ts';
import { scopeOf, type CustomerRow, type Scope } from './store.ts';

/**
 * Who may see which customer records: the complaint rules, applied to the customer's complaints. Service
 * staff see every customer in full; product and R&D people see the customers of their teams' complaints,
 * masked, and only those complaints; without `complaints:read` nobody is visible. The store applies the
 * scope in its queries, so a customer outside it is never read.
 */
export interface CustomerAccess extends ComplaintAccess {
  scope: Scope;
}

export function customerAccess(member: StaffMember, routing: Pick<Routing, 'productScope'>): CustomerAccess {
  const access = complaintAccess(member, routing);
  return { ...access, scope: scopeOf(access.teams) };
}

export interface CustomerView {
  id: number;
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: string | null;
  createdAt: string;
  mergedInto: number | null;
}

/** The customer's contact details as this person may read them. */
export function customerAsSeenBy(access: ComplaintAccess, c: CustomerRow): CustomerView {
  const view = { id: c.id, email: c.email, phone: c.phone, name: c.name, locale: c.locale, createdAt: c.createdAt, mergedInto: c.mergedInto };
  return access.pii ? view : { ...view, email: maskEmail(c.email), phone: maskPhone(c.phone), name: maskName(c.name) };
}
