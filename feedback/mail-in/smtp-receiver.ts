import { randomBytes } from 'node:crypto';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { isHelpAddress, type HelpAddresses } from './addresses.ts';
import type { NewInboundMail } from './store.ts';

export interface SmtpReceiverOptions {
  port: number;
  host: string;
  help: HelpAddresses;
  maxBytes: number;
  /** Mails one envelope sender may hand over per hour; more get a temporary error (the sender retries later). */
  perSenderPerHour: number;
  /** Mails stored but not yet processed above which new mail is deferred (4xx). */
  maxBacklog: number;
  backlog: () => number;
  /** Commits the raw mail; a throw answers 451 so the sending server keeps it and retries. */
  store: (mail: Omit<NewInboundMail, 'at'>) => void;
  log: (line: string) => void;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The built-in receiver for a mail route pointed at the portal. It answers 250 only once the message is
 * committed to SQLite; temporary trouble (overload, a database that cannot write, a sender over its
 * limit) is a 4xx, so the sending server retries; refusals (too big, unknown recipient) are 5xx.
 * No AUTH and no STARTTLS: it is meant to sit behind the company's relay or MX on a private network.
 */
export async function startSmtpReceiver(o: SmtpReceiverOptions): Promise<{ port: number; close: () => Promise<void> }> {
  const senders = new RateLimiterMemory({ keyPrefix: 'smtp-senders', points: Math.max(1, o.perSenderPerHour), duration: 3600 });
  const server = new SMTPServer({
    name: o.help.primary.split('@')[1],
    banner: 'Kestrel Help Center',
    size: o.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    maxClients: 50,
    logger: false,
    onMailFrom(address: SMTPServerAddress, _session, callback) {
      const args: Record<string, string | true> = address.args || {};
      const declared = Number(args.SIZE ?? 0);
      if (declared > o.maxBytes) return callback(smtpError(552, `5.3.4 Message too big: the limit is ${o.maxBytes} bytes`));
      if (o.backlog() >= o.maxBacklog) return callback(smtpError(451, '4.3.2 Too much mail waiting to be processed; try again later'));
      senders.consume(address.address.toLowerCase() || '<>').then(
        () => callback(),
        () => callback(smtpError(451, `4.7.1 More than ${o.perSenderPerHour} mails from this sender in an hour; try again later`)),
      );
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (!isHelpAddress(o.help, address.address)) return callback(smtpError(550, '5.1.1 No such mailbox here'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        // Past the limit nothing more is kept; smtp-server reads on and flags sizeExceeded.
        if (size <= o.maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || size > o.maxBytes) {
          return callback(smtpError(552, `5.3.4 Message too big: the limit is ${o.maxBytes} bytes`));
        }
        try {
          o.store({
            source: 'smtp',
            sourceKey: `smtp:${randomBytes(12).toString('hex')}`,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            raw: Buffer.concat(chunks),
          });
          callback();
        } catch (error) {
          o.log(`[mail-in] could not store a mail: ${error instanceof Error ? error.message : error}`);
          callback(smtpError(451, '4.3.0 The mail could not be stored; try again later'));
        }
      });
    },
  });
  // A client dropping its connection must not stop the receiver.
  server.on('error', (error: Error) => o.log(`[mail-in] SMTP: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(o.port, o.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const bound = server.server.address();
  return {
    port: typeof bound === 'object' && bound ? bound.port : o.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
