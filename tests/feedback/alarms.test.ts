import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '@core/config/config.ts';
import { createFeedback } from '@feedback/feedback.ts';
import type { MailMessage } from '@feedback/outbox/mailer.ts';
import { createMailer, noMailer } from '@feedback/outbox/mailer.ts';
import type { WebhookPayload } from '@feedback/outbox/outbox.ts';
import { sampleComplaint } from '../fixtures/sample-complaint.ts';
import { complaintInput, setup, type Fixture } from './helpers.ts';
import { startSmtp } from './smtp.ts';

const serviceDesk = 'service-desk@kestrel-home.example';
const laundryLead = 'rd-laundry-lead@kestrel-home.example';
const serviceLead = 'service-lead@kestrel-home.example';

/** What a customer gave us, and what of the complaint is theirs: none of it may leave in an alarm. */
const personal = [sampleComplaint.email, 'Anna', 'Virtanen', sampleComplaint.phone, '123 4567', sampleComplaint.subject, 'door seal', '/track/'];

function expectNoPersonalData(what: unknown): void {
  const text = typeof what === 'string' ? what : JSON.stringify(what);
  for (const secret of personal) expect(text).not.toContain(secret);
}

/** An AquaWash leak: a product defect for R&D Laundry (kind `rd`). */
function fileLaundry(f: Fixture) {
  const r = f.feedback.complaints.submit(complaintInput(), { channel: 'web' });
  if (!r.ok) throw new Error('not saved');
  expect(f.feedback.complaints.get(r.complaint.id)!.teamId).toBe('rd-laundry');
  return r.complaint;
}

/** A how-to question: for the service centre (kind `service`). */
function fileQuestion(f: Fixture) {
  const r = f.feedback.complaints.submit(complaintInput({ subject: 'Delay start', description: 'How do I set the delay start on the washing machine?' }), { channel: 'web' });
  if (!r.ok) throw new Error('not saved');
  expect(f.feedback.complaints.get(r.complaint.id)!.teamId).toBe('service-centre');
  return r.complaint;
}

const alarms = (sent: MailMessage[]) => sent.filter((m) => /^\[Overdue\] C-\d{4}-\d{6}: /.test(m.subject) && !m.subject.includes('daily digest'));
const digests = (sent: MailMessage[]) => sent.filter((m) => m.subject.includes('daily digest'));

describe('who gets the overdue alarm', () => {
  it('the assigned agent, with the team lead in copy; the team’s digest leaves assigned complaints out', async () => {
    const f = setup();
    const c = fileLaundry(f);
    f.feedback.complaints.assign(c.id, f.staffId, f.staffId);
    f.clock.advanceHours(13);
    const round = await f.feedback.tick();
    expect(round.escalated).toEqual([c.reference]);
    expect(round.digests).toEqual([]);
    expect(f.mailer.sent).toHaveLength(2); // the customer's confirmation, then the alarm
    const [alarm] = alarms(f.mailer.sent);
    expect(alarm).toMatchObject({ to: 'agent@example.com', cc: [laundryLead] });
    expect(alarm!.subject).toBe(`[Overdue] ${c.reference}: first response was due 2026-03-02 21:00 UTC`);
    expect(alarm!.text).toContain(`https://help.example/admin/complaints/${c.id}`);
    expect(alarm!.text).toContain('assigned to you');
    expect(alarm!.text).toContain('The team lead is copied.');
    expectNoPersonalData(alarm);
    expect(f.feedback.complaints.timeline(c.id).at(-1)).toMatchObject({
      kind: 'escalated',
      data: { deadline: 'response', lead: laundryLead, alarm: 'assignee', to: 'agent@example.com', cc: [laundryLead], leadDigest: false },
    });
  });

  it('nobody assigned: the service desk on duty (SERVICE_DESK_EMAIL), the service team’s lead in copy', async () => {
    const f = setup({ serviceDeskEmail: 'desk-on-duty@example.org' });
    const c = fileQuestion(f);
    f.clock.advanceHours(13);
    const round = await f.feedback.tick();
    expect(round.escalated).toEqual([c.reference]);
    expect(round.digests).toEqual([]); // a service team's lead is copied, never digested
    const [alarm] = alarms(f.mailer.sent);
    expect(alarm).toMatchObject({ to: 'desk-on-duty@example.org', cc: [serviceLead] });
    expect(alarm!.text).toContain('service desk on duty: nobody is assigned');
    expectNoPersonalData(alarm);
  });

  it('an assignee whose account is disabled cannot answer: the service desk gets it, the lead in copy', async () => {
    const f = setup();
    const c = fileLaundry(f);
    f.feedback.complaints.assign(c.id, f.staffId, f.staffId);
    f.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(f.clock.now().toISOString(), f.staffId);
    f.clock.advanceHours(13);
    expect((await f.feedback.tick()).digests).toEqual([]);
    expect(alarms(f.mailer.sent)).toMatchObject([{ to: serviceDesk, cc: [laundryLead] }]);
    expect(alarms(f.mailer.sent)[0]!.text).toContain('disabled');
  });

  it('the default service desk address, and the configuration of both settings', () => {
    expect(parseConfig({}).SERVICE_DESK_EMAIL).toBe(serviceDesk);
    expect(parseConfig({ SERVICE_DESK_EMAIL: '' }).SERVICE_DESK_EMAIL).toBe(serviceDesk);
    expect(parseConfig({ SERVICE_DESK_EMAIL: ' desk@example.org ' }).SERVICE_DESK_EMAIL).toBe('desk@example.org');
    expect(() => parseConfig({ SERVICE_DESK_EMAIL: 'not an address' })).toThrow(/SERVICE_DESK_EMAIL/);
    expect(parseConfig({}).ALERT_WEBHOOK_URL).toBeUndefined();
    expect(parseConfig({ ALERT_WEBHOOK_URL: '' }).ALERT_WEBHOOK_URL).toBeUndefined();
    expect(parseConfig({ ALERT_WEBHOOK_URL: 'https://hooks.example.com/T0/abc' }).ALERT_WEBHOOK_URL).toBe('https://hooks.example.com/T0/abc');
    expect(() => parseConfig({ ALERT_WEBHOOK_URL: 'not a url' })).toThrow(/ALERT_WEBHOOK_URL/);
    expect(() => parseConfig({ ALERT_WEBHOOK_URL: 'ftp://files.example.com/hook' })).toThrow(/ALERT_WEBHOOK_URL.*http/);
  });
});

