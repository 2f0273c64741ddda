import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  /** Copies (staff addresses only, such as the team lead on an overdue alarm). */
  cc?: string[];
  subject: string;
  text: string;
  /** The Message-ID the outbox gave the mail (replies are matched by it). */
  messageId?: string;
  replyTo?: string;
  /** Sent with `Auto-Submitted: auto-generated` (RFC 3834): no vacation reply or ticket system answers it. */
  automatic?: boolean;
}

/**
 * Sends mail. `smtp` goes through nodemailer to SMTP_URL; `none` (no SMTP_URL) sends nothing and the
 * outbox keeps the message instead, so the portal runs without a mail server.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'none';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export const noMailer: Mailer = {
  kind: 'none',
  send: () => Promise.reject(new Error('no mail transport configured')),
  close: () => undefined,
};

export interface SmtpOptions {
  url: string;
  from: string;
  /** Milliseconds to wait for the server at each step; a stuck server must not stall the outbox. */
  timeoutMs?: number;
}

export function smtpMailer({ url, from, timeoutMs = 10_000 }: SmtpOptions): Mailer {
  const transport = nodemailer.createTransport(url, { from });
  const options = transport.options as { connectionTimeout?: number; greetingTimeout?: number; socketTimeout?: number };
  options.connectionTimeout = timeoutMs;
  options.greetingTimeout = timeoutMs;
  options.socketTimeout = timeoutMs;
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        ...(message.cc?.length ? { cc: message.cc } : {}),
        ...(message.messageId ? { messageId: message.messageId } : {}),
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        ...(message.automatic ? { headers: { 'Auto-Submitted': 'auto-generated' } } : {}),
        subject: message.subject,
        text: message.text,
      });
    },
    close: () => transport.close(),
  };
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  return smtpUrl ? smtpMailer({ url: smtpUrl, from }) : noMailer;
}
