import type { Db } from '@core/db/database.ts';
import { productIds, products, type ProductId } from '@core/content/products.ts';
import { complaintCategories, type ComplaintCategory } from '@core/content/complaint-categories.ts';
import { severities, type Severity } from '../complaints/model.ts';
import { ActionError } from '@core/staff/actions.ts';

export const teamKinds = ['rd', 'finance', 'logistics', 'service', 'privacy', 'other'] as const;
export type TeamKind = (typeof teamKinds)[number];

export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  /** Gets escalation mails. */
  leadEmail: string | null;
}

export interface RoutingRule {
  id: number;
  position: number;
  /** null matches any value. */
  category: ComplaintCategory | null;
  product: string | null;
  severity: Severity | null;
  teamId: string;
  note: string;
}

export interface RouteInput {
  category: ComplaintCategory | null;
  product: string | null;
  severity: Severity;
}

export interface RouteDecision {
  teamId: string;
  /** The rule that decided, or null for the fallback team. */
  ruleId: number | null;
}

/** Where a complaint goes when no rule matches. */
export const fallbackTeamId = 'service-centre';

/** R&D teams by product line; Kestrel Care is a service plan, so its product faults go to the service centre. */
const rdTeams: Array<{ id: string; name: string; products: ProductId[] }> = [
  { id: 'rd-laundry', name: 'R&D Laundry (AquaWash)', products: ['aquawash'] },
  { id: 'rd-cooling', name: 'R&D Cooling (FrostLine)', products: ['frostline'] },
  { id: 'rd-robotics', name: 'R&D Robotics (SweepBot)', products: ['sweepbot'] },
  { id: 'rd-kitchen', name: 'R&D Kitchen (BrewMaster)', products: ['brewmaster'] },
  { id: 'rd-climate', name: 'R&D Climate (HeatPro, PureAir)', products: ['heatpro', 'pureair'] },
  { id: 'rd-digital', name: 'R&D Digital (Kestrel Home app)', products: ['kestrel-app'] },
];

export const defaultTeams: Team[] = [
  { id: 'service-centre', name: 'Service centre', kind: 'service', leadEmail: 'service-lead@kestrel-home.example' },
  { id: 'finance', name: 'Finance', kind: 'finance', leadEmail: 'finance-lead@kestrel-home.example' },
  { id: 'logistics', name: 'Logistics', kind: 'logistics', leadEmail: 'logistics-lead@kestrel-home.example' },
  { id: 'privacy-officer', name: 'Privacy officer', kind: 'privacy', leadEmail: 'privacy@kestrel-home.example' },
  ...rdTeams.map((t) => ({ id: t.id, name: t.name, kind: 'rd' as const, leadEmail: `${t.id}-lead@kestrel-home.example` })),
];

type SeedRule = Omit<RoutingRule, 'id' | 'position'>;

export function defaultRules(): SeedRule[] {
  const rules: SeedRule[] = [];
  const rule = (category: ComplaintCategory | null, product: string | null, severity: Severity | null, teamId: string, note: string) =>
    rules.push({ category, product, severity, teamId, note });
  for (const team of rdTeams) {
    for (const p of team.products) {
      rule('product-defect', p, null, team.id, `Faults of ${products[p]} go to the product line's R&D`);
      rule('suggestion', p, null, team.id, `Ideas for ${products[p]} go to the product line's R&D`);
    }
  }
  rule('billing-payment', null, null, 'finance', 'Invoices, charges and refunds');
  rule('delivery', null, null, 'logistics', 'Deliveries, installation dates, damaged parcels');
  rule('privacy', null, null, 'privacy-officer', 'Personal data: the privacy officer answers within the legal deadline');
  rule('repair-service', null, null, 'service-centre', 'Repairs and after-sales service');
  rule('warranty-dispute', null, null, 'service-centre', 'Warranty and claim decisions');
  rule('staff-conduct', null, null, 'service-centre', 'Complaints about staff go to the service lead');
  rule('usage-question', null, null, 'service-centre', 'How-to questions');
  return rules;
}