describe('R&D and other non-service teams: a daily digest to the lead instead of a mail per complaint', () => {
  it('no per-complaint mail to the lead; one digest a day listing the overdue unassigned complaints', async () => {
    const f = setup(); // 2026-03-02 09:00 UTC
    const first = fileLaundry(f);
    f.clock.advanceHours(1);
    const second = fileLaundry(f); // due 22:00
    const toLead = () => f.mailer.sent.filter((m) => m.to === laundryLead || m.cc?.includes(laundryLead));

    f.clock.set('2026-03-02T21:30:00.000Z');
    let round = await f.feedback.tick();
    expect(round.escalated).toEqual([first.reference]);
    expect(round.digests).toEqual(['rd-laundry']);
    // The service desk gets the alarm for the complaint, without a copy to the lead.
    expect(alarms(f.mailer.sent)).toMatchObject([{ to: serviceDesk, subject: expect.stringContaining(first.reference) }]);
    expect(alarms(f.mailer.sent)[0]!.cc).toBeUndefined();
    expect(alarms(f.mailer.sent)[0]!.text).toContain("team's daily digest");
    // The lead gets the digest only.
    expect(toLead()).toHaveLength(1);
    const digest = toLead()[0]!;
    expect(digest.subject).toBe(`[Overdue] ${first.reference}: daily digest, R&D Laundry (AquaWash)`);
    expect(digest.text).toContain('1 complaint of R&D Laundry (AquaWash) past a deadline with nobody assigned (2026-03-02)');
    expect(digest.text).toContain(`${first.reference}: first response was due 2026-03-02 21:00 UTC\n  Category: Product defect\n  Product: AquaWash\n  https://help.example/admin/complaints/${first.id}\n`);
    expect(digest.text).toContain('https://help.example/admin/complaints?team=rd-laundry&overdue=1');
    expect(digest.text).not.toContain(second.reference);
    expectNoPersonalData(digest);
    expect(f.feedback.complaints.timeline(first.id).at(-1)).toMatchObject({ kind: 'escalated', data: { lead: laundryLead, alarm: 'service-desk', to: serviceDesk, cc: [], leadDigest: true } });

    // The second becomes overdue the same day: its alarm goes to the service desk, the lead waits for tomorrow.
    f.clock.set('2026-03-02T22:30:00.000Z');
    round = await f.feedback.tick();
    expect(round.escalated).toEqual([second.reference]);
    expect(round.digests).toEqual([]);
    f.clock.set('2026-03-02T23:59:00.000Z');
    expect((await f.feedback.tick()).digests).toEqual([]);
    expect(toLead()).toHaveLength(1);
    expect(alarms(f.mailer.sent).map((m) => [m.to, m.subject.slice(10, 23)])).toEqual([
      [serviceDesk, first.reference],
      [serviceDesk, second.reference],
    ]);

    // A restarted process (or a second one on the same database) does not send that day's digest again.
    const again = createFeedback({ db: f.db, clock: f.clock, mailer: f.mailer, siteUrl: 'https://help.example', log: () => undefined });
    expect((await again.tick()).digests).toEqual([]);

    // The next day: one digest with both, however many rounds run.
    f.clock.set('2026-03-03T00:00:30.000Z');
    expect((await f.feedback.tick()).digests).toEqual(['rd-laundry']);
    expect((await again.tick()).digests).toEqual([]);
    f.clock.set('2026-03-03T15:00:00.000Z');
    expect((await f.feedback.tick()).digests).toEqual([]);
    expect(toLead()).toHaveLength(2);
    const next = toLead()[1]!;
    expect(next.subject).toBe(`[Overdue] ${first.reference}, ${second.reference}: daily digest, R&D Laundry (AquaWash)`);
    expect(next.text).toContain('2 complaints of R&D Laundry (AquaWash) past a deadline with nobody assigned (2026-03-03)');
    expectNoPersonalData(next);

    // Assigned or answered complaints leave the digest; with none left, the lead gets none.
    f.feedback.complaints.assign(first.id, f.staffId, f.staffId);
    f.feedback.complaints.reply(second.id, f.staffId, 'We are looking into it.');
    f.clock.set('2026-03-04T08:00:00.000Z');
    expect((await f.feedback.tick()).digests).toEqual([]);
    expect(toLead()).toHaveLength(2);
  });

  it('the day follows the business-hours time zone when business hours are on', async () => {
    const f = setup({ start: '2026-03-02T09:00:00.000Z' });
    f.feedback.deadlines.setBusinessHours({ enabled: false, timeZone: 'Pacific/Auckland', days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' });
    fileLaundry(f);
    f.clock.set('2026-03-02T21:30:00.000Z');
    await f.feedback.tick();
    expect(digests(f.mailer.sent).at(-1)!.text).toContain('(2026-03-02)'); // off: UTC
    const g = setup({ start: '2026-03-02T09:00:00.000Z' });
    g.feedback.deadlines.setBusinessHours({ enabled: true, timeZone: 'Pacific/Auckland', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' });
    fileLaundry(g);
    g.clock.set('2026-03-03T21:30:00.000Z'); // Wednesday 10:30 in Auckland
    await g.feedback.tick();
    expect(digests(g.mailer.sent).at(-1)!.text).toContain('(2026-03-04)');
  });
});

/** Mail to a real SMTP server: the copy must reach it (envelope and header). */
describe('the copy goes out through nodemailer', () => {
  it('the assigned agent and the lead in Cc both receive the alarm', async () => {
    const smtp = await startSmtp();
    const received = smtp.received;
    const mailer = createMailer(smtp.url, 'help@kestrel-home.example');
    try {
      const f = setup({ mailer });
      const c = fileLaundry(f);
      f.feedback.complaints.assign(c.id, f.staffId, f.staffId);
      f.clock.advanceHours(13);
      await f.feedback.tick();
      const alarm = received.find((m) => m.data.includes(`[Overdue] ${c.reference}`));
      expect(alarm?.to).toEqual(['agent@example.com', laundryLead]);
      expect(alarm?.data).toMatch(/^To: agent@example\.com\r$/m);
      expect(alarm?.data).toMatch(new RegExp(`^Cc: ${laundryLead.replace(/\./g, '\\.')}\\r$`, 'm'));
      expectNoPersonalData(alarm!.data);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});

interface Hook {
  url: string;
  requests: Array<{ method: string; type: string | undefined; body: Record<string, unknown> }>;
  /** Answers for the next requests, in order; afterwards 204. 'hang' never answers. */
  answers: Array<number | 'hang'>;
  close(): Promise<void>;
}

/** A real local HTTP receiver for the alert webhook. */
async function startReceiver(): Promise<Hook> {
  const hook = { requests: [], answers: [] } as unknown as Hook;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hook.requests.push({ method: req.method ?? '', type: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      const answer = hook.answers.shift() ?? 204;
      if (answer === 'hang') return;
      res.writeHead(answer, { 'content-type': 'text/plain' });
      res.end(answer >= 400 ? 'no' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/complaints?token=s3cret`;
  hook.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return hook;
}

describe('the alert webhook (ALERT_WEBHOOK_URL)', () => {
  let hook: Hook | undefined;
  afterEach(async () => {
    await hook?.close();
    hook = undefined;
  });

  it('each alarm is POSTed as JSON through the outbox, retried after a 500, without customer details', async () => {
    hook = await startReceiver();
    hook.answers.push(500);
    const f = setup({ alertWebhookUrl: hook.url });
    const c = fileLaundry(f);
    f.clock.advanceHours(13);
    const round = await f.feedback.tick();
    expect(round.escalated).toEqual([c.reference]);
    expect(round.outbox).toMatchObject({ retried: 1 });
    const row = () => f.feedback.outbox.list({ kind: 'webhook' })[0]!;
    expect(row()).toMatchObject({ complaintId: c.id, status: 'pending', attempts: 1, lastError: 'webhook: answered 500' });
    expect(row().nextAttemptAt).toBe(new Date(f.clock.now().getTime() + 60_000).toISOString());
    // The stored row holds the alarm, not the URL (it may carry a secret); the log names neither.
    expect(JSON.stringify(row().payload)).not.toContain('s3cret');
    expect(f.logs.join('\n')).toContain(`webhook (alarm ${c.reference}) failed (attempt 1)`);
    expect(f.logs.join('\n')).not.toContain('s3cret');

    f.clock.advance(30_000);
    expect(await f.feedback.outbox.process()).toMatchObject({ sent: 0, retried: 0 }); // not due yet
    f.clock.advance(30_000);
    expect(await f.feedback.outbox.process()).toMatchObject({ sent: 1 });
    expect(row()).toMatchObject({ status: 'sent', attempts: 2 });

    expect(hook.requests).toHaveLength(2);
    const expected = {
      type: 'complaint.overdue',
      reference: c.reference,
      deadline: 'response',
      due: '2026-03-02T21:00:00.000Z',
      team: 'rd-laundry',
      assignee: null,
      url: `https://help.example/admin/complaints/${c.id}`,
    };
    for (const r of hook.requests) {
      expect(r.method).toBe('POST');
      expect(r.type).toBe('application/json');
      expect(r.body).toEqual(expected);
      expectNoPersonalData(r.body);
    }
    // Once per alarm: later rounds post nothing more.
    f.clock.advanceHours(1);
    await f.feedback.tick();
    expect(hook.requests).toHaveLength(2);
  });

  it('names the assignee’s staff address; goes out without SMTP too; retries when the receiver does not answer in time', async () => {
    hook = await startReceiver();
    hook.answers.push('hang');
    const f = setup({ mailer: noMailer, alertWebhookUrl: hook.url, outbox: { webhook: { timeoutMs: 200 } } });
    const c = fileQuestion(f);
    f.feedback.complaints.assign(c.id, f.staffId, f.staffId);
    f.clock.advanceHours(13);
    const round = await f.feedback.tick();
    expect(round.outbox).toMatchObject({ retried: 1 });
    expect(f.feedback.outbox.list({ kind: 'webhook' })[0]!.lastError).toBe('webhook: no answer within 200 ms');
    f.clock.advance(60_000);
    expect(await f.feedback.outbox.process()).toMatchObject({ sent: 1 });
    expect(hook.requests.map((r) => r.body)).toEqual([
      expect.objectContaining({ reference: c.reference, team: 'service-centre', assignee: 'agent@example.com' }),
      expect.objectContaining({ reference: c.reference, team: 'service-centre', assignee: 'agent@example.com' }),
    ]);
    // The mails were kept in the outbox (no SMTP_URL); the alarm's row is there with its copy.
    const kept = f.feedback.outbox.list({ kind: 'mail', status: 'kept' }).map((r) => r.payload as { to: string; cc?: string[] });
    expect(kept).toContainEqual(expect.objectContaining({ to: 'agent@example.com', cc: [serviceLead] }));
  });

  it('without ALERT_WEBHOOK_URL no webhook rows are written', async () => {
    const f = setup();
    fileLaundry(f);
    f.clock.advanceHours(13);
    await f.feedback.tick();
    expect(f.feedback.outbox.list({ kind: 'webhook' })).toEqual([]);
  });
});

describe('no customer details in any alarm', () => {
  it('every alarm, copy, digest and webhook body of a busy day is free of the customer’s name, email and phone', async () => {
    const hook = await startReceiver();
    try {
      const f = setup({ alertWebhookUrl: hook.url });
      const complaints = [fileLaundry(f), fileLaundry(f), fileQuestion(f), fileQuestion(f)];
      f.feedback.complaints.assign(complaints[1]!.id, f.staffId, f.staffId);
      f.feedback.complaints.assign(complaints[3]!.id, f.staffId, f.staffId);
      f.clock.advanceHours(13);
      const round = await f.feedback.tick();
      expect(round.escalated).toHaveLength(4);
      const staffMails = f.mailer.sent.filter((m) => m.to !== sampleComplaint.email);
      // 4 alarms and 1 digest (R&D Laundry, for its one unassigned complaint).
      expect(alarms(staffMails)).toHaveLength(4);
      expect(digests(staffMails)).toHaveLength(1);
      expect(staffMails).toHaveLength(5);
      for (const m of staffMails) expectNoPersonalData(m);
      expect(hook.requests).toHaveLength(4);
      for (const r of hook.requests) expectNoPersonalData(r.body);
      for (const row of f.feedback.outbox.list({ kind: 'webhook' })) expectNoPersonalData((row.payload as WebhookPayload).body);
    } finally {
      await hook.close();
    }
  });
});
