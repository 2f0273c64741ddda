import nodemailer from 'nodemailer';
import { MailIn } from '@feedback/mail-in/mail-in.ts';
import { smtpMailer } from '@feedback/outbox/mailer.ts';
import { setup, type Fixture } from '../helpers.ts';
import { startSmtp } from '../smtp.ts';

export const helpAddress = 'help@kestrel-home.example';

export interface MailFixture extends Fixture {
  mailIn: MailIn;
  /** The real SMTP server the portal's outbox sends to: what customers would get. */
  outgoing: Awaited<ReturnType<typeof startSmtp>>;
  close(): Promise<void>;
}

/** A portal database whose outbox sends over SMTP to a local server, with email as a channel (not yet listening). */
export async function mailSetup(options: { maxBytes?: number; perSenderPerHour?: number } = {}): Promise<MailFixture> {
  const outgoing = await startSmtp();
  const fixture = setup({ mailer: smtpMailer({ url: outgoing.url, from: `Kestrel Help Center <${helpAddress}>` }) });
  const mailIn = new MailIn({
    db: fixture.db,
    feedback: fixture.feedback,
    helpAddresses: [helpAddress],
    mailFrom: `Kestrel Help Center <${helpAddress}>`,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    perSenderPerHour: options.perSenderPerHour ?? 20,
    log: (line) => fixture.logs.push(line),
  });
  return {
    ...fixture,
    mailIn,
    outgoing,
    close: async () => {
      await mailIn.stop();
      await outgoing.close();
    },
  };
}

/** A nodemailer transport to the portal's receiver, as a customer's mail server would connect. */
export function customerTransport(port: number) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 30_000, socketTimeout: 60_000 });
}

/** Quoted-printable soft line breaks and escapes, enough to search a sent mail. */
export function decodeQp(data: string): string {
  return data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** A header's value in a raw mail (first occurrence, unfolded). */
export function headerOf(raw: string, name: string): string | undefined {
  const match = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return match?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();
}
