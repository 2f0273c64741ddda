import type { Migration } from '@core/db/database.ts';

/** The Message-ID each mail is sent with, so a customer's reply (In-Reply-To, References) finds its complaint. */
export const outboxMigrations: Migration[] = [
  {
    id: 'feedback/outbox-001-message-id',
    sql: `
      ALTER TABLE outbox ADD COLUMN message_id TEXT;
      CREATE INDEX outbox_message_id ON outbox (message_id) WHERE message_id IS NOT NULL;
    `,
  },
];
