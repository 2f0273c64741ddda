import type { Migration } from '@core/db/database.ts';

/**
 * Readers' votes on articles, staff reports of problems, and the editors' tasks made from them.
 * A vote's `voter` is a keyed hash of the client (decision 0026): the key of each day is deleted after
 * that day, so a stored hash cannot be traced back to an address, and no address, cookie id or account
 * is kept.
 */
export const articleFeedbackMigrations: Migration[] = [
  {
    id: 'feedback/articles-001-votes-reports-tasks',
    sql: `
      CREATE TABLE article_votes (
        article_id TEXT NOT NULL,
        voter TEXT NOT NULL,
        at TEXT NOT NULL,
        locale TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        reason TEXT CHECK (reason IN ('outdated', 'unclear', 'not-answered', 'other')),
        comment TEXT,
        PRIMARY KEY (article_id, voter)
      );
      CREATE INDEX article_votes_at ON article_votes (at);
      CREATE TABLE article_vote_keys (day TEXT PRIMARY KEY, secret TEXT NOT NULL);
      CREATE TABLE article_reports (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        at TEXT NOT NULL,
        reporter_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX article_reports_article ON article_reports (article_id);
      CREATE TABLE article_tasks (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        note TEXT NOT NULL,
        done_at TEXT
      );
      CREATE INDEX article_tasks_open ON article_tasks (article_id) WHERE done_at IS NULL;
    `,
  },
];
