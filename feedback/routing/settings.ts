import { z } from 'zod';
import { productIds } from '@core/content/products.ts';
import type { Db } from '@core/db/database.ts';
import { ActionError, runAction, type ActionResult, type AuditNote, type Change } from '@core/staff/actions.ts';
import { can, roles, type Permission } from '@core/staff/roles.ts';
import type { StaffDirectory, StaffMember, StaffUser } from '@core/staff/users.ts';
import { complaintCategories } from '@core/content/complaint-categories.ts';
import { severities, type Severity } from '../complaints/model.ts';
import { isTimeZone, parseClock, type BusinessHours } from '../deadlines/business-hours.ts';
import type { DeadlinePolicy, Deadlines } from '../deadlines/deadlines.ts';
import { teamKinds, type RouteDecision, type Routing, type RoutingRule, type Team } from './routing.ts';

/**
 * The admins' routing settings (/admin/routing): routing rules, teams and their product-team members,
 * deadline policies and business hours. Every change is one staff action: validated here, run through
 * `runAction` (permission `routing:manage`), and audited as `routing.<action>` in its own transaction.
 */
export const routingActions = ['rule-add', 'rule-update', 'rule-delete', 'team-add', 'team-update', 'policy-save', 'policy-delete', 'hours-save'] as const;
export type RoutingAction = (typeof routingActions)[number];

/**
 * An action's input as code passes it or a form sends it (strings, which the schema converts): every
 * field is checked by the action's schema, so the type only names the fields.
 */
export type FormInput<S extends z.ZodTypeAny> = { [K in keyof z.input<S>]?: unknown };

export const routingPermission: Permission = 'routing:manage';

const messages = {
  category: 'Choose a category from the list.',
  product: 'Choose a product from the list.',
  severity: 'Choose a severity from the list.',
  team: 'Choose a team from the list.',
  note: 'Write a note of at most 200 characters.',
  position: 'Enter the order as a whole number.',
  rule: 'This rule no longer exists.',
  teamId: 'Use 2 to 41 lowercase letters, digits and hyphens for the team id.',
  teamName: 'Give the team a name of at most 100 characters.',
  teamKind: 'Choose a kind of team.',
  leadEmail: 'Enter the team lead’s email address like name@example.com.',
  teamGone: 'This team no longer exists.',
  members: 'Choose members among the product-team accounts.',
  hours: 'Enter a number of hours between 0.25 and 8784.',
  order: 'The resolution deadline cannot come before the first response.',
  policyGone: 'This policy no longer exists.',
  defaultPolicy: 'The default policy can be changed but not deleted.',
  timeZone: 'Use an IANA time zone such as Europe/Helsinki.',
  start: 'Use HH:MM, for example 08:00.',
  end: 'Use HH:MM, for example 17:00.',
  closing: 'Closing time must be after opening time.',
  days: 'Choose at least one working day.',
} as const;

/** One of `values`, or empty (null: the rule or policy matches any value). */
function anyOr<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .string({ invalid_type_error: message })
    .nullish()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || (values as readonly string[]).includes(v), message)
    .transform((v) => (v || null) as T[number] | null);
}

/** A whole number such as a row id, from a form field or a number. */
function wholeNumber(message: string, min: number, max: number) {
  return z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message);
}

const rowId = (message: string) => wholeNumber(message, 1, Number.MAX_SAFE_INTEGER);

const leadEmail = z
  .string()
  .nullish()
  .transform((v) => v?.trim() ?? '')
  .refine((v) => v === '' || (v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)), messages.leadEmail)
  .transform((v) => v || null);

const teamName = z.string({ required_error: messages.teamName }).trim().min(1, messages.teamName).max(100, messages.teamName);

const ruleFields = {
  category: anyOr(complaintCategories, messages.category),
  product: anyOr(productIds, messages.product),
  severity: anyOr(severities, messages.severity),
  teamId: z.string({ required_error: messages.team }).trim().min(1, messages.team),
  note: z.string().trim().max(200, messages.note).default(''),
};

export const ruleAddInput = z.object(ruleFields);
export const ruleUpdateInput = z.object({ id: rowId(messages.rule), position: wholeNumber(messages.position, 0, 1_000_000), ...ruleFields });
export const ruleDeleteInput = z.object({ id: rowId(messages.rule) });

export const teamAddInput = z.object({
  id: z.string({ required_error: messages.teamId }).trim().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, messages.teamId),
  name: teamName,
  kind: z.enum(teamKinds, { errorMap: () => ({ message: messages.teamKind }) }).default('other'),
  leadEmail,
});

export const teamUpdateInput = z.object({
  id: z.string({ required_error: messages.teamGone }).min(1, messages.teamGone),
  name: teamName,
  leadEmail,
  /** User ids of the product-team accounts in the team (all of them: the others are removed). */
  members: z.array(rowId(messages.members)).max(1000, messages.members).default([]),
});