function specificity(r: Pick<RoutingRule, 'category' | 'product' | 'severity'>): number {
  return (r.category ? 1 : 0) + (r.product ? 1 : 0) + (r.severity ? 1 : 0);
}

/**
 * The matching rule that names the most of (category, product, severity) wins; among equally specific
 * ones, the first in the list. A rule's empty fields match anything.
 */
export function pickRule(rules: readonly RoutingRule[], input: RouteInput): RoutingRule | undefined {
  let best: RoutingRule | undefined;
  for (const r of rules) {
    if (r.category && r.category !== input.category) continue;
    if (r.product && r.product !== input.product) continue;
    if (r.severity && r.severity !== input.severity) continue;
    if (!best || specificity(r) > specificity(best) || (specificity(r) === specificity(best) && r.position < best.position)) best = r;
  }
  return best;
}

/** Teams and routing rules in SQLite, editable by admins at /admin/routing; read on every intake. */
export class Routing {
  private cache: { teams: Team[]; rules: RoutingRule[] } | undefined;

  constructor(private readonly db: Db) {}

  /** Fills empty tables with the default teams and rules (first start only). */
  seed(): void {
    const empty = (this.db.prepare('SELECT COUNT(*) FROM complaint_teams').pluck().get() as number) === 0;
    if (!empty) return;
    this.db.transaction(() => {
      const team = this.db.prepare('INSERT INTO complaint_teams (id, name, kind, lead_email, position) VALUES (?, ?, ?, ?, ?)');
      defaultTeams.forEach((t, i) => team.run(t.id, t.name, t.kind, t.leadEmail, i));
      const rule = this.db.prepare('INSERT INTO routing_rules (position, category, product, severity, team_id, note) VALUES (?, ?, ?, ?, ?, ?)');
      defaultRules().forEach((r, i) => rule.run((i + 1) * 10, r.category, r.product, r.severity, r.teamId, r.note));
    })();
    this.cache = undefined;
  }

  teams(): Team[] {
    return this.load().teams;
  }

  team(id: string | null | undefined): Team | undefined {
    return id ? this.load().teams.find((t) => t.id === id) : undefined;
  }

  rules(): RoutingRule[] {
    return this.load().rules;
  }

  route(input: RouteInput): RouteDecision {
    const rule = pickRule(this.load().rules, input);
    if (rule) return { teamId: rule.teamId, ruleId: rule.id };
    return { teamId: this.team(fallbackTeamId) ? fallbackTeamId : (this.load().teams[0]?.id ?? fallbackTeamId), ruleId: null };
  }

  addRule(input: { category: string | null; product: string | null; severity: string | null; teamId: string; note?: string; position?: number }): number {
    this.check(input);
    const position = input.position ?? ((this.db.prepare('SELECT COALESCE(MAX(position), 0) FROM routing_rules').pluck().get() as number) + 10);
    const id = Number(
      this.db
        .prepare('INSERT INTO routing_rules (position, category, product, severity, team_id, note) VALUES (?, ?, ?, ?, ?, ?)')
        .run(position, input.category || null, input.product || null, input.severity || null, input.teamId, (input.note ?? '').trim().slice(0, 200)).lastInsertRowid,
    );
    this.cache = undefined;
    return id;
  }

  updateRule(id: number, input: { category: string | null; product: string | null; severity: string | null; teamId: string; note?: string; position: number }): void {
    this.check(input);
    const changes = this.db
      .prepare('UPDATE routing_rules SET position = ?, category = ?, product = ?, severity = ?, team_id = ?, note = ? WHERE id = ?')
      .run(input.position, input.category || null, input.product || null, input.severity || null, input.teamId, (input.note ?? '').trim().slice(0, 200), id).changes;
    if (!changes) throw new ActionError('rule', 'This rule no longer exists.');
    this.cache = undefined;
  }

