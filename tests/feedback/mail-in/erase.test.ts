import { describe, expect, it } from 'vitest';
import { eraseMailFor, purgeMailBefore } from '@feedback/mail-in/erase.ts';
import { MailIn } from '@feedback/mail-in/mail-in.ts';
import { setup } from '../helpers.ts';

const helpAddress = 'help@kestrel-home.example';

function rawMail(from: string, subject: string, text: string, headers = ''): Buffer {
  return Buffer.from(`From: ${from}\r\nTo: ${helpAddress}\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.com>\r\n${headers}\r\n${text}\r\n`);
}

describe('erasure and retention of stored mail', () => {
  it('eraseMailFor removes a customer’s mails and reply tokens and leaves others; purgeMailBefore removes processed mail past the cut-off', async () => {
    const f = setup();
    const mailIn = new MailIn({ db: f.db, feedback: f.feedback, helpAddresses: [helpAddress], mailFrom: helpAddress, maxBytes: 1024 * 1024, perSenderPerHour: 20, log: () => undefined });
    mailIn.receive({ source: 'smtp', sourceKey: 'smtp:1', envelopeFrom: 'anna@example.com', envelopeTo: [helpAddress], raw: rawMail('anna@example.com', 'Leaking dishwasher', 'The dishwasher leaks under the door.') });
    mailIn.receive({ source: 'smtp', sourceKey: 'smtp:2', envelopeFrom: 'anna@example.com', envelopeTo: [helpAddress], raw: rawMail('anna@example.com', 'Out of office', 'Away.', 'Auto-Submitted: auto-replied\r\n') });
    mailIn.receive({ source: 'smtp', sourceKey: 'smtp:3', envelopeFrom: 'bob@example.com', envelopeTo: [helpAddress], raw: rawMail('bob@example.com', 'Oven cold', 'My oven does not heat at all.') });
    await mailIn.drain();
    const anna = f.db.prepare("SELECT id FROM complaints WHERE email = 'anna@example.com'").pluck().get() as number;
    expect(f.db.prepare('SELECT COUNT(*) FROM mail_reply_tokens WHERE complaint_id = ?').pluck().get(anna)).toBe(1);

    expect(eraseMailFor(f.db, { complaintIds: [anna], emails: ['Anna@Example.com'] })).toBe(2);
    const left = f.db.prepare('SELECT raw FROM inbound_mail').pluck().all() as Buffer[];
    expect(left).toHaveLength(1);
    expect(left.some((r) => r.toString().includes('anna@example.com'))).toBe(false);
    expect(f.db.prepare('SELECT COUNT(*) FROM mail_reply_tokens WHERE complaint_id = ?').pluck().get(anna)).toBe(0);

    expect(purgeMailBefore(f.db, '2000-01-01T00:00:00.000Z')).toBe(0);
    expect(purgeMailBefore(f.db, '2999-01-01T00:00:00.000Z')).toBe(1);
    expect(f.db.prepare('SELECT COUNT(*) FROM inbound_mail').pluck().get()).toBe(0);
    await mailIn.stop();
  });

  it('a mail polled twice is stored once', async () => {
    const f = setup();
    const mailIn = new MailIn({ db: f.db, feedback: f.feedback, helpAddresses: [helpAddress], mailFrom: helpAddress, maxBytes: 1024 * 1024, perSenderPerHour: 20, log: () => undefined });
    const mail = { source: 'imap' as const, sourceKey: 'imap:7:42', envelopeFrom: null, envelopeTo: [], raw: rawMail('anna@example.com', 'Leaking dishwasher', 'The dishwasher leaks under the door.') };
    expect(mailIn.receive(mail)).toBe(mailIn.receive(mail));
    await mailIn.drain();
    expect(f.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(1);
    await mailIn.stop();
  });
});
