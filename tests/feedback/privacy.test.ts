import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adminMigrations } from '@admin/admin.ts';
import { requiredPermission } from '@admin/auth/staff-paths.ts';
import { openDatabase, type Db } from '@core/db/database.ts';
import type { ErasureStep } from '@core/privacy/erasure.ts';
import { recordAudit } from '@core/staff/audit.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { ManualClock } from '@feedback/clock.ts';
import { createFeedback, feedbackMigrations, type FeedbackServices } from '@feedback/feedback.ts';
import { SearchAnalytics, searchAnalyticsMigrations } from '@search/analytics.ts';
import { searchQueryTexts } from '@search/analytics-erasure.ts';
import { complaintInput, RecordingMailer } from './helpers.ts';

/** What must be gone from every table after Anna's data is erased. */
const annaValues = ['Virtanen', 'anna.virtanen@example.com', '123 4567', '1234567', 'Mannerheimintie', 'ORD-77812'];
const bobValues = ['Bob Smith', 'bob@example.org', 'Elm Road'];

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function staff(db: Db, role: StaffMember['role'], email: string): StaffMember {
  const now = new Date().toISOString();
  const id = Number(
    db
      .prepare('INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(email, email.split('@')[0], role, 'x', now, now, now).lastInsertRowid,
  );
  return { id, email, name: email.split('@')[0]!, role };
}

interface World {
  db: Db;
  clock: ManualClock;
  mailer: RecordingMailer;
  feedback: FeedbackServices;
  admin: StaffMember;
  agent: StaffMember;
  web: number;
  letter: number;
  bob: number;
  anna: number;
}

/**
 * Anna files on the web with her details in the text, writes back, gets a reply, a note, a rating, a
 * corrected category and a recorded letter; she also searched for her own name. Bob is someone else.
 */
async function world(options: { file?: string; steps?: ErasureStep[] } = {}): Promise<World> {
  const db = openDatabase(options.file ?? ':memory:', [...searchAnalyticsMigrations, ...adminMigrations, ...feedbackMigrations]);
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const mailer = new RecordingMailer();
  const feedback = createFeedback({ db, clock, mailer, siteUrl: 'https://help.example', log: () => undefined, retentionDays: 365, dataDir: options.file && path.dirname(options.file),
    erasureSteps: [searchQueryTexts, ...(options.steps ?? [])] });
  const admin = staff(db, 'admin', 'admin@example.com');
  const agent = staff(db, 'agent', 'agent@example.com');
  const filed = feedback.complaints.submit(complaintInput({
    description: 'My AquaWash leaks. Call me on 040 123 4567 or write to anna.virtanen@example.com. I live at Mannerheimintie 12 B 34, Helsinki. Order ORD-77812. Anna Virtanen',
    orderNumber: 'ORD-77812',
  }), { channel: 'web' });
  if (!filed.ok) throw new Error('not saved');
  const web = filed.complaint.id;
  const recorded = feedback.handling.record(agent, { channel: 'letter', locale: 'en', product: 'aquawash', subject: 'Letter from Anna Virtanen', description: 'Mrs Virtanen writes that the seal still leaks.', name: 'Anna Virtanen', email: 'ANNA.VIRTANEN@EXAMPLE.COM' });
  if (!recorded.ok) throw new Error(JSON.stringify(recorded.errors));
  const other = feedback.complaints.submit(complaintInput({ email: 'bob@example.org', name: 'Bob Smith', phone: undefined, description: 'Bob Smith here, 5 Elm Road. My dryer is loud.' }), { channel: 'api' });
  if (!other.ok) throw new Error('not saved');
  feedback.complaints.customerReply(feedback.complaints.get(web)!, 'Thanks! You can also call my husband, Anna Virtanen’s phone is 040 123 4567.');
  feedback.complaints.note(web, agent.id, 'Called Anna Virtanen at 040 123 4567, she was at Mannerheimintie 12 B 34.');
  feedback.complaints.reclassify(web, agent.id, { category: 'delivery', severity: 'medium' });
  feedback.complaints.reply(web, agent.id, 'Dear Anna Virtanen, a technician comes to Mannerheimintie 12 B 34 on Monday.', 'resolved');
  const rated = feedback.satisfaction.rate(feedback.complaints.get(web)!, { rating: '5', comment: 'Quick help, thanks from Anna Virtanen' });
  if (!rated.ok) throw new Error(JSON.stringify(rated.errors));
  recordAudit(db, { actorId: agent.id, action: 'complaint.contact', objectType: 'complaint', objectId: filed.complaint.reference, detail: { to: 'anna.virtanen@example.com' } });
  new SearchAnalytics(db).recordQuery({ locale: 'en', query: 'anna virtanen warranty', results: 0, scope: 'public', source: 'page' });
  await feedback.outbox.process();
  const anna = feedback.customers.store.customerOf(web)!;
  return { db, clock, mailer, feedback, admin, agent, web, letter: recorded.value.id, bob: other.complaint.id, anna };
}

/** Every text value of every table that contains `needle` (case-insensitive), as "table: value". */
function foundIn(db: Db, needle: string): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const hits: string[] = [];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>) {
      for (const value of Object.values(row)) if (typeof value === 'string' && value.toLowerCase().includes(needle.toLowerCase())) hits.push(`${table}: ${value.slice(0, 120)}`);
    }
  }
  return hits;
}

