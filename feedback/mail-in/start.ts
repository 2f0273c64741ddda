import type { Db } from '@core/db/database.ts';
import type { Config } from '@core/config/config.ts';
import type { FeedbackServices } from '../feedback.ts';
import { bareAddress } from './addresses.ts';
import { MailIn } from './mail-in.ts';

export { MailIn } from './mail-in.ts';

/**
 * Starts email as a channel when it is configured (INBOUND_SMTP_PORT, IMAP_URL); else undefined. A
 * receiver that cannot listen is reported and the portal runs on without it, like search.
 */
export function startMailIn({ db, feedback, config }: { db: Db; feedback: FeedbackServices; config: Config }): MailIn | undefined {
  if (!config.INBOUND_SMTP_PORT && !config.IMAP_URL) return undefined;
  const mailIn = new MailIn({
    db,
    feedback,
    helpAddresses: config.HELP_ADDRESSES ?? [bareAddress(config.MAIL_FROM)],
    mailFrom: config.MAIL_FROM,
    maxBytes: config.INBOUND_MAIL_MAX_BYTES,
    perSenderPerHour: config.INBOUND_MAIL_PER_SENDER_PER_HOUR,
  });
  void mailIn.drain();
  if (config.INBOUND_SMTP_PORT) {
    mailIn.startSmtp(config.INBOUND_SMTP_PORT, config.INBOUND_SMTP_HOST).catch((error: unknown) => {
      console.error(`[mail-in] the SMTP receiver cannot listen on ${config.INBOUND_SMTP_HOST}:${config.INBOUND_SMTP_PORT}: ${error instanceof Error ? error.message : error}`);
    });
  }
  if (config.IMAP_URL) mailIn.startImap(config.IMAP_URL, config.IMAP_POLL_INTERVAL_MS);
  return mailIn;
}
