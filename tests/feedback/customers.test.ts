import { describe, expect, it } from 'vitest';
import type { StaffMember } from '@core/staff/users.ts';
import { editDistance, foldName, normaliseEmail, normalisePhone } from '@feedback/customers/identity.ts';
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

const letter = { channel: 'letter', locale: 'fi', product: 'aquawash', subject: 'Kirje vuotavasta koneesta', description: 'Kone vuotaa edelleen, kirjoitan kirjeen.' };

/** Anna files on the web; an agent records her letter, which gives only her phone in national notation. */
function world() {
  const f = setup();
  const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
  const web = f.feedback.complaints.submit(complaintInput({ email: '  Anna.Virtanen@Example.com ' }), { channel: 'web' });
  if (!web.ok) throw new Error('not saved');
  const recorded = f.feedback.handling.record(agent, { ...letter, name: 'Anna Virtanen', phone: '040 123 4567' });
  if (!recorded.ok) throw new Error(JSON.stringify(recorded.errors));
  const other = f.feedback.complaints.submit(complaintInput({ email: 'bob@example.org', name: 'Bob Smith', phone: undefined }), { channel: 'api' });
  if (!other.ok) throw new Error('not saved');
  return { ...f, agent, web: web.complaint, recorded: recorded.value, other: other.complaint };
}