/** The statistics staff see: the insights report (without its examples), satisfaction and the counts behind them. */
function statistics(w: World) {
  const scope = w.feedback.insights.scope(w.admin)!;
  const { examples: _examples, ...report } = w.feedback.insights.report(scope, w.feedback.insights.defaults());
  const satisfaction = w.feedback.satisfaction.stats({ by: 'category' });
  return {
    report,
    // The recent comments are text, cleaned by erasure; their ratings and counts are statistics.
    satisfaction: { ...satisfaction, recent: satisfaction.recent.map(({ comment: _comment, ...r }) => r) },
    rows: w.db.prepare('SELECT category, product, channel, locale, status, created_at, resolved_at FROM complaints ORDER BY id').all(),
    customers: w.db.prepare('SELECT customer_id, COUNT(*) AS n FROM customer_complaints GROUP BY customer_id ORDER BY customer_id').all(),
    ratings: w.db.prepare('SELECT complaint_id, rating, category, team_id FROM complaint_ratings ORDER BY complaint_id').all(),
  };
}

function requestAndReadLink(w: World): string {
  expect(w.feedback.privacy.requestErasure({ id: w.web, locale: 'en' })).toBe('sent');
  const mail = w.db.prepare("SELECT payload FROM outbox WHERE kind = 'mail' ORDER BY id DESC LIMIT 1").pluck().get() as string;
  const { to, text } = JSON.parse(mail) as { to: string; text: string };
  expect(to).toBe('anna.virtanen@example.com');
  const token = /\/privacy\/erase\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

describe('the customer’s data', () => {
  it('exports every complaint of the customer record, with messages, rating and contact details, without staff notes', async () => {
    const w = await world();
    const data = w.feedback.privacy.exportForComplaint(w.letter)!;
    expect(data.customer).toMatchObject({ email: 'anna.virtanen@example.com', name: 'Anna Virtanen', phone: '+358401234567' });
    expect(data.complaints.map((c) => c.channel)).toEqual(['web', 'letter']);
    const web = data.complaints[0]!;
    expect(web).toMatchObject({ orderNumber: 'ORD-77812', email: 'anna.virtanen@example.com', rating: { rating: 5, comment: 'Quick help, thanks from Anna Virtanen' } });
    expect(web.messages.map((m) => m.from)).toEqual(['customer', 'team']);
    expect(web.internalNotes).toBeUndefined();
    expect(JSON.stringify(data)).not.toContain('Bob');
    expect(JSON.stringify(data)).not.toContain('Called Anna');
  });

  it('erases through a mailed link that works once and only before it expires; the link is stored hashed', async () => {
    const w = await world();
    const expired = requestAndReadLink(w);
    expect(JSON.stringify(w.db.prepare('SELECT * FROM privacy_erasure_requests').all())).not.toContain(expired);
    w.clock.advanceHours(25);
    expect(w.feedback.privacy.confirmation(expired)).toBeUndefined();
    expect(w.feedback.privacy.confirmErasure(expired)).toBeUndefined();
    expect(w.feedback.complaints.get(w.web)!.email).toBe('anna.virtanen@example.com');

    const token = requestAndReadLink(w);
    expect(w.feedback.privacy.confirmation(token)).toEqual({ locale: 'en' });
    expect(w.feedback.privacy.confirmErasure(token)).toEqual({ locale: 'en' });
    expect(w.feedback.privacy.confirmErasure(token)).toBeUndefined();
    expect(w.feedback.privacy.confirmation('not-a-token-at-all-really')).toBeUndefined();
    const audit = w.db.prepare("SELECT object_id AS objectId, detail FROM audit_log WHERE action = 'customer.erase'").all() as Array<{ objectId: string; detail: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.objectId).toBe(String(w.anna));
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ requestedBy: 'customer', changed: { complaints: 2, customers: 1 } });
    for (const value of annaValues) expect(foundIn(w.db, value), value).toEqual([]);
  });

  it('each step removes the personal data of its place and leaves other customers and the statistics alone', async () => {
    const w = await world();
    const before = statistics(w);
    const bobBefore = w.feedback.complaints.get(w.bob);
    const result = w.feedback.privacy.eraseCustomer(w.admin, w.anna, { email: ' Anna.Virtanen@example.com ' });
    expect(result.ok).toBe(true);

    const web = w.feedback.complaints.get(w.web)!;
    expect(web).toMatchObject({ name: null, email: null, phone: null, orderNumber: null, category: 'delivery', product: 'aquawash', channel: 'web' });
    expect(web.description).toBe('My AquaWash leaks. Call me on [removed] or write to [removed]. I live at [removed], Helsinki. Order [removed]. [removed]');
    expect(w.feedback.complaints.get(w.letter)!.subject).toBe('Letter from [removed]');
    expect(w.db.prepare('SELECT COUNT(*) FROM complaint_tracking_tokens WHERE complaint_id IN (?, ?)').pluck().get(w.web, w.letter)).toBe(0);
    const bodies = w.db.prepare('SELECT kind, body FROM complaint_events WHERE complaint_id = ? AND body IS NOT NULL ORDER BY id').all(w.web) as Array<{ kind: string; body: string }>;
    expect(bodies.find((e) => e.kind === 'note')!.body).toBe('Called [removed] at [removed], she was at [removed].');
    expect(bodies.find((e) => e.kind === 'reply')!.body).toBe('Dear [removed], a technician comes to [removed] on Monday.');
    expect(w.db.prepare('SELECT rating, comment FROM complaint_ratings WHERE complaint_id = ?').get(w.web)).toEqual({ rating: 5, comment: 'Quick help, thanks from [removed]' });
    expect(w.feedback.customers.store.get(w.anna)).toMatchObject({ email: null, phone: null, name: null, nameFolded: '' });
    expect(w.db.prepare('SELECT COUNT(*) FROM customer_name_grams WHERE customer_id = ?').pluck().get(w.anna)).toBe(0);
    expect(w.db.prepare("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%anna.virtanen%'").pluck().get()).toBe(0);
    expect(w.db.prepare("SELECT text FROM classifier_examples WHERE source = 'correction'").pluck().all()).toEqual([expect.stringContaining('[removed]')]);
    expect(w.db.prepare("SELECT query FROM search_queries").pluck().all()).toEqual(['[removed] warranty']);
    expect(w.db.prepare("SELECT detail FROM audit_log WHERE action = 'complaint.contact'").pluck().get()).toBe('{"to":"[removed]"}');
    for (const value of annaValues) expect(foundIn(w.db, value), value).toEqual([]);

    expect(w.feedback.complaints.get(w.bob)).toEqual(bobBefore);
    for (const value of bobValues) expect(foundIn(w.db, value).length, value).toBeGreaterThan(0);
    expect(statistics(w)).toEqual(before);
  });

  it('removes the erased values from the database files too (freed space and the write-ahead log)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-privacy-'));
    cleanup.push(dir);
    const w = await world({ file: path.join(dir, 'kb.sqlite') });
    expect(fs.readFileSync(path.join(dir, 'kb.sqlite-wal')).includes('Mannerheimintie')).toBe(true);
    expect(w.feedback.privacy.eraseCustomer(w.admin, w.anna, { email: 'anna.virtanen@example.com' }).ok).toBe(true);
    for (const file of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, file));
      for (const value of annaValues) expect(bytes.includes(value), `${value} in ${file}`).toBe(false);
    }
  });

  it('a registered step runs in the same transaction; its files go only after the commit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-privacy-'));
    cleanup.push(dir);
    const attachment = path.join(dir, 'attachment.bin');
    fs.writeFileSync(attachment, 'Anna Virtanen’s receipt');
    const seen: number[] = [];
    const step: ErasureStep = {
      place: 'attachments',
      erase({ subject, removeFileAfterCommit }) {
        seen.push(...subject.complaints.map((c) => c.id));
        removeFileAfterCommit(attachment);
        return 1;
      },
    };
    const w = await world({ steps: [step] });
    const refused = w.feedback.privacy.eraseCustomer(w.admin, w.anna, { email: 'someone.else@example.com' });
    expect(refused).toEqual({ ok: false, status: 400, errors: { email: 'This is not the email address on this record.' } });
    expect(fs.existsSync(attachment)).toBe(true);
    const result = w.feedback.privacy.eraseCustomer(w.admin, w.anna, { email: 'anna.virtanen@example.com' });
    expect(result).toMatchObject({ ok: true, value: { attachments: 1 } });
    expect(seen.sort()).toEqual([w.web, w.letter].sort());
    expect(fs.existsSync(attachment)).toBe(false);
  });

  it('erases the customer’s attachments (rows and files) and the mail they sent, and nobody else’s', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-privacy-'));
    cleanup.push(dir);
    const w = await world({ file: path.join(dir, 'kb.sqlite') });
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const annaFile = await w.feedback.attachments.store({ complaintId: w.web, filename: 'receipt.pdf', bytes: pdf, source: 'web' });
    const bobFile = await w.feedback.attachments.store({ complaintId: w.bob, filename: 'bob.pdf', bytes: pdf, source: 'web' });
    if (!annaFile.ok || !bobFile.ok) throw new Error('attachments not stored');
    const mail = w.db.prepare(`INSERT INTO inbound_mail (received_at, source, source_key, envelope_from, size, raw, status, complaint_id, from_address, subject)
      VALUES ('2026-03-02T09:00:00.000Z', 'smtp', ?, ?, 10, ?, 'complaint', ?, ?, ?)`);
    mail.run('smtp:a', 'anna.virtanen@example.com', 'From: Anna Virtanen', w.web, 'anna.virtanen@example.com', 'Leak');
    mail.run('smtp:b', 'anna.virtanen@example.com', 'From: Anna Virtanen', null, 'anna.virtanen@example.com', 'Unreadable');
    mail.run('smtp:c', 'bob@example.org', 'From: Bob Smith', w.bob, 'bob@example.org', 'Dryer');
    const files = () => fs.readdirSync(path.join(dir, 'attachments')).length;
    expect(files()).toBe(2);
    expect(w.feedback.privacy.eraseCustomer(w.admin, w.anna, { email: 'anna.virtanen@example.com' }).ok).toBe(true);
    expect(w.db.prepare('SELECT complaint_id FROM complaint_attachments').pluck().all()).toEqual([w.bob]);
    expect(files()).toBe(1);
    expect(w.db.prepare('SELECT source_key FROM inbound_mail').pluck().all()).toEqual(['smtp:c']);
  });

  it('the export and erasure pages of a customer record need privacy:manage, which only administrators have', () => {
    for (const [method, path] of [['GET', '/admin/customers/12/privacy'], ['POST', '/admin/customers/12/privacy'], ['GET', '/admin/customers/12/export.json']]) {
      expect(requiredPermission(method!, path!), `${method} ${path}`).toBe('privacy:manage');
    }
    expect(requiredPermission('GET', '/admin/customers/12')).toBe('complaints:read');
  });

  it('only administrators export and erase; refusals write nothing; the audit entry holds counts, not data', async () => {
    const w = await world();
    expect(w.feedback.privacy.exportCustomer(w.agent, w.anna)).toBeUndefined();
    expect(w.feedback.privacy.exportCustomer(w.admin, w.anna)!.complaints[0]!.internalNotes).toEqual([expect.objectContaining({ text: expect.stringContaining('Called Anna') })]);
    expect(w.feedback.privacy.eraseCustomer(w.agent, w.anna, { email: 'anna.virtanen@example.com' })).toMatchObject({ ok: false, status: 403 });
    expect(w.feedback.privacy.eraseCustomer(w.admin, w.anna, { email: 'not an address' })).toMatchObject({ ok: false, status: 400, errors: { email: expect.stringContaining('email address') } });
    expect(w.feedback.privacy.eraseCustomer(w.admin, 99_999, { email: 'anna.virtanen@example.com' })).toMatchObject({ ok: false, status: 404 });
    expect(w.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.erase'").pluck().get()).toBe(0);
    expect(w.feedback.complaints.get(w.web)!.name).toBe('Anna Virtanen');

    expect(w.feedback.privacy.eraseCustomer(w.admin, w.anna, { email: 'anna.virtanen@example.com' }).ok).toBe(true);
    const entry = w.db.prepare("SELECT actor_id AS actorId, object_type AS objectType, object_id AS objectId, detail FROM audit_log WHERE action = 'customer.erase'").get() as Record<string, string | number>;
    expect(entry).toMatchObject({ actorId: w.admin.id, objectType: 'customer', objectId: String(w.anna) });
    for (const value of annaValues) expect(String(entry.detail)).not.toContain(value);
    expect(w.feedback.privacy.eraseCustomer(w.admin, w.anna, { email: 'anna.virtanen@example.com' })).toMatchObject({ ok: false, status: 409 });
  });
});

