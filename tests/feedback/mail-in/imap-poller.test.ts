import { ImapFlow } from 'imapflow';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollOnce, parseImapUrl } from '@feedback/mail-in/imap-poller.ts';
import { startDovecot, type Dovecot } from './dovecot.ts';
import { decodeQp, headerOf, helpAddress, mailSetup, type MailFixture } from './mail-in-helpers.ts';

const imapPort = 4665;

/** A mail as a customer's mail program writes it (nodemailer's MIME builder), as bytes. */
async function compose(options: SendMailOptions): Promise<Buffer> {
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(options);
  return info.message as Buffer;
}

describe('email as a channel: polling a mailbox over IMAP (a real Dovecot)', () => {
  let dovecot: Dovecot;
  let imap: ImapFlow;
  let f: MailFixture;
  let url: string;

  beforeAll(async () => {
    dovecot = await startDovecot(imapPort);
    url = `imap://${dovecot.user}:${dovecot.password}@127.0.0.1:${dovecot.port}/INBOX`;
    imap = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await imap.connect();
    f = await mailSetup();
  }, 60_000);
  afterAll(async () => {
    await imap?.logout().catch(() => undefined);
    await f?.close();
    dovecot?.stop();
  });

  const poll = () => pollOnce({ settings: parseImapUrl(url), maxBytes: 10 * 1024 * 1024, store: (mail) => void f.mailIn.receive(mail) });

  it('reads the URL', () => {
    expect(parseImapUrl('imaps://help%40example.com:p%3Ass@mail.example.com/Support')).toEqual({ host: 'mail.example.com', port: 993, secure: true, user: 'help@example.com', pass: 'p:ss', mailbox: 'Support' });
  });

  it('a mail in the mailbox becomes a complaint, a reply threads into it, an auto-reply is not answered, and nothing is taken twice', async () => {
    await imap.append('INBOX', await compose({ from: 'Maria García <maria@example.com>', to: helpAddress, subject: 'La secadora no seca', text: 'Mi secadora DryMax no seca la ropa desde la semana pasada, tarda tres ciclos.', messageId: '<maria-1@example.com>' }));
    expect(await poll()).toBe(1);
    await f.mailIn.drain();
    const c = f.db.prepare("SELECT * FROM complaints WHERE channel = 'email'").get() as { id: number; reference: string; locale: string; email: string };
    expect(c).toMatchObject({ locale: 'es', email: 'maria@example.com' });
    // Flagged \Seen only after it was stored: a second round takes nothing.
    expect(await poll()).toBe(0);
    const status = await imap.status('INBOX', { messages: true, unseen: true });
    expect(status).toMatchObject({ messages: 1, unseen: 0 });

    await f.feedback.outbox.process();
    const confirmation = f.outgoing.received[0]!;
    expect(decodeQp(confirmation.data)).toContain(c.reference);
    const sentId = headerOf(confirmation.data, 'Message-ID')!;

    await imap.append('INBOX', await compose({ from: 'maria@example.com', to: helpAddress, subject: 'Re: La secadora no seca', inReplyTo: sentId, references: [sentId], text: 'El número de serie es DM-4410.\n\nEl mar, 2 mar 2026 a las 9:00, Kestrel escribió:\n> Hemos recibido su reclamación.' }));
    await imap.append('INBOX', await compose({ from: 'maria@example.com', to: helpAddress, subject: 'Respuesta automática', inReplyTo: sentId, text: 'Estoy de vacaciones hasta el lunes.', headers: { 'Auto-Submitted': 'auto-replied' } }));
    expect(await poll()).toBe(2);
    await f.mailIn.drain();

    expect(f.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(1);
    const replies = f.feedback.complaints.timeline(c.id).filter((e) => e.kind === 'customer-reply');
    expect(replies.map((e) => e.body)).toEqual(['El número de serie es DM-4410.']);
    expect(f.db.prepare("SELECT reason FROM inbound_mail WHERE status = 'ignored'").pluck().all()).toEqual(['auto-reply']);
    await f.feedback.outbox.process();
    expect(f.outgoing.received).toHaveLength(1);
  }, 60_000);

  it('a message over the size limit is recorded for staff without its body, left in the mailbox, and files nothing', async () => {
    const before = f.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get() as number;
    await imap.append('INBOX', await compose({ from: 'big@example.com', to: helpAddress, subject: 'Huge photo', text: 'See the photo.', attachments: [{ filename: 'big.png', content: Buffer.alloc(300 * 1024, 1) }] }));
    expect(await pollOnce({ settings: parseImapUrl(url), maxBytes: 256 * 1024, store: (mail) => void f.mailIn.receive(mail) })).toBe(1);
    await f.mailIn.drain();
    const row = f.db.prepare("SELECT status, reason, size FROM inbound_mail WHERE source_key LIKE 'imap:%' ORDER BY id DESC LIMIT 1").get() as { status: string; reason: string; size: number };
    expect(row).toMatchObject({ status: 'ignored', reason: expect.stringContaining('larger than 262144 bytes') });
    expect(row.size).toBeLessThan(1024);
    expect(f.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(before);
    expect(await imap.status('INBOX', { messages: true })).toMatchObject({ messages: 4 });
  }, 60_000);
});
