import type { Migration } from '@core/db/database.ts';

/**
 * Which visitor opened a result (a key that changes every day, see visitor-key.ts), so a query is learned
 * only from several visitors; and what was learned, so a restart gives the engine the phrases at once.
 */
export const askedAsMigrations: Migration[] = [
  {
    id: 'search/002-asked-as',
    sql: `
      ALTER TABLE search_clicks ADD COLUMN visitor TEXT;
      CREATE INDEX search_clicks_at ON search_clicks (at);
      CREATE TABLE search_visitor_keys (day TEXT PRIMARY KEY, secret TEXT NOT NULL);
      CREATE TABLE search_asked_as (
        article_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        phrase TEXT NOT NULL,
        weight REAL NOT NULL,
        PRIMARY KEY (article_id, phrase)
      );
    `,
  },
];