const hours = z.coerce.number({ invalid_type_error: messages.hours }).min(0.25, messages.hours).max(24 * 366, messages.hours);

export const policySaveInput = z
  .object({
    category: anyOr(complaintCategories, messages.category),
    severity: anyOr(severities, messages.severity),
    responseHours: hours,
    resolutionHours: hours,
  })
  .refine((p) => !hours.safeParse(p.responseHours).success || !hours.safeParse(p.resolutionHours).success || p.resolutionHours >= p.responseHours, {
    message: messages.order,
    path: ['resolutionHours'],
  });

export const policyDeleteInput = z.object({ id: rowId(messages.policyGone) });

export const businessHoursInput = z
  .object({
    enabled: z.boolean().default(false),
    timeZone: z.string({ required_error: messages.timeZone }).trim().max(60, messages.timeZone).refine(isTimeZone, messages.timeZone),
    /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
    days: z.array(z.number().int(messages.days).min(1, messages.days).max(7, messages.days)).min(1, messages.days),
    start: z.string({ required_error: messages.start }).refine((v) => parseClock(v) !== undefined, messages.start),
    end: z.string({ required_error: messages.end }).refine((v) => parseClock(v) !== undefined, messages.end),
  })
  .refine(
    (h) => {
      const [start, end] = [parseClock(h.start), parseClock(h.end)];
      return start === undefined || end === undefined || end > start;
    },
    { message: messages.closing, path: ['end'] },
  );

export interface RoutingSettingsDeps {
  db: Db;
  routing: Routing;
  deadlines: Deadlines;
  staff: StaffDirectory;
}

/** What the settings page shows, read in one go. */
export interface RoutingSettingsView {
  teams: Team[];
  rules: RoutingRule[];
  /** User ids in each team. */
  members: Map<string, number[]>;
  /** The rule and team being edited (`?edit=`, `?team=`). */
  editRule: RoutingRule | undefined;
  editTeam: Team | undefined;
  /** Active accounts that read complaints with customer details masked: who can be put in a team. */
  productPeople: StaffUser[];
  policies: DeadlinePolicy[];
  hours: BusinessHours;
  /** "Where would it go?": the values asked (as given) and the answer, when asked. */
  tryout: { category: string | null; product: string | null; severity: string | null; decision: RouteDecision | undefined };
}

export class RoutingSettings {
  constructor(private readonly deps: RoutingSettingsDeps) {}

  view(params: URLSearchParams): RoutingSettingsView {
    const { routing, deadlines } = this.deps;
    const teams = routing.teams();
    const rules = routing.rules();
    const category = params.get('tryCategory');
    const product = params.get('tryProduct');
    const severity = params.get('trySeverity');
    const decision =
      category === null
        ? undefined
        : routing.route({
            category: (complaintCategories as readonly string[]).includes(category) ? (category as (typeof complaintCategories)[number]) : null,
            product: product || null,
            severity: severity && (severities as readonly string[]).includes(severity) ? (severity as Severity) : 'medium',
          });
    return {
      teams,
      rules,
      members: new Map(teams.map((t) => [t.id, routing.members(t.id)])),
      editRule: rules.find((r) => String(r.id) === params.get('edit')),
      editTeam: teams.find((t) => t.id === params.get('team')),
      productPeople: this.productPeople(),
      policies: deadlines.policies(),
      hours: deadlines.businessHours(),
      tryout: { category, product, severity, decision },
    };
  }

  /** Active accounts whose role reads complaints with customer details masked, by email. */
  productPeople(): StaffUser[] {
    const masked = roles.filter((r) => can(r, 'complaints:read') && !can(r, 'complaints:read-pii'));
    return this.deps.staff
      .withPermission('complaints:read')
      .filter((u) => masked.includes(u.role))
      .sort((a, b) => (a.email.toLowerCase() < b.email.toLowerCase() ? -1 : a.email.toLowerCase() > b.email.toLowerCase() ? 1 : 0));
  }

  /** One of the page's forms; its `action` field says which. Answers with the action done. */
  act(member: StaffMember, form: Record<string, string>): ActionResult<RoutingAction> {
    const action = form.action ?? '';
    if (!(routingActions as readonly string[]).includes(action)) return this.refuse(member, new ActionError('action', 'Unknown action.'));
    const result = this.dispatch(member, action as RoutingAction, form);
    return result.ok ? { ok: true, value: action as RoutingAction } : result;
  }

  addRule(member: StaffMember, input: FormInput<typeof ruleAddInput>): ActionResult<number> {
    return this.run(member, ruleAddInput, input, (rule) => {
      const id = this.deps.routing.addRule(rule);
      return { value: id, audit: this.note('rule-add', 'routing-rule', id, rule) };
    });
  }

  updateRule(member: StaffMember, input: FormInput<typeof ruleUpdateInput>): ActionResult<number> {
    return this.run(member, ruleUpdateInput, input, ({ id, position, category, product, severity, teamId, note }) => {
      const rule = { category, product, severity, teamId, note, position };
      this.deps.routing.updateRule(id, rule);
      return { value: id, audit: this.note('rule-update', 'routing-rule', id, rule) };
    });
  }

