import type { Migration } from '@core/db/database.ts';

/**
 * Erasure marks and the customers' erasure requests. A request keeps only the SHA-256 of the link mailed
 * to the customer; it is single-use (`used_at`) and expires (`expires_at`).
 */
export const privacyMigrations: Migration[] = [
  {
    id: 'feedback/privacy-001-erasure',
    sql: `
      ALTER TABLE complaints ADD COLUMN erased_at TEXT;
      ALTER TABLE customers ADD COLUMN erased_at TEXT;
      CREATE INDEX complaints_retention ON complaints (resolved_at) WHERE status = 'closed' AND erased_at IS NULL;

      CREATE TABLE privacy_erasure_requests (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE INDEX privacy_erasure_requests_customer ON privacy_erasure_requests (customer_id);
    `,
  },
];
