import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { ContentStore } from '@core/content/store.ts';
import type { Db } from '@core/db/database.ts';
import { defaultLocale } from '@core/i18n/locales.ts';
import { ActionError, parseInput, permissionRefusal, runAction, type ActionResult } from '@core/staff/actions.ts';
import { can, roles, type Role } from '@core/staff/roles.ts';
import { StaffDirectory, type StaffMember, type StaffUser } from '@core/staff/users.ts';
import type { RevisionStore } from '../articles/revisions.ts';
import { tracksOf } from './paths.ts';
import { trackProgress, type TrackProgress } from './progress.ts';
import type { Assignment, ProgressStore } from './progress-store.ts';
import type { TrackCatalog } from './tracks.ts';

/**
 * What managers see and do: administrators (`onboarding:manage`) for every staff account, a team lead
 * for the accounts an administrator put in their team. Who is in scope is decided here, once.
 */

export interface PersonReport {
  user: StaffUser;
  leadId?: number;
  tracks: TrackProgress[];
}

export interface ManagerView {
  /** Everyone, or a team lead's team. */
  all: boolean;
  people: PersonReport[];
  assignments: Assignment[];
  /** Accounts that can lead a team (for the administrators' form). */
  candidates: StaffUser[];
}

const assignInput = z.object({
  track: z.string().max(100),
  target: z.string().regex(/^(?:user:\d{1,9}|role:[a-z]{1,20})$/, 'choose a person or a role'),
});
const unassignInput = z.object({ assignment: z.string().regex(/^\d{1,9}$/, 'is not an assignment; reload the page').transform(Number) });
const leadInput = z.object({
  member: z.string().regex(/^\d{1,9}$/, 'choose a person').transform(Number),
  lead: z.string().regex(/^(?:\d{1,9})?$/, 'choose a team lead or none').transform((v) => (v ? Number(v) : null)),
});

export class OnboardingManager {
  private readonly directory: StaffDirectory;

  constructor(private readonly deps: { db: Db; content: ContentStore; revisions: RevisionStore; store: ProgressStore; catalog: TrackCatalog }) {
    this.directory = new StaffDirectory(deps.db);
  }

  /** The accounts a person manages: every active one for administrators, their team for a lead, else none. */
  private scope(member: StaffMember): { all: boolean; users: StaffUser[] } {
    const everyone = this.directory.withPermission('onboarding:read');
    if (can(member.role, 'onboarding:manage')) return { all: true, users: everyone };
    const leads = this.deps.store.leads();
    return { all: false, users: everyone.filter((u) => leads.get(u.id) === member.id) };
  }

  /** Whether the person may open the managers' page at all. */
  manages(member: StaffMember): boolean {
    return this.scope(member).all || this.scope(member).users.length > 0;
  }

  view(member: StaffMember): ManagerView | undefined {
    const { all, users } = this.scope(member);
    if (!all && users.length === 0) return undefined;
    const tracks = this.deps.catalog.all();
    const assignments = this.deps.store.assignments();
    const leads = this.deps.store.leads();
    const people = users.map((user) => ({
      user,
      leadId: leads.get(user.id),
      tracks: tracksOf(user, tracks, assignments).map((t) => trackProgress(this.deps, user.id, t, defaultLocale)),
    }));
    const ids = new Set(users.map((u) => u.id));
    return {
      all,
      people,
      assignments: all ? assignments : assignments.filter((a) => a.userId !== null && ids.has(a.userId)),
      candidates: all ? this.directory.withPermission('onboarding:read') : [],
    };
  }

  /** Completion per person and track as CSV (one row each), for the people in the manager's scope. */
  csv(member: StaffMember): string | undefined {
    const view = this.view(member);
    if (!view) return undefined;
    const rows = view.people.flatMap((p) =>
      p.tracks.map((t) => [
        p.user.name,
        p.user.email,
        p.user.role,
        t.track.id,
        t.title,
        t.done,
        t.total,
        t.complete ? 'complete' : t.done > 0 ? 'in progress' : 'not started',
        t.completedAt ?? '',
        `${t.correct}/${t.questions}`,
        t.steps.filter((s) => s.changedRevisionId).length,
      ]),
    );
    return stringify([['name', 'email', 'role', 'track', 'track title', 'steps done', 'steps', 'status', 'completed at', 'check answers right', 'changed since read'], ...rows]);
  }

  private refuseOutside(member: StaffMember): { all: boolean; users: StaffUser[] } {
    const scope = this.scope(member);
    if (!scope.all && scope.users.length === 0) throw permissionRefusal(member, 'onboarding:manage');
    return scope;
  }

  /** Assigns a track to an account (in the manager's scope) or, for administrators, to a whole role. */
  assign(member: StaffMember, form: Record<string, string>): ActionResult<{ created: boolean }> {
    return runAction(this.deps.db, member, 'onboarding:read', () => {
      const scope = this.refuseOutside(member);
      const input = parseInput(assignInput, form);
      if (!this.deps.catalog.get(input.track)) throw new ActionError('track', 'is not a track; reload the page');
      const [kind, value = ''] = input.target.split(':');
      let target: { userId: number } | { role: Role };
      if (kind === 'role') {
        if (!scope.all) throw new ActionError('target', 'only administrators assign tracks to a whole role', 403);
        if (!(roles as readonly string[]).includes(value)) throw new ActionError('target', 'is not a role');
        target = { role: value as Role };
      } else {
        if (!scope.users.some((u) => u.id === Number(value))) throw new ActionError('target', 'is not a person you manage');
        target = { userId: Number(value) };
      }
      const created = this.deps.store.assign(input.track, target, member.id);
      return { value: { created }, audit: { action: 'onboarding.assign', objectType: 'track', objectId: input.track, detail: target } };
    });
  }

  unassign(member: StaffMember, form: Record<string, string>): ActionResult<void> {
    return runAction(this.deps.db, member, 'onboarding:read', () => {
      const scope = this.refuseOutside(member);
      const { assignment } = parseInput(unassignInput, form);
      const found = this.deps.store.assignments().find((a) => a.id === assignment);
      const mine = found && (scope.all || (found.userId !== null && scope.users.some((u) => u.id === found.userId)));
      if (!found || !mine) throw new ActionError('assignment', 'is not an assignment you manage; reload the page', 404);
      this.deps.store.unassign(assignment);
      return { value: undefined, audit: { action: 'onboarding.unassign', objectType: 'track', objectId: found.trackId, detail: { userId: found.userId, role: found.role } } };
    });
  }

  /** Administrators put an account in a team lead's team (or take it out). */
  setLead(member: StaffMember, form: Record<string, string>): ActionResult<void> {
    return runAction(this.deps.db, member, 'onboarding:manage', () => {
      const input = parseInput(leadInput, form);
      const people = new Set(this.directory.withPermission('onboarding:read').map((u) => u.id));
      if (!people.has(input.member)) throw new ActionError('member', 'is not an active staff account');
      if (input.lead !== null && (!people.has(input.lead) || input.lead === input.member)) throw new ActionError('lead', 'choose another active account as team lead');
      this.deps.store.setLead(input.member, input.lead);
      return { value: undefined, audit: { action: 'onboarding.lead', objectType: 'user', objectId: input.member, detail: { lead: input.lead } } };
    });
  }
}
