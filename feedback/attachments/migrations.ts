import type { Migration } from '@core/db/database.ts';

/**
 * Files customers sent with a complaint. The bytes live under DATA_DIR/attachments, named by `id` (random,
 * never the customer's file name); this row holds what we know of them. `original_name` is shown as text
 * only and never used as a path.
 */
export const attachmentMigrations: Migration[] = [
  {
    id: 'feedback/attachments-001-files',
    sql: `
      CREATE TABLE complaint_attachments (
        id TEXT PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        -- web, api, email or staff: how the file reached us.
        source TEXT NOT NULL,
        -- Sniffed from the content, never taken from the name or the client's header.
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL
      );
      CREATE INDEX complaint_attachments_complaint ON complaint_attachments (complaint_id, created_at);
    `,
  },
];