  deleteRule(member: StaffMember, input: FormInput<typeof ruleDeleteInput>): ActionResult<number> {
    return this.run(member, ruleDeleteInput, input, ({ id }) => {
      if (!this.deps.routing.deleteRule(id)) throw new ActionError('id', messages.rule);
      return { value: id, audit: this.note('rule-delete', 'routing-rule', id) };
    });
  }

  addTeam(member: StaffMember, input: FormInput<typeof teamAddInput>): ActionResult<string> {
    return this.run(member, teamAddInput, input, (team) => {
      this.deps.routing.addTeam(team);
      return { value: team.id, audit: this.note('team-add', 'team', team.id) };
    });
  }

  /** Name, lead and members of a team; the members replace the team's current ones. */
  updateTeam(member: StaffMember, input: FormInput<typeof teamUpdateInput>): ActionResult<string> {
    return this.run(member, teamUpdateInput, input, ({ id, name, leadEmail, members }) => {
      if (!this.deps.routing.team(id)) throw new ActionError('id', messages.teamGone);
      const allowed = new Set(this.productPeople().map((u) => u.id));
      if (members.some((m) => !allowed.has(m))) throw new ActionError('members', messages.members);
      this.deps.routing.updateTeam(id, { name, leadEmail });
      this.deps.routing.setMembers(id, members);
      return { value: id, audit: this.note('team-update', 'team', id, { name, members }) };
    });
  }

  /** Sets the policy of a category and severity (either may be "any"), replacing one that exists. */
  savePolicy(member: StaffMember, input: FormInput<typeof policySaveInput>): ActionResult<string> {
    return this.run(member, policySaveInput, input, (policy) => {
      this.deps.deadlines.savePolicy(policy);
      const key = `${policy.category ?? '*'}/${policy.severity ?? '*'}`;
      return { value: key, audit: this.note('policy-save', 'deadline-policy', key, policy) };
    });
  }

  deletePolicy(member: StaffMember, input: FormInput<typeof policyDeleteInput>): ActionResult<number> {
    return this.run(member, policyDeleteInput, input, ({ id }) => {
      const policy = this.deps.deadlines.policies().find((p) => p.id === id);
      if (!policy) throw new ActionError('policy', messages.policyGone);
      if (!policy.category && !policy.severity) throw new ActionError('policy', messages.defaultPolicy);
      this.deps.deadlines.deletePolicy(id);
      return { value: id, audit: this.note('policy-delete', 'deadline-policy', id) };
    });
  }

  saveBusinessHours(member: StaffMember, input: FormInput<typeof businessHoursInput>): ActionResult<BusinessHours> {
    return this.run(member, businessHoursInput, input, (hours) => {
      this.deps.deadlines.setBusinessHours(hours);
      return { value: hours, audit: this.note('hours-save', 'business-hours', 'complaints', hours) };
    });
  }

  /** Turns the page's form fields (strings, checkboxes named `member-<id>` and `day-<n>`) into an action's input. */
  private dispatch(member: StaffMember, action: RoutingAction, form: Record<string, string>): ActionResult<unknown> {
    switch (action) {
      case 'rule-add':
        return this.addRule(member, form);
      case 'rule-update':
        return this.updateRule(member, form);
      case 'rule-delete':
        return this.deleteRule(member, form);
      case 'team-add':
        return this.addTeam(member, form);
      case 'team-update': {
        const members = Object.keys(form).filter((k) => k.startsWith('member-')).map((k) => Number(k.slice(7))).filter(Number.isInteger);
        return this.updateTeam(member, { id: form.id, name: form.name, leadEmail: form.leadEmail, members });
      }
      case 'policy-save':
        return this.savePolicy(member, form);
      case 'policy-delete':
        return this.deletePolicy(member, form);
      case 'hours-save': {
        const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => form[`day-${d}`] === '1');
        return this.saveBusinessHours(member, { enabled: form.enabled === '1', timeZone: form.timeZone ?? '', days, start: form.start ?? '', end: form.end ?? '' });
      }
    }
  }

  private run<S extends z.ZodTypeAny, T>(member: StaffMember, schema: S, input: unknown, change: (input: z.output<S>) => Change<T>): ActionResult<T> {
    return runAction(this.deps.db, member, routingPermission, () => change(schema.parse(input) as z.output<S>));
  }

  private refuse(member: StaffMember, error: ActionError): ActionResult<never> {
    return runAction(this.deps.db, member, routingPermission, (): Change<never> => {
      throw error;
    });
  }

  private note(action: RoutingAction, objectType: string, objectId: string | number, detail?: object): AuditNote {
    return { action: `routing.${action}`, objectType, objectId, ...(detail ? { detail: { ...detail } } : {}) };
  }
}
