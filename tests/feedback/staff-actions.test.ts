import { describe, expect, it } from 'vitest';
import { queryAudit } from '@core/staff/audit.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { complaintInput, setup, type Fixture } from './helpers.ts';

function addStaff(f: Fixture, role: StaffMember['role'], email: string): StaffMember {
  const now = new Date().toISOString();
  const id = Number(
    f.db
      .prepare('INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(email, email.split('@')[0], role, 'x', now, now, now).lastInsertRowid,
  );
  return { id, email, name: email.split('@')[0]!, role };
}

function world() {
  const f = setup();
  const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
  const r = f.feedback.complaints.submit(complaintInput(), { channel: 'web' });
  if (!r.ok) throw new Error('not saved');
  const complaint = f.feedback.complaints.get(r.complaint.id)!;
  const audit = () => queryAudit(f.db, { objectType: 'complaint' }).rows;
  const events = () => f.feedback.complaints.timeline(complaint.id).map((e) => e.kind);
  return { ...f, agent, complaint, audit, events, handling: f.feedback.handling };
}

describe('staff actions on a complaint', () => {
  it('each action changes the complaint and writes its audit entry', () => {
    const w = world();
    const act = (form: Record<string, string>) => w.handling.act(w.agent, w.complaint.id, form);
    expect(act({ action: 'note', note: 'Seal batch 7, see ticket 77.' })).toEqual({ ok: true, value: 'note' });
    expect(act({ action: 'assign', assigneeId: String(w.agent.id) })).toEqual({ ok: true, value: 'assign' });
    expect(act({ action: 'reply', message: 'A technician will call you.', nextStatus: 'waiting-for-customer' })).toEqual({ ok: true, value: 'reply' });
    expect(act({ action: 'status', status: 'in-progress' })).toEqual({ ok: true, value: 'status' });
    expect(act({ action: 'reroute', teamId: 'logistics', reason: 'Damaged in transport' })).toEqual({ ok: true, value: 'reroute' });
    expect(act({ action: 'reclassify', category: 'delivery', severity: 'high', product: 'aquawash' })).toEqual({ ok: true, value: 'reclassify' });

    const c = w.feedback.complaints.get(w.complaint.id)!;
    expect(c).toMatchObject({ assigneeId: w.agent.id, status: 'in-progress', teamId: 'logistics', category: 'delivery', severity: 'high' });
    expect(w.events()).toEqual(expect.arrayContaining(['note', 'assigned', 'reply', 'status', 'rerouted', 'reclassified']));
    const entries = w.audit();
    expect(entries.map((e) => e.action).sort()).toEqual(
      ['complaint.assign', 'complaint.note', 'complaint.reclassify', 'complaint.reply', 'complaint.reroute', 'complaint.status'].sort(),
    );
    expect(entries.every((e) => e.actorId === w.agent.id && e.objectId === w.complaint.reference)).toBe(true);
    expect(entries.find((e) => e.action === 'complaint.reroute')?.detail).toEqual({ from: w.complaint.teamId, to: 'logistics' });
  });

  it('a refused action changes nothing and leaves no audit entry, naming the field', () => {
    const w = world();
    const before = w.events();
    const refusals: Array<[Record<string, string>, string, string]> = [
      [{ action: 'reply', message: '   ' }, 'message', 'Write the reply first.'],
      [{ action: 'reply', message: 'x'.repeat(5001) }, 'message', 'A reply can be at most 5000 characters.'],
      [{ action: 'assign', assigneeId: '999' }, 'assigneeId', 'Choose someone who handles complaints.'],
      [{ action: 'status', status: 'sleeping' }, 'status', 'Choose a status from the list.'],
      [{ action: 'reroute', teamId: w.complaint.teamId!, reason: 'same' }, 'teamId', 'The complaint is already with this team.'],
      [{ action: 'reroute', teamId: 'logistics', reason: '' }, 'reason', 'Say why the complaint moves to another team.'],
      [{ action: 'reclassify', category: 'delivery', severity: 'extreme' }, 'severity', 'Choose a severity.'],
      [{ action: 'reclassify', category: 'delivery', severity: 'low', product: 'toaster' }, 'product', 'Choose a product from the list.'],
      [{ action: 'dance' }, 'action', 'Unknown action.'],
    ];
    for (const [form, field, message] of refusals) {
      const result = w.handling.act(w.agent, w.complaint.id, form);
      expect(result, JSON.stringify(form)).toEqual({ ok: false, status: 400, errors: { [field]: message } });
    }
    expect(w.events()).toEqual(before);
    expect(w.audit()).toEqual([]);
  });

  it('a change whose audit entry cannot be written is rolled back with it', () => {
    const w = world();
    const before = w.events();
    w.db.exec('ALTER TABLE audit_log RENAME TO audit_log_gone');
    expect(() => w.handling.act(w.agent, w.complaint.id, { action: 'note', note: 'Lost with its audit entry' })).toThrow(/audit_log/);
    expect(w.events()).toEqual(before);
    w.db.exec('ALTER TABLE audit_log_gone RENAME TO audit_log');
    expect(w.handling.act(w.agent, w.complaint.id, { action: 'note', note: 'Kept with its audit entry' }).ok).toBe(true);
    expect(w.events()).toEqual([...before, 'note']);
    expect(w.audit().map((e) => e.action)).toEqual(['complaint.note']);
  });

  it('roles without complaints:handle are refused with 403 and write nothing', () => {
    const w = world();
    const product = addStaff(w, 'product', 'pm@example.com');
    const before = w.events();
    expect(w.handling.act(product, w.complaint.id, { action: 'note', note: 'hello' })).toMatchObject({ ok: false, status: 403 });
    expect(w.handling.record(product, { channel: 'phone', locale: 'en', subject: 'Leak', description: 'It leaks from the door seal.' })).toMatchObject({ ok: false, status: 403 });
    expect(w.events()).toEqual(before);
    expect(w.audit()).toEqual([]);
  });

  it('records a complaint from another channel with its audit entry, once per form', () => {
    const w = world();
    const form = { channel: 'phone', locale: 'en', product: '', subject: 'Dryer is loud', description: 'The dryer makes a grinding noise.', idempotencyKey: 'form-key-12345' };
    const first = w.handling.record(w.agent, form);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.value.trackingUrl).toMatch(/^https:\/\/help\.example\/track\//);
    expect(w.feedback.complaints.get(first.value.id)).toMatchObject({ channel: 'phone', recordedBy: w.agent.id, product: null });
    expect(queryAudit(w.db, { action: 'complaint.record' }).rows).toMatchObject([{ objectId: first.value.reference, detail: { channel: 'phone' } }]);
    const conflict = w.handling.record(w.agent, { ...form, subject: 'Something else' });
    expect(conflict).toMatchObject({ ok: false, status: 409 });
    const invalid = w.handling.record(w.agent, { ...form, idempotencyKey: 'other-key-123', subject: 'x' });
    expect(invalid).toMatchObject({ ok: false, status: 400, errors: { subject: expect.stringContaining('3') } });
    expect(queryAudit(w.db, { action: 'complaint.record' }).total).toBe(1);
  });
});

describe('who may see which complaint', () => {
  it('product people see only their teams’ complaints, masked, in lists and by number', () => {
    const w = world();
    const product = addStaff(w, 'product', 'pm@example.com');
    w.feedback.routing.setMembers('finance', [product.id]);
    const theirs = w.feedback.complaints.submit(complaintInput({ subject: 'Charged twice', description: 'I was charged twice for the same order.' }), { channel: 'web' });
    if (!theirs.ok) throw new Error('not saved');
    if (w.feedback.complaints.get(theirs.complaint.id)?.teamId !== 'finance') w.feedback.complaints.reroute(theirs.complaint.id, w.agent.id, 'finance', 'billing');
    if (w.complaint.teamId === 'finance') w.feedback.complaints.reroute(w.complaint.id, w.agent.id, 'service-centre', 'not billing');

    expect(w.handling.open(product, String(w.complaint.id))).toBeUndefined();
    expect(w.handling.open(product, w.complaint.reference)).toBeUndefined();
    const seen = w.handling.open(product, theirs.complaint.reference);
    expect(seen?.complaint.id).toBe(theirs.complaint.id);
    expect(seen?.complaint.email).not.toBe('anna.virtanen@example.com');
    expect(seen?.access).toMatchObject({ pii: false, handle: false, teams: ['finance'] });

    const inbox = w.handling.inbox(product, new URLSearchParams());
    expect(inbox.rows.map((c) => c.id)).toEqual([theirs.complaint.id]);
    expect(inbox.teams.map((t) => t.id)).toEqual(['finance']);
    expect(inbox.counts.open).toBe(1);

    const agentInbox = w.handling.inbox(w.agent, new URLSearchParams({ team: 'finance', page: '99' }));
    expect(agentInbox.rows.map((c) => c.id)).toEqual([theirs.complaint.id]);
    expect(agentInbox.rows[0]?.email).toBe('anna.virtanen@example.com');
    expect(agentInbox.page).toBe(1);
  });

  it('a trainee sees no complaint at all', () => {
    const w = world();
    const trainee = addStaff(w, 'trainee', 'new@example.com');
    expect(w.handling.open(trainee, String(w.complaint.id))).toBeUndefined();
    expect(w.handling.inbox(trainee, new URLSearchParams()).rows).toEqual([]);
  });
});
