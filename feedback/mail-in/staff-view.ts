import type { Db } from '@core/db/database.ts';
import { MailStore, type InboundMail } from './store.ts';

export interface UnansweredMail extends InboundMail {
  /** The start of the raw message as text, for staff to read (shown escaped, never as HTML). */
  excerpt: string;
  truncated: boolean;
}

const excerptBytes = 20_000;

const reasons: Record<string, string> = {
  'auto-reply': 'Automatic reply (out of office, list or bulk mail): not answered',
  bounce: 'Bounce (undeliverable mail report): not answered',
  'own-address': 'Sent from the portal’s own address: not answered',
};

/** Why a mail was kept without becoming a complaint or reply, in the staff area's words. */
export function describeReason(reason: string | null): string {
  return reason ? (reasons[reason] ?? reason) : '';
}

/**
 * Mails kept but not turned into a complaint or a reply (not answered, refused, unreadable), newest
 * first. Only for staff who see customers' details (permission `complaints:read-pii`, checked by the path table).
 */
export function unansweredMail(db: Db, limit = 100): UnansweredMail[] {
  const store = new MailStore(db);
  return store.unhandled(limit).map((mail) => {
    const raw = store.raw(mail.id) ?? Buffer.alloc(0);
    return { ...mail, excerpt: raw.subarray(0, excerptBytes).toString('utf8'), truncated: raw.byteLength > excerptBytes };
  });
}