  deleteRule(id: number): boolean {
    const changes = this.db.prepare('DELETE FROM routing_rules WHERE id = ?').run(id).changes;
    this.cache = undefined;
    return changes > 0;
  }

  updateTeam(id: string, input: { name: string; leadEmail: string | null }): void {
    const name = input.name.trim();
    if (!name || name.length > 100) throw new ActionError('name', 'Give the team a name of at most 100 characters.');
    const lead = input.leadEmail?.trim() || null;
    if (lead && (lead.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(lead))) throw new ActionError('leadEmail', 'Enter the team lead’s email address like name@example.com.');
    const changes = this.db.prepare('UPDATE complaint_teams SET name = ?, lead_email = ? WHERE id = ?').run(name, lead, id).changes;
    if (!changes) throw new ActionError('team', 'This team no longer exists.');
    this.cache = undefined;
  }

  addTeam(input: { id: string; name: string; kind: TeamKind; leadEmail: string | null }): void {
    if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(input.id)) throw new ActionError('id', 'Use 2 to 41 lowercase letters, digits and hyphens for the team id.');
    if (this.team(input.id)) throw new ActionError('id', 'A team with this id exists already.');
    if (!(teamKinds as readonly string[]).includes(input.kind)) throw new ActionError('kind', 'Choose a kind of team.');
    const position = (this.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 FROM complaint_teams').pluck().get() as number) ?? 0;
    this.db.prepare('INSERT INTO complaint_teams (id, name, kind, lead_email, position) VALUES (?, ?, ?, NULL, ?)').run(input.id, input.id, input.kind, position);
    this.cache = undefined;
    this.updateTeam(input.id, { name: input.name, leadEmail: input.leadEmail });
  }

  /** Team ids a staff member belongs to. */
  memberships(userId: number): string[] {
    return this.db.prepare('SELECT team_id FROM complaint_team_members WHERE user_id = ? ORDER BY team_id').pluck().all(userId) as string[];
  }

  members(teamId: string): number[] {
    return this.db.prepare('SELECT user_id FROM complaint_team_members WHERE team_id = ? ORDER BY user_id').pluck().all(teamId) as number[];
  }

  setMembers(teamId: string, userIds: readonly number[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM complaint_team_members WHERE team_id = ?').run(teamId);
      const add = this.db.prepare('INSERT OR IGNORE INTO complaint_team_members (team_id, user_id) VALUES (?, ?)');
      for (const u of userIds) add.run(teamId, u);
    })();
  }

  /**
   * Which teams' complaints a product-team member sees: their own teams, or every R&D team when they
   * belong to none yet.
   */
  productScope(userId: number): string[] {
    const mine = this.memberships(userId);
    return mine.length ? mine : this.teams().filter((t) => t.kind === 'rd').map((t) => t.id);
  }

  private check(input: { category: string | null; product: string | null; severity: string | null; teamId: string }): void {
    if (input.category && !(complaintCategories as readonly string[]).includes(input.category)) throw new ActionError('category', 'Choose a category from the list.');
    if (input.product && !(productIds as readonly string[]).includes(input.product)) throw new ActionError('product', 'Choose a product from the list.');
    if (input.severity && !(severities as readonly string[]).includes(input.severity)) throw new ActionError('severity', 'Choose a severity from the list.');
    if (!this.team(input.teamId)) throw new ActionError('teamId', 'Choose a team from the list.');
  }

  private load(): { teams: Team[]; rules: RoutingRule[] } {
    this.cache ??= {
      teams: (this.db.prepare('SELECT id, name, kind, lead_email AS leadEmail FROM complaint_teams ORDER BY position, id').all() as Team[]),
      rules: (this.db.prepare('SELECT id, position, category, product, severity, team_id AS teamId, note FROM routing_rules ORDER BY position, id').all() as RoutingRule[]),
    };
    return this.cache;
  }
}
