import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, noMailer, smtpMailer } from '@feedback/outbox/mailer.ts';
import { createFeedback } from '@feedback/feedback.ts';
import type { Mailer } from '@feedback/outbox/mailer.ts';
import { complaintInput, setup } from './helpers.ts';
import { startSmtp } from './smtp.ts';

/** Quoted-printable soft line breaks and escapes, enough to search the body. */
function decode(data: string): string {
  return data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

describe('mail through SMTP (nodemailer against a real smtp-server)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeEach(async () => {
    smtp = await startSmtp();
  });
  afterEach(async () => {
    await smtp.close();
  });

  it('sends the confirmation from the outbox and keeps no tracking token afterwards', async () => {
    const mailer = smtpMailer({ url: smtp.url, from: 'Kestrel Help Center <help@kestrel-home.example>' });
    const { feedback } = setup({ mailer });
    const r = feedback.complaints.submit(complaintInput({ email: 'customer@example.com' }), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(await feedback.outbox.process()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.from).toBe('help@kestrel-home.example');
    expect(mail!.to).toEqual(['customer@example.com']);
    expect(mail!.data).toMatch(/Subject: We have received your complaint C-2026-000001/);
    // Written by the portal: other systems' auto-replies must not answer it (RFC 3834).
    expect(mail!.data).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
    expect(decode(mail!.data)).toContain(`https://help.example/track/${r.token}`);
    const row = feedback.outbox.list({ complaintId: r.complaint.id })[0]!;
    expect(row.status).toBe('sent');
    expect(JSON.stringify(row.payload)).not.toContain(r.token);
    mailer.close();
  });

  it('an overdue complaint escalates (test clock) and the team lead’s mail reaches the SMTP server', async () => {
    const mailer = createMailer(smtp.url, 'help@kestrel-home.example');
    const { feedback, clock } = setup({ mailer });
    const r = feedback.complaints.submit(complaintInput({ product: 'brewmaster', subject: 'Coffee machine leaks', description: 'The BrewMaster coffee machine leaks water under the drip tray.' }), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    await feedback.tick();
    clock.advanceHours(13);
    const round = await feedback.tick();
    expect(round.escalated).toEqual([r.complaint.reference]);
    // Whatever team the classifier chose, its lead is told.
    const leadEmail = feedback.routing.team(feedback.complaints.get(r.complaint.id)!.teamId)!.leadEmail!;
    const lead = smtp.received.find((m) => m.to.includes(leadEmail));
    expect(lead).toBeDefined();
    expect(lead!.data).toContain(`[Overdue] ${r.complaint.reference}`);
    mailer.close();
  });

  it('retries with growing delays while the server refuses, then delivers', async () => {
    await smtp.close();
    smtp = await startSmtp({ rejectFirst: 2 });
    const mailer = smtpMailer({ url: smtp.url, from: 'help@kestrel-home.example' });
    const { feedback, clock, logs } = setup({ mailer });
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(await feedback.outbox.process()).toMatchObject({ retried: 1 });
    let row = feedback.outbox.list({ kind: 'mail' })[0]!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/451|temporarily/);
    expect(row.nextAttemptAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    // Not yet due: nothing happens.
    expect(await feedback.outbox.process()).toMatchObject({ retried: 0, sent: 0 });
    clock.advance(60_000);
    expect(await feedback.outbox.process()).toMatchObject({ retried: 1 });
    row = feedback.outbox.list({ kind: 'mail' })[0]!;
    expect(row.nextAttemptAt).toBe(new Date(clock.now().getTime() + 120_000).toISOString());
    clock.advance(120_000);
    expect(await feedback.outbox.process()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    // Logs name the message, never the address.
    expect(logs.join('\n')).not.toContain('anna.virtanen@example.com');
    mailer.close();
  });
});

describe('outbox without SMTP', () => {
  it('keeps mails in the table and logs them without personal data', async () => {
    const { feedback, logs } = setup({ mailer: noMailer });
    const r = feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(await feedback.outbox.process()).toMatchObject({ kept: 1 });
    const row = feedback.outbox.list({ kind: 'mail' })[0]!;
    expect(row.status).toBe('kept');
    expect((row.payload as { to: string }).to).toBe('anna.virtanen@example.com');
    expect(logs.find((l) => l.startsWith('[outbox]') && l.includes('kept in the outbox'))).toBe(`[outbox] 1 kept in the outbox (SMTP_URL is not set): #${row.id} mail (confirmation ${r.complaint.reference})`);
    expect(logs.join('\n')).not.toMatch(/anna|virtanen|example\.com/i);
  });

  it('gives a message up after the last attempt', async () => {
    const { feedback, clock, mailer } = setup({ outbox: { maxAttempts: 3, baseDelayMs: 1000 } });
    mailer.failWith = 'connection refused';
    feedback.complaints.submit(complaintInput(), { channel: 'web' });
    for (let i = 0; i < 3; i++) {
      await feedback.outbox.process();
      clock.advance(10_000);
    }
    expect(feedback.outbox.list({ kind: 'mail' })[0]).toMatchObject({ status: 'dead', attempts: 3, lastError: 'connection refused' });
    expect(feedback.outbox.counts()).toMatchObject({ dead: 1, pending: 0 });
  });
});

describe('outbox across an outage and a restart', () => {
  const down: Mailer = { kind: 'smtp', send: () => Promise.reject(new Error('421 service not available')), close: () => undefined };
  const sent: string[] = [];
  const up: Mailer = { kind: 'smtp', send: async (m) => void sent.push(m.subject), close: () => undefined };

  it('keeps retrying a mail after a restart without SMTP_URL, and delivers it once mail is back', async () => {
    const f = setup({ mailer: down });
    const r = f.feedback.complaints.submit(complaintInput(), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(await f.feedback.outbox.process()).toMatchObject({ retried: 1 });

    // Restarted without SMTP_URL: the mail being retried waits, it is not kept for good.
    const withoutMail = createFeedback({ db: f.db, clock: f.clock, mailer: noMailer, siteUrl: 'https://help.example', log: () => undefined });
    f.clock.advance(3_600_000);
    expect(await withoutMail.outbox.process()).toMatchObject({ kept: 0, retried: 0 });
    expect(withoutMail.outbox.list({ kind: 'mail' })).toMatchObject([{ status: 'pending', attempts: 1 }]);

    // Restarted with mail again: delivered.
    const withMail = createFeedback({ db: f.db, clock: f.clock, mailer: up, siteUrl: 'https://help.example', log: () => undefined });
    expect(await withMail.outbox.process()).toMatchObject({ sent: 1 });
    expect(withMail.outbox.list({ kind: 'mail' })).toMatchObject([{ status: 'sent', attempts: 2 }]);
    expect(sent).toHaveLength(1);
  });

  it('logs one line per round, however many mails fail', async () => {
    const f = setup({ mailer: down });
    for (let i = 0; i < 12; i++) if (!f.feedback.complaints.submit(complaintInput(), { channel: 'web' }).ok) throw new Error('not saved');
    f.logs.length = 0;
    expect(await f.feedback.outbox.process()).toMatchObject({ retried: 12 });
    const lines = f.logs.filter((l) => l.startsWith('[outbox]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[outbox\] 12 failed, to be retried: #\d+ mail \(confirmation [A-Z0-9-]+\) failed \(attempt 1\), next try [^:]+:\d\d:\d\d\.\d{3}Z: 421 service not available; .*; and 9 more$/);
    expect(lines[0]).not.toMatch(/anna|virtanen|example\.com/i);
  });
});
