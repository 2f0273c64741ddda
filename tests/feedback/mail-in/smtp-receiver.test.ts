import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '@core/metrics/registry.ts';
import { describeReason, unansweredMail } from '@feedback/mail-in/staff-view.ts';
import { htmlAsJpeg, pdfBytes, pngBytes } from '@tests/fixtures/attachment-files.ts';
import { customerTransport, decodeQp, headerOf, helpAddress, mailSetup, type MailFixture } from './mail-in-helpers.ts';

// Ports 4650-4664 are this file's; the IMAP test uses 4665-4669.
let nextPort = 4650;

describe('email as a channel: the SMTP receiver', () => {
  let f: MailFixture;
  let port: number;
  beforeEach(async () => {
    f = await mailSetup({ maxBytes: 256 * 1024, perSenderPerHour: 5 });
    port = await f.mailIn.startSmtp(nextPort++, '127.0.0.1');
  });
  afterEach(async () => {
    await f.close();
  });

  async function fileByMail(subject = 'Dishwasher leaks water', text = 'My AquaWash dishwasher leaks water under the door after every cycle.') {
    await customerTransport(port).sendMail({ from: 'Anna Virtanen <anna@example.com>', to: helpAddress, subject, text, messageId: '<first-1@example.com>' });
    await f.mailIn.drain();
    const complaintId = f.db.prepare("SELECT id FROM complaints WHERE channel = 'email' ORDER BY id DESC LIMIT 1").pluck().get() as number;
    return f.feedback.complaints.get(complaintId)!;
  }

  it('a mail acknowledged with 250 is in the database, becomes a complaint and gets its confirmation', async () => {
    const info = await customerTransport(port).sendMail({ from: 'Anna Virtanen <anna@example.com>', to: helpAddress, subject: 'Dishwasher leaks water', text: 'My AquaWash dishwasher leaks water under the door after every cycle.' });
    expect(info.response).toMatch(/^250/);
    // Committed before the 250: the raw mail is there even before any processing.
    const stored = f.db.prepare('SELECT raw FROM inbound_mail').pluck().all() as Buffer[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.toString()).toContain('leaks water under the door');
    await f.mailIn.drain();
    const c = f.db.prepare("SELECT * FROM complaints WHERE channel = 'email'").get() as Record<string, unknown>;
    expect(c).toMatchObject({ email: 'anna@example.com', name: 'Anna Virtanen', subject: 'Dishwasher leaks water', locale: 'en', status: 'new', product: 'aquawash' });
    expect(c.team_id).toBeTruthy();
    expect(c.response_due_at).toBeTruthy();
    expect(f.db.prepare('SELECT status, complaint_id FROM inbound_mail').get()).toEqual({ status: 'complaint', complaint_id: c.id });
    await f.feedback.outbox.process();
    expect(f.outgoing.received).toHaveLength(1);
    const confirmation = f.outgoing.received[0]!;
    expect(confirmation.to).toEqual(['anna@example.com']);
    expect(decodeQp(confirmation.data)).toContain(String(c.reference));
    expect(decodeQp(confirmation.data)).toMatch(/\/track\/[A-Za-z0-9_-]{20,}/);
    expect(headerOf(confirmation.data, 'Reply-To')).toMatch(/^help\+[0-9a-f]{32}@kestrel-home\.example$/);
  });

  it('counts a mail that became a complaint in the intake metric, under the email channel', async () => {
    const created = () => registry.getSingleMetric('kb_complaint_intake_total')!.get().then((m) => m.values.find((v) => v.labels.channel === 'email' && v.labels.outcome === 'created')?.value ?? 0);
    const before = await created();
    await fileByMail();
    expect(await created()).toBe(before + 1);
  });

  it('detects the locale of the mail', async () => {
    const c = await fileByMail('Lavavajillas con fugas', 'Mi lavavajillas pierde agua por la puerta y el suelo de la cocina está mojado.');
    expect(c.locale).toBe('es');
  });

  it('a reply threads into its complaint by In-Reply-To, by the reference in the subject and by the reply address', async () => {
    const c = await fileByMail();
    await f.feedback.outbox.process();
    const confirmation = f.outgoing.received[0]!.data;
    const sentId = headerOf(confirmation, 'Message-ID')!;
    const replyTo = headerOf(confirmation, 'Reply-To')!;
    const send = (options: Record<string, unknown>) => customerTransport(port).sendMail({ from: 'anna@example.com', to: helpAddress, ...options });

    await send({ subject: 'Re: your complaint', inReplyTo: sentId, references: sentId, text: 'Here is the serial number: AW-123.\n\nOn Tue, 2 Mar 2026 at 09:00, Kestrel Help Center <help@kestrel-home.example> wrote:\n> We received your complaint.' });
    await send({ subject: `Re: ${c.reference} more details`, text: 'It happens with every programme.\n\nEl lun, 2 mar 2026, Kestrel escribió:\n> Hemos recibido' });
    await send({ to: replyTo, subject: 'photo', text: 'The floor is wet again.\n\n-----Original Message-----\nFrom: Kestrel\nSent: Monday' });
    await f.mailIn.drain();

    expect(f.db.prepare("SELECT COUNT(*) FROM complaints WHERE channel = 'email'").pluck().get()).toBe(1);
    const replies = f.feedback.complaints.timeline(c.id).filter((e) => e.kind === 'customer-reply');
    expect(replies.map((e) => e.body)).toEqual(['Here is the serial number: AW-123.', 'It happens with every programme.', 'The floor is wet again.']);
    expect(replies.every((e) => (e.data as { channel?: string }).channel === 'email')).toBe(true);
    // No confirmation for replies: the customer gets one mail, for the complaint.
    await f.feedback.outbox.process();
    expect(f.outgoing.received).toHaveLength(1);
  });

  it('a reference in the subject from another address does not thread (references are guessable)', async () => {
    const c = await fileByMail();
    await customerTransport(port).sendMail({ from: 'mallory@example.net', to: helpAddress, subject: `Re: ${c.reference}`, text: 'Please send me the details of this complaint.' });
    await f.mailIn.drain();
    expect(f.feedback.complaints.timeline(c.id).some((e) => e.kind === 'customer-reply')).toBe(false);
    expect(f.db.prepare("SELECT COUNT(*) FROM complaints WHERE channel = 'email'").pluck().get()).toBe(2);
  });

  it('auto-replies, bounces and mail from the portal itself are stored but never answered', async () => {
    const t = customerTransport(port);
    await t.sendMail({ from: 'bob@example.com', to: helpAddress, subject: 'Out of office', text: 'I am away until Monday and will read your mail then.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await t.sendMail({ from: 'carol@example.com', to: helpAddress, subject: 'Automatic reply', text: 'Thank you for your message, we will answer soon.', headers: { Precedence: 'bulk' } });
    await t.sendMail({ from: 'dan@example.com', to: helpAddress, subject: 'Away', text: 'Away from the office this week, back on Friday.', headers: { 'X-Autoreply': 'yes' } });
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      `To: ${helpAddress}`,
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'This is the mail system. Your message could not be delivered.',
      '--b1--',
      '',
    ].join('\r\n');
    await t.sendMail({ envelope: { from: '', to: [helpAddress] }, raw: bounce });
    await t.sendMail({ from: helpAddress, to: helpAddress, subject: 'Your complaint C-2026-000001', text: 'We received your complaint and will answer soon.' });
    await f.mailIn.drain();
    const rows = f.db.prepare('SELECT status, reason FROM inbound_mail ORDER BY id').all();
    expect(rows).toEqual([
      { status: 'ignored', reason: 'auto-reply' },
      { status: 'ignored', reason: 'auto-reply' },
      { status: 'ignored', reason: 'auto-reply' },
      { status: 'ignored', reason: 'bounce' },
      { status: 'ignored', reason: 'own-address' },
    ]);
    expect(f.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(0);
    await f.feedback.outbox.process();
    expect(f.outgoing.received).toHaveLength(0);
    expect(unansweredMail(f.db).map((m) => describeReason(m.reason))).toEqual([
      'Sent from the portal’s own address: not answered',
      'Bounce (undeliverable mail report): not answered',
      'Automatic reply (out of office, list or bulk mail): not answered',
      'Automatic reply (out of office, list or bulk mail): not answered',
      'Automatic reply (out of office, list or bulk mail): not answered',
    ]);
    expect(unansweredMail(f.db)[1]!.excerpt).toContain('Your message could not be delivered.');
  });

  it('an auto-reply to a complaint mail is kept with it but adds nothing and is not answered', async () => {
    const c = await fileByMail();
    await f.feedback.outbox.process();
    const sentId = headerOf(f.outgoing.received[0]!.data, 'Message-ID')!;
    await customerTransport(port).sendMail({ from: 'anna@example.com', to: helpAddress, subject: 'Automatic reply: your complaint', inReplyTo: sentId, text: 'I am on holiday until the 20th.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await f.mailIn.drain();
    expect(f.db.prepare('SELECT status, reason, complaint_id AS complaintId FROM inbound_mail ORDER BY id DESC LIMIT 1').get()).toEqual({ status: 'ignored', reason: 'auto-reply', complaintId: c.id });
    expect(f.feedback.complaints.timeline(c.id).some((e) => e.kind === 'customer-reply')).toBe(false);
    await f.feedback.outbox.process();
    expect(f.outgoing.received).toHaveLength(1);
  });

  it('oversized mail gets a permanent error and nothing is stored', async () => {
    const big = 'x'.repeat(300 * 1024);
    await expect(customerTransport(port).sendMail({ from: 'anna@example.com', to: helpAddress, subject: 'Big', text: big })).rejects.toMatchObject({ responseCode: 552 });
    expect(f.db.prepare('SELECT COUNT(*) FROM inbound_mail').pluck().get()).toBe(0);
  });

  it('unknown recipients are refused permanently', async () => {
    await expect(customerTransport(port).sendMail({ from: 'anna@example.com', to: 'someone-else@kestrel-home.example', subject: 'Hello', text: 'Is this the right address?' })).rejects.toMatchObject({ responseCode: 550 });
  });

  it('a sender over its hourly limit is deferred with a temporary error', async () => {
    const t = customerTransport(port);
    for (let i = 0; i < 5; i++) await t.sendMail({ from: 'flood@example.com', to: helpAddress, subject: `Flood ${i}`, text: 'The same complaint again and again.' });
    await expect(t.sendMail({ from: 'flood@example.com', to: helpAddress, subject: 'Flood 6', text: 'The same complaint again and again.' })).rejects.toMatchObject({ responseCode: 451 });
    await f.mailIn.drain();
    expect(f.db.prepare('SELECT COUNT(*) FROM inbound_mail').pluck().get()).toBe(5);
  });

  it('a database that cannot write answers 451, so the sender keeps the mail and retries', async () => {
    f.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON inbound_mail BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(customerTransport(port).sendMail({ from: 'anna@example.com', to: helpAddress, subject: 'Hello', text: 'My dishwasher is broken again.' })).rejects.toMatchObject({ responseCode: 451 });
    f.db.exec('DROP TRIGGER refuse');
    const info = await customerTransport(port).sendMail({ from: 'anna@example.com', to: helpAddress, subject: 'Hello', text: 'My dishwasher is broken again.' });
    expect(info.response).toMatch(/^250/);
  });

  it('HTML-only mail with scripts is stored as inert text', async () => {
    await customerTransport(port).sendMail({
      from: 'eve@example.com',
      to: helpAddress,
      subject: 'Oven <b>broken</b>',
      html: '<p>My HeatPro oven <b>does not heat</b>.</p><script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">click</a>',
    });
    await f.mailIn.drain();
    const c = f.db.prepare("SELECT subject, description FROM complaints WHERE channel = 'email'").get() as { subject: string; description: string };
    expect(c.description).toContain('My HeatPro oven does not heat.');
    expect(c.description).not.toMatch(/<script|<img|onerror|<p>/i);
    expect(c.subject).toBe('Oven <b>broken</b>');
  });

  it('a mail whose processing fails stays stored and is processed at the next round', async () => {
    f.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON complaints BEGIN SELECT RAISE(ABORT, 'database is locked'); END");
    const info = await customerTransport(port).sendMail({ from: 'anna@example.com', to: helpAddress, subject: 'Oven', text: 'My HeatPro oven does not heat at all.' });
    expect(info.response).toMatch(/^250/);
    await f.mailIn.drain();
    expect(f.db.prepare('SELECT status FROM inbound_mail').pluck().get()).toBe('received');
    expect(f.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(0);
    f.db.exec('DROP TRIGGER refuse');
    await f.mailIn.drain();
    expect(f.db.prepare('SELECT status FROM inbound_mail').pluck().get()).toBe('complaint');
    expect(f.db.prepare("SELECT subject FROM complaints WHERE channel = 'email'").pluck().get()).toBe('Oven');
  });

  it('attachments are stored through the attachment checks; a file pretending to be a photo is refused and noted on the mail', async () => {
    await customerTransport(port).sendMail({
      from: 'anna@example.com',
      to: helpAddress,
      subject: 'Broken door hinge',
      text: 'The oven door hinge broke, photo and receipt attached.',
      attachments: [
        { filename: 'hinge.png', content: pngBytes, contentType: 'image/png' },
        { filename: 'receipt.pdf', content: pdfBytes, contentType: 'application/pdf' },
        { filename: 'photo.jpg', content: htmlAsJpeg, contentType: 'image/jpeg' },
      ],
    });
    await f.mailIn.drain();
    const c = f.db.prepare("SELECT id FROM complaints WHERE channel = 'email'").get() as { id: number };
    const files = f.feedback.attachments.list({ kind: 'staff', complaintId: c.id, full: true, teams: undefined });
    expect(files.map((a) => [a.originalName, a.mediaType, a.source]).sort()).toEqual([
      ['hinge.png', 'image/png', 'email'],
      ['receipt.pdf', 'application/pdf', 'email'],
    ]);
    expect(f.db.prepare('SELECT status, reason FROM inbound_mail').get()).toMatchObject({ status: 'complaint', reason: expect.stringContaining('photo.jpg') });

    // A reply's file joins the same complaint.
    await f.feedback.outbox.process();
    const sentId = headerOf(f.outgoing.received[0]!.data, 'Message-ID')!;
    await customerTransport(port).sendMail({ from: 'anna@example.com', to: helpAddress, subject: 'Re: Broken door hinge', inReplyTo: sentId, text: 'One more photo.', attachments: [{ filename: 'side.png', content: pngBytes }] });
    await f.mailIn.drain();
    // The list's order among files of the same second is the attachment store's; compare as a set.
    expect(f.feedback.attachments.list({ kind: 'staff', complaintId: c.id, full: true, teams: undefined }).map((a) => a.originalName).sort()).toEqual(['hinge.png', 'receipt.pdf', 'side.png']);
  });
});
