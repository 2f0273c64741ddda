import type { Db } from '@core/db/database.ts';

/**
 * Erasure: removes the stored mails (raw message, parsed sender and subject) of these complaints and any
 * other mail from these addresses, and the complaints' reply tokens. Returns the mails removed.
 */
export function eraseMailFor(db: Db, who: { complaintIds: readonly number[]; emails?: readonly string[] }): number {
  return db.transaction(() => {
    let removed = 0;
    const byComplaint = db.prepare('DELETE FROM inbound_mail WHERE complaint_id = ?');
    const tokens = db.prepare('DELETE FROM mail_reply_tokens WHERE complaint_id = ?');
    for (const id of who.complaintIds) {
      removed += byComplaint.run(id).changes;
      tokens.run(id);
    }
    const byAddress = db.prepare('DELETE FROM inbound_mail WHERE from_address = ? OR envelope_from = ?');
    for (const email of who.emails ?? []) removed += byAddress.run(email.toLowerCase(), email.toLowerCase()).changes;
    return removed;
  })();
}

/**
 * Retention: removes stored mails received before the cut-off (ISO time). What a mail said lives on in
 * its complaint's text and timeline, which follow the complaints' own retention. Mails not yet processed
 * are kept. Returns the mails removed.
 */
export function purgeMailBefore(db: Db, before: string): number {
  return db.prepare("DELETE FROM inbound_mail WHERE received_at < ? AND status <> 'received'").run(before).changes;
}
