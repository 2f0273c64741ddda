import type { Migration } from '@core/db/database.ts';

export const searchFollowupMigrations: Migration[] = [
  {
    id: 'feedback/search-followups/001-links',
    sql: `
      -- The search a complaint form was opened from (its id travelled in the link, never in a cookie).
      CREATE TABLE complaint_searches (
        complaint_id INTEGER PRIMARY KEY REFERENCES complaints (id) ON DELETE CASCADE,
        query_id INTEGER NOT NULL
      );
      CREATE INDEX complaint_searches_query ON complaint_searches (query_id);
    `,
  },
];
