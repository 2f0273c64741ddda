import { describe, expect, it } from 'vitest';
import { queryAudit } from '@core/staff/audit.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { setup, type Fixture } from './helpers.ts';

function addStaff(f: Fixture, role: StaffMember['role'], email: string, disabled = false): StaffMember {
  const now = new Date().toISOString();
  const id = Number(
    f.db
      .prepare('INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(email, email.split('@')[0], role, 'x', now, now, now, disabled ? now : null).lastInsertRowid,
  );
  return { id, email, name: email.split('@')[0]!, role };
}

function world() {
  const f = setup();
  const admin = addStaff(f, 'admin', 'admin@example.com');
  const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
  const settings = f.feedback.routingSettings;
  const audit = () => queryAudit(f.db, { action: 'routing' }).rows;
  /** Everything the settings page can change, and the audit log, as one comparable value. */
  const state = () =>
    JSON.stringify(
      ['routing_rules', 'complaint_teams', 'complaint_team_members', 'deadline_policies', 'feedback_settings', 'audit_log'].map((t) =>
        f.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
      ),
    );
  return { ...f, admin, agent, settings, audit, state };
}

describe('routing settings: each action changes the setting and writes its audit entry', () => {
  it('adds, updates and deletes a routing rule', () => {
    const w = world();
    const added = w.settings.act(w.admin, { action: 'rule-add', category: 'delivery', product: 'sweepbot', severity: '', teamId: 'rd-robotics', note: ' Robot deliveries ' });
    expect(added).toEqual({ ok: true, value: 'rule-add' });
    const rule = w.feedback.routing.rules().find((r) => r.note === 'Robot deliveries')!;
    expect(rule).toMatchObject({ category: 'delivery', product: 'sweepbot', severity: null, teamId: 'rd-robotics' });
    expect(w.feedback.routing.route({ category: 'delivery', product: 'sweepbot', severity: 'low' })).toEqual({ teamId: 'rd-robotics', ruleId: rule.id });
    expect(w.audit()[0]).toMatchObject({
      action: 'routing.rule-add',
      actorId: w.admin.id,
      objectType: 'routing-rule',
      objectId: String(rule.id),
      detail: { category: 'delivery', product: 'sweepbot', severity: null, teamId: 'rd-robotics', note: 'Robot deliveries' },
    });

    const updated = w.settings.act(w.admin, { action: 'rule-update', id: String(rule.id), position: '3', category: 'delivery', product: '', severity: 'high', teamId: 'logistics', note: 'Urgent deliveries' });
    expect(updated).toEqual({ ok: true, value: 'rule-update' });
    expect(w.feedback.routing.rules().find((r) => r.id === rule.id)).toMatchObject({ position: 3, product: null, severity: 'high', teamId: 'logistics', note: 'Urgent deliveries' });
    expect(w.audit()[0]).toMatchObject({ action: 'routing.rule-update', objectId: String(rule.id), detail: { category: 'delivery', product: null, severity: 'high', teamId: 'logistics', note: 'Urgent deliveries', position: 3 } });

    expect(w.settings.deleteRule(w.admin, { id: rule.id })).toEqual({ ok: true, value: rule.id });
    expect(w.feedback.routing.rules().some((r) => r.id === rule.id)).toBe(false);
    expect(w.audit()[0]).toMatchObject({ action: 'routing.rule-delete', objectType: 'routing-rule', objectId: String(rule.id), detail: null });
    expect(w.audit().map((e) => e.action)).toEqual(['routing.rule-delete', 'routing.rule-update', 'routing.rule-add']);
  });

  it('adds a team, then renames it and sets its product-team members', () => {
    const w = world();
    const product = addStaff(w, 'product', 'pia@example.com');
    const other = addStaff(w, 'product', 'olli@example.com');
    expect(w.settings.act(w.admin, { action: 'team-add', id: ' rd-garden ', name: 'R&D Garden', kind: 'rd', leadEmail: '' })).toEqual({ ok: true, value: 'team-add' });
    expect(w.feedback.routing.team('rd-garden')).toEqual({ id: 'rd-garden', name: 'R&D Garden', kind: 'rd', leadEmail: null });
    expect(w.audit()[0]).toMatchObject({ action: 'routing.team-add', objectType: 'team', objectId: 'rd-garden', detail: null });

    const form = { action: 'team-update', id: 'rd-garden', name: 'R&D Garden tools', leadEmail: 'garden-lead@example.com', [`member-${product.id}`]: '1', [`member-${other.id}`]: '1' };
    expect(w.settings.act(w.admin, form)).toEqual({ ok: true, value: 'team-update' });
    expect(w.feedback.routing.team('rd-garden')).toMatchObject({ name: 'R&D Garden tools', leadEmail: 'garden-lead@example.com' });
    expect(w.feedback.routing.members('rd-garden')).toEqual([product.id, other.id].sort((a, b) => a - b));
    expect(w.audit()[0]).toMatchObject({ action: 'routing.team-update', objectType: 'team', objectId: 'rd-garden', detail: { name: 'R&D Garden tools', members: [product.id, other.id] } });

    // Unticking everyone empties the team.
    expect(w.settings.updateTeam(w.admin, { id: 'rd-garden', name: 'R&D Garden tools', leadEmail: null, members: [] }).ok).toBe(true);
    expect(w.feedback.routing.members('rd-garden')).toEqual([]);
  });

  it('saves and deletes a deadline policy', () => {
    const w = world();
    expect(w.settings.act(w.admin, { action: 'policy-save', category: 'delivery', severity: 'high', responseHours: '4', resolutionHours: '48' })).toEqual({ ok: true, value: 'policy-save' });
    const policy = w.feedback.deadlines.policies().find((p) => p.category === 'delivery' && p.severity === 'high')!;
    expect(policy).toMatchObject({ responseHours: 4, resolutionHours: 48 });
    expect(w.feedback.deadlines.policyFor('delivery', 'high')).toMatchObject({ responseHours: 4, resolutionHours: 48 });
    expect(w.audit()[0]).toMatchObject({
      action: 'routing.policy-save',
      objectType: 'deadline-policy',
      objectId: 'delivery/high',
      detail: { category: 'delivery', severity: 'high', responseHours: 4, resolutionHours: 48 },
    });
    // The default policy (any category, any severity) is saved under */*.
    expect(w.settings.savePolicy(w.admin, { category: '', severity: '', responseHours: 10, resolutionHours: 100 })).toEqual({ ok: true, value: '*/*' });

    expect(w.settings.act(w.admin, { action: 'policy-delete', id: String(policy.id) })).toEqual({ ok: true, value: 'policy-delete' });
    expect(w.feedback.deadlines.policies().some((p) => p.id === policy.id)).toBe(false);
    expect(w.audit()[0]).toMatchObject({ action: 'routing.policy-delete', objectType: 'deadline-policy', objectId: String(policy.id), detail: null });
  });

  it('saves the business hours from the form’s checkboxes', () => {
    const w = world();
    const form = { action: 'hours-save', enabled: '1', timeZone: ' Europe/Athens ', start: '09:00', end: '16:30', 'day-1': '1', 'day-3': '1', 'day-5': '1' };
    expect(w.settings.act(w.admin, form)).toEqual({ ok: true, value: 'hours-save' });
    const hours = { enabled: true, timeZone: 'Europe/Athens', days: [1, 3, 5], start: '09:00', end: '16:30' };
    expect(w.feedback.deadlines.businessHours()).toEqual(hours);
    expect(w.audit()[0]).toMatchObject({ action: 'routing.hours-save', objectType: 'business-hours', objectId: 'complaints', detail: hours });
  });
});

describe('routing settings: a refused change changes nothing and leaves no audit entry', () => {
  it('names the field and keeps today’s messages', () => {
    const w = world();
    const before = w.state();
    const refusals: Array<[Record<string, string>, string, string]> = [
      [{ action: 'rule-add', category: 'weather', teamId: 'finance' }, 'category', 'Choose a category from the list.'],
      [{ action: 'rule-add', product: 'toaster', teamId: 'finance' }, 'product', 'Choose a product from the list.'],
      [{ action: 'rule-add', severity: 'extreme', teamId: 'finance' }, 'severity', 'Choose a severity from the list.'],
      [{ action: 'rule-add', teamId: 'ghosts' }, 'teamId', 'Choose a team from the list.'],
      [{ action: 'rule-add', teamId: 'finance', note: 'x'.repeat(201) }, 'note', 'Write a note of at most 200 characters.'],
      [{ action: 'rule-update', id: '1', position: '1.5', teamId: 'finance' }, 'position', 'Enter the order as a whole number.'],
      [{ action: 'rule-update', id: '1', position: '1000001', teamId: 'finance' }, 'position', 'Enter the order as a whole number.'],
      [{ action: 'rule-update', id: '99999', position: '1', teamId: 'finance' }, 'rule', 'This rule no longer exists.'],
      [{ action: 'rule-delete', id: '99999' }, 'id', 'This rule no longer exists.'],
      [{ action: 'team-add', id: 'X', name: 'Shouting', kind: 'other' }, 'id', 'Use 2 to 41 lowercase letters, digits and hyphens for the team id.'],
      [{ action: 'team-add', id: 'finance', name: 'Finance again', kind: 'finance' }, 'id', 'A team with this id exists already.'],
      [{ action: 'team-add', id: 'new-team', name: 'New', kind: 'circus' }, 'kind', 'Choose a kind of team.'],
      [{ action: 'team-add', id: 'new-team', name: '  ', kind: 'other' }, 'name', 'Give the team a name of at most 100 characters.'],
      [{ action: 'team-add', id: 'new-team', name: 'New', kind: 'other', leadEmail: 'not an email' }, 'leadEmail', 'Enter the team lead’s email address like name@example.com.'],
      [{ action: 'team-update', id: 'finance', name: 'x'.repeat(101) }, 'name', 'Give the team a name of at most 100 characters.'],
      [{ action: 'team-update', id: 'ghosts', name: 'Ghosts' }, 'id', 'This team no longer exists.'],
      [{ action: 'team-update', id: 'finance', name: 'Finance', [`member-${w.agent.id}`]: '1' }, 'members', 'Choose members among the product-team accounts.'],
      [{ action: 'policy-save', responseHours: '0', resolutionHours: '10' }, 'responseHours', 'Enter a number of hours between 0.25 and 8784.'],
      [{ action: 'policy-save', responseHours: '10', resolutionHours: '9000' }, 'resolutionHours', 'Enter a number of hours between 0.25 and 8784.'],
      [{ action: 'policy-save', responseHours: 'soon', resolutionHours: '10' }, 'responseHours', 'Enter a number of hours between 0.25 and 8784.'],
      [{ action: 'policy-save', responseHours: '9000', resolutionHours: '10' }, 'responseHours', 'Enter a number of hours between 0.25 and 8784.'],
      [{ action: 'policy-save', responseHours: '10', resolutionHours: '5' }, 'resolutionHours', 'The resolution deadline cannot come before the first response.'],
      [{ action: 'policy-save', category: 'weather', responseHours: '1', resolutionHours: '5' }, 'category', 'Choose a category from the list.'],
      [{ action: 'policy-delete', id: '99999' }, 'policy', 'This policy no longer exists.'],
      [{ action: 'hours-save', timeZone: 'Mars/Olympus', start: '08:00', end: '17:00', 'day-1': '1' }, 'timeZone', 'Use an IANA time zone such as Europe/Helsinki.'],
      [{ action: 'hours-save', timeZone: 'Europe/Helsinki', start: '8', end: '17:00', 'day-1': '1' }, 'start', 'Use HH:MM, for example 08:00.'],
      [{ action: 'hours-save', timeZone: 'Europe/Helsinki', start: '08:00', end: '07:00', 'day-1': '1' }, 'end', 'Closing time must be after opening time.'],
      [{ action: 'hours-save', timeZone: 'Europe/Helsinki', start: '08:00', end: '17:00' }, 'days', 'Choose at least one working day.'],
      [{ action: 'dance' }, 'action', 'Unknown action.'],
    ];
    for (const [form, field, message] of refusals) {
      expect(w.settings.act(w.admin, form), JSON.stringify(form)).toEqual({ ok: false, status: 400, errors: { [field]: message } });
    }
    expect(w.state()).toBe(before);
    expect(w.audit()).toEqual([]);
  });

  it('reports every problem of a form at once', () => {
    const w = world();
    const result = w.settings.act(w.admin, { action: 'rule-add', category: 'weather', product: 'toaster', teamId: '' });
    expect(result).toEqual({
      ok: false,
      status: 400,
      errors: { category: 'Choose a category from the list.', product: 'Choose a product from the list.', teamId: 'Choose a team from the list.' },
    });
  });

  it('the default deadline policy can be changed but not deleted', () => {
    const w = world();
    const before = w.state();
    const fallback = w.feedback.deadlines.policies().find((p) => !p.category && !p.severity)!;
    expect(w.settings.deletePolicy(w.admin, { id: fallback.id })).toEqual({ ok: false, status: 400, errors: { policy: 'The default policy can be changed but not deleted.' } });
    expect(w.state()).toBe(before);
  });

  it('refuses people without routing:manage (403) before looking at the form', () => {
    const w = world();
    const editor = addStaff(w, 'editor', 'editor@example.com');
    const before = w.state();
    const forms: Array<Record<string, string>> = [
      { action: 'rule-add', category: 'delivery', teamId: 'logistics' },
      { action: 'rule-delete', id: String(w.feedback.routing.rules()[0]!.id) },
      { action: 'team-add', id: 'sneaky', name: 'Sneaky', kind: 'other' },
      { action: 'team-update', id: 'finance', name: 'Mine now' },
      { action: 'policy-save', responseHours: '1', resolutionHours: '2' },
      { action: 'hours-save', timeZone: 'Europe/Helsinki', start: '08:00', end: '17:00', 'day-1': '1' },
      { action: 'dance' },
    ];
    for (const who of [w.agent, editor]) {
      for (const form of forms) {
        const result = w.settings.act(who, form);
        expect(result.ok, JSON.stringify(form)).toBe(false);
        if (!result.ok) {
          expect(result.status).toBe(403);
          expect(Object.keys(result.errors)).toEqual(['form']);
          expect(result.errors.form).toContain('routing:manage');
        }
      }
    }
    expect(w.state()).toBe(before);
    expect(w.audit()).toEqual([]);
  });

  it('a change whose audit entry cannot be written is rolled back with it', () => {
    const w = world();
    const before = w.state();
    w.db.exec('ALTER TABLE audit_log RENAME TO audit_log_gone');
    expect(() => w.settings.act(w.admin, { action: 'rule-add', category: 'delivery', teamId: 'logistics', note: 'Lost' })).toThrow(/audit_log/);
    expect(() => w.settings.act(w.admin, { action: 'team-add', id: 'lost-team', name: 'Lost', kind: 'other' })).toThrow(/audit_log/);
    w.db.exec('ALTER TABLE audit_log_gone RENAME TO audit_log');
    expect(w.state()).toBe(before);
    // The services' caches were not left holding the rolled-back rows.
    expect(w.feedback.routing.rules().some((r) => r.note === 'Lost')).toBe(false);
    expect(w.feedback.routing.team('lost-team')).toBeUndefined();
  });
});

describe('routing settings page data', () => {
  it('lists active product-team accounts by email and answers "where would it go?"', () => {
    const w = world();
    const b = addStaff(w, 'product', 'bea@example.com');
    const a = addStaff(w, 'product', 'aki@example.com');
    addStaff(w, 'product', 'gone@example.com', true);
    w.feedback.routing.setMembers('rd-cooling', [b.id]);
    const view = w.settings.view(new URLSearchParams({ tryCategory: 'product-defect', tryProduct: 'frostline', trySeverity: 'nonsense', team: 'rd-cooling' }));
    expect(view.productPeople.map((u) => u.id)).toEqual([a.id, b.id]);
    expect(view.members.get('rd-cooling')).toEqual([b.id]);
    expect(view.editTeam?.id).toBe('rd-cooling');
    expect(view.tryout.decision?.teamId).toBe('rd-cooling');
    expect(view.tryout.severity).toBe('nonsense');
    expect(w.settings.view(new URLSearchParams()).tryout.decision).toBeUndefined();
  });
});
