import type { Migration } from '@core/db/database.ts';

export const mailInMigrations: Migration[] = [
  {
    id: 'feedback/mail-in-001-inbound-mail',
    sql: `
      -- Every mail that reached the help address, stored raw before it is answered with 250 (SMTP) or
      -- marked seen (IMAP); kept when it cannot be parsed, so staff can look at it.
      CREATE TABLE inbound_mail (
        id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        source TEXT NOT NULL,
        -- smtp:<random> or imap:<uidvalidity>:<uid>: a message polled twice is stored once.
        source_key TEXT NOT NULL UNIQUE,
        envelope_from TEXT,
        envelope_to TEXT,
        size INTEGER NOT NULL,
        raw BLOB NOT NULL,
        -- received (not yet processed), complaint, reply, ignored (stored, not answered), failed
        status TEXT NOT NULL DEFAULT 'received',
        reason TEXT,
        complaint_id INTEGER REFERENCES complaints(id) ON DELETE SET NULL,
        message_id TEXT,
        from_address TEXT,
        subject TEXT,
        processed_at TEXT
      );
      CREATE INDEX inbound_mail_status ON inbound_mail (status, id);
      CREATE INDEX inbound_mail_complaint ON inbound_mail (complaint_id) WHERE complaint_id IS NOT NULL;

      -- The token in help+<token>@domain on the portal's mails to a customer; only its SHA-256 is kept.
      CREATE TABLE mail_reply_tokens (
        token_hash TEXT PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL
      );
      CREATE INDEX mail_reply_tokens_complaint ON mail_reply_tokens (complaint_id);
    `,
  },
];
