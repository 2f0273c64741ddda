import { can } from '@core/staff/roles.ts';
import type { StaffMember } from '@core/staff/users.ts';
import type { Routing } from '../routing/routing.ts';

/**
 * What a person sees in the insights. Product people see every complaint about their product lines,
 * whichever team handles it (a leak routed to the service centre is still their product's problem), with
 * customer details masked; people who may read customer details see everything in full.
 */
export interface InsightsScope {
  /** Product ids whose complaints count; undefined = every complaint, with or without a product. */
  products: string[] | undefined;
  /** Examples and exports are masked (maskComplaint) for this person. */
  masked: boolean;
}

/**
 * A product person's product lines are those the routing rules send to their teams (every R&D team's
 * while they belong to none, as in the complaint list). Null without `insights:read`.
 */
export function insightsScope(member: StaffMember, routing: Pick<Routing, 'productScope' | 'rules'>): InsightsScope | null {
  if (!can(member.role, 'insights:read')) return null;
  const masked = !can(member.role, 'complaints:read-pii');
  if (!masked) return { products: undefined, masked };
  const teams = new Set(routing.productScope(member.id));
  const products = [...new Set(routing.rules().filter((r) => r.product && teams.has(r.teamId)).map((r) => r.product!))].sort();
  return { products, masked };
}