describe('the retention period', () => {
  it('erases complaints closed longer ago than CONTACT_RETENTION_DAYS with the same steps; the customer record goes with the last one', async () => {
    const w = await world();
    const facts = () => w.db.prepare('SELECT category, product, channel, locale, created_at, resolved_at FROM complaints ORDER BY id').all();
    w.feedback.complaints.setStatus(w.web, w.agent.id, 'closed');
    w.clock.advanceHours(24 * 364);
    expect((await w.feedback.tick()).anonymized).toBe(0);
    w.clock.advanceHours(48);
    expect((await w.feedback.tick()).anonymized).toBe(1);
    expect(w.feedback.complaints.get(w.web)!.description).not.toContain('Mannerheimintie');
    expect(w.db.prepare('SELECT body FROM complaint_events WHERE complaint_id = ? AND kind = ?').pluck().get(w.web, 'note')).not.toContain('Virtanen');
    // The letter is still open: it and the customer record keep Anna's details.
    expect(w.feedback.complaints.get(w.letter)!.name).toBe('Anna Virtanen');
    expect(w.feedback.customers.store.get(w.anna)!.email).toBe('anna.virtanen@example.com');
    expect(w.db.prepare("SELECT detail FROM audit_log WHERE action = 'privacy.retention'").pluck().all()).toEqual([expect.stringContaining('"complaints":1')]);

    w.feedback.complaints.setStatus(w.letter, w.agent.id, 'resolved');
    w.feedback.complaints.setStatus(w.letter, w.agent.id, 'closed');
    const before = facts();
    w.clock.advanceHours(24 * 366);
    expect((await w.feedback.tick()).anonymized).toBe(1);
    expect(w.feedback.customers.store.get(w.anna)).toMatchObject({ email: null, name: null, phone: null });
    for (const value of annaValues) expect(foundIn(w.db, value), value).toEqual([]);
    expect(facts()).toEqual(before);
    expect(w.feedback.complaints.get(w.bob)!.name).toBe('Bob Smith');
  });
});