const auditCount = (f: Fixture, action: string) => f.db.prepare('SELECT COUNT(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

describe('customer identity', () => {
  it('normalises emails, phone numbers (E.164) and names the way matching needs', () => {
    expect(normaliseEmail('  Anna.Virtanen@Example.COM ')).toBe('anna.virtanen@example.com');
    expect(normaliseEmail('   ')).toBeNull();
    expect(normalisePhone('040 123 4567', 'FI')).toBe('+358401234567');
    expect(normalisePhone('+358 (40) 123-4567', 'FI')).toBe('+358401234567');
    expect(normalisePhone('12', 'FI')).toBeNull();
    expect(foldName('  Ánna   Virtänen-Núñez! ')).toBe('anna virtanen nunez');
    expect(editDistance('jhon', 'john')).toBe(1);
    expect(editDistance('smith', 'smyth')).toBe(1);
  });
});

describe('the customer record', () => {
  it('attaches the web complaint and the recorded letter to one customer, in the intake', () => {
    const f = world();
    const store = f.feedback.customers.store;
    const a = store.customerOf(f.web.id);
    expect(a).toBeDefined();
    expect(store.customerOf(f.recorded.id)).toBe(a);
    expect(store.customerOf(f.other.id)).not.toBe(a);
    expect(store.get(a!)).toMatchObject({ email: 'anna.virtanen@example.com', phone: '+358401234567', name: 'Anna Virtanen', locale: 'fi' });
  });

  it('finds a customer by a misspelt or accent-free name, an email fragment, a phone number or a reference', () => {
    const f = world();
    const anna = f.feedback.customers.store.customerOf(f.web.id);
    for (const q of ['Ana Virtnen', 'ANNA VIRTÄNEN', 'virtanen', 'Anan Vitranen', 'anna.virtanen@', '+358 40 1234567', '0401234567', '1234567', f.recorded.reference]) {
      expect(f.feedback.customers.search(f.agent, q).map((c) => c.id), q).toEqual([anna]);
    }
    expect(f.feedback.customers.search(f.agent, 'Carla Jones')).toEqual([]);
    const [found] = f.feedback.customers.search(f.agent, 'Ana Virtnen');
    expect(found!.complaints.map((c) => c.channel).sort()).toEqual(['letter', 'web']);
  });

  it('shows the product role only its teams’ customers, masked; other roles nothing', () => {
    const f = world();
    const product = addStaff(f, 'product', 'pm@example.com');
    const trainee = addStaff(f, 'trainee', 'new@example.com');
    const team = f.feedback.complaints.get(f.web.id)!.teamId!;
    f.db.prepare('INSERT INTO complaint_team_members (team_id, user_id) VALUES (?, ?)').run(team, product.id);
    const seen = f.feedback.customers.search(product, 'Ana Virtnen');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ email: 'a•••@e•••.com', name: 'A. V.', phone: '••• 67' });
    const record = f.feedback.customers.record(product, String(seen[0]!.id))!;
    expect(record.customer.email).toBe('a•••@e•••.com');
    expect(JSON.stringify(record)).not.toContain('virtanen@');
    expect(f.feedback.customers.search(trainee, 'Ana Virtnen')).toEqual([]);
    expect(f.feedback.customers.record(trainee, String(seen[0]!.id))).toBeUndefined();
    f.db.prepare('DELETE FROM complaint_team_members WHERE user_id = ?').run(product.id);
    f.db.prepare("INSERT INTO complaint_teams (id, name, kind) VALUES ('elsewhere', 'Elsewhere', 'rd')").run();
    f.db.prepare("INSERT INTO complaint_team_members (team_id, user_id) VALUES ('elsewhere', ?)").run(product.id);
    expect(f.feedback.customers.search(product, 'Ana Virtnen')).toEqual([]);
  });

  it('the record holds every complaint, the message timeline, notes and ratings; the complaint counts the others', () => {
    const f = world();
    f.feedback.complaints.reply(f.web.id, f.staffId, 'A technician will call you.');
    f.feedback.complaints.note(f.recorded.id, f.staffId, 'Same seal batch as her web complaint.');
    f.db.prepare("INSERT INTO complaint_ratings (complaint_id, rated_at, rating, comment) VALUES (?, '2026-03-03T10:00:00.000Z', 4, 'Quick help')").run(f.web.id);
    const id = f.feedback.customers.store.customerOf(f.web.id)!;
    const record = f.feedback.customers.record(f.agent, String(id))!;
    expect(record.complaints.map((c) => c.reference).sort()).toEqual([f.web.reference, f.recorded.reference].sort());
    expect(record.timeline.some((e) => e.kind === 'reply' && e.body === 'A technician will call you.')).toBe(true);
    expect(record.notes.map((n) => n.body)).toEqual(['Same seal batch as her web complaint.']);
    expect(record.ratings).toEqual([{ reference: f.web.reference, ratedAt: '2026-03-03T10:00:00.000Z', rating: 4, comment: 'Quick help' }]);
    expect(f.feedback.customers.forComplaint(f.agent, f.web.id)).toEqual({ customerId: id, others: 1 });
    expect(f.feedback.customers.forComplaint(f.agent, f.other.id)?.others).toBe(0);
  });

  it('links complaints filed before the customer record existed, once', () => {
    const f = world();
    f.db.exec('DELETE FROM customer_complaints; DELETE FROM customer_name_grams; DELETE FROM customers;');
    expect(f.feedback.customers.linkUnlinked()).toBe(3);
    expect(f.feedback.customers.linkUnlinked()).toBe(0);
    expect(f.db.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(2);
    expect(f.feedback.customers.store.customerOf(f.recorded.id)).toBe(f.feedback.customers.store.customerOf(f.web.id));
  });

  it('suggests likely duplicates, merges them on request and undoes the merge, each audited', () => {
    const f = world();
    const typo = f.feedback.complaints.submit(complaintInput({ email: 'anna.virtanen@exmaple.com', phone: undefined }), { channel: 'web' });
    if (!typo.ok) throw new Error('not saved');
    const { store } = f.feedback.customers;
    const anna = store.customerOf(f.web.id)!;
    const twin = store.customerOf(typo.complaint.id)!;
    expect(twin).not.toBe(anna);
    const record = f.feedback.customers.record(f.agent, String(anna))!;
    expect(record.duplicates.map((d) => d.id)).toEqual([twin]);

    const product = addStaff(f, 'product', 'pm@example.com');
    const refused = f.feedback.customers.act(product, anna, { action: 'merge', from: String(twin) });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(store.customerOf(typo.complaint.id)).toBe(twin);
    expect(auditCount(f, 'customer.merge')).toBe(0);

    expect(f.feedback.customers.act(f.agent, anna, { action: 'merge', from: String(anna) })).toMatchObject({ ok: false, errors: { from: expect.any(String) } });
    expect(f.feedback.customers.act(f.agent, anna, { action: 'merge', from: String(twin) })).toEqual({ ok: true, value: 'merge' });
    expect(store.customerOf(typo.complaint.id)).toBe(anna);
    expect(f.feedback.customers.record(f.agent, String(twin))).toBeUndefined();
    expect(auditCount(f, 'customer.merge')).toBe(1);
    // Mail from the merged address now lands on the surviving record.
    const later = f.feedback.complaints.submit(complaintInput({ email: 'anna.virtanen@exmaple.com', phone: undefined }), { channel: 'web' });
    if (!later.ok) throw new Error('not saved');
    expect(store.customerOf(later.complaint.id)).toBe(anna);

    const [merge] = f.feedback.customers.record(f.agent, String(anna))!.merges;
    expect(merge).toMatchObject({ fromId: twin, complaintIds: [typo.complaint.id] });
    expect(f.feedback.customers.act(f.agent, anna, { action: 'undo-merge', merge: String(merge!.id) })).toEqual({ ok: true, value: 'undo-merge' });
    expect(store.customerOf(typo.complaint.id)).toBe(twin);
    expect(store.customerOf(later.complaint.id)).toBe(anna);
    expect(store.get(twin)!.mergedInto).toBeNull();
    expect(auditCount(f, 'customer.undo-merge')).toBe(1);
    expect(f.feedback.customers.act(f.agent, anna, { action: 'undo-merge', merge: String(merge!.id) })).toMatchObject({ ok: false, status: 409 });
    expect(f.feedback.customers.record(f.agent, String(anna))!.merges).toEqual([]);
  });

  it('a suggested duplicate dismissed as another person is no longer suggested, from either record; audited once', () => {
    const f = world();
    const namesake = f.feedback.complaints.submit(complaintInput({ email: 'anna.virtanen@exmaple.com', phone: undefined }), { channel: 'web' });
    if (!namesake.ok) throw new Error('not saved');
    const { store } = f.feedback.customers;
    const anna = store.customerOf(f.web.id)!;
    const other = store.customerOf(namesake.complaint.id)!;
    expect(f.feedback.customers.record(f.agent, String(anna))!.duplicates.map((d) => d.id)).toEqual([other]);

    const product = addStaff(f, 'product', 'pm@example.com');
    expect(f.feedback.customers.act(product, anna, { action: 'not-duplicate', other: String(other) })).toMatchObject({ ok: false, status: 403 });
    expect(f.feedback.customers.act(f.agent, anna, { action: 'not-duplicate', other: String(anna) })).toMatchObject({ ok: false, errors: { other: expect.any(String) } });
    expect(f.feedback.customers.record(f.agent, String(anna))!.duplicates).toHaveLength(1);

    expect(f.feedback.customers.act(f.agent, anna, { action: 'not-duplicate', other: String(other) })).toEqual({ ok: true, value: 'not-duplicate' });
    expect(f.feedback.customers.record(f.agent, String(anna))!.duplicates).toEqual([]);
    expect(f.feedback.customers.record(f.agent, String(other))!.duplicates).toEqual([]);
    expect(f.feedback.customers.act(f.agent, other, { action: 'not-duplicate', other: String(anna) })).toMatchObject({ ok: false, status: 409 });
    expect(auditCount(f, 'customer.not-duplicate')).toBe(1);
    expect(store.customerOf(namesake.complaint.id)).toBe(other);
  });
});
