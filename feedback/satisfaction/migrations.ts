import type { Migration } from '@core/db/database.ts';

/**
 * Customer ratings of resolved complaints. The complaint id is the primary key: one rating per complaint,
 * ever (a reopened and resolved-again complaint keeps its first rating; docs/complaints.md says why).
 * Team, agent and category are taken when the customer rates, so later re-routing or reclassification
 * does not move a rating to someone who did not handle the complaint.
 */
export const satisfactionMigrations: Migration[] = [
  {
    id: 'feedback/satisfaction-001-ratings',
    sql: `
      CREATE TABLE complaint_ratings (
        complaint_id INTEGER PRIMARY KEY REFERENCES complaints(id) ON DELETE CASCADE,
        rated_at TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment TEXT,
        team_id TEXT,
        agent_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        category TEXT
      );
      CREATE INDEX complaint_ratings_at ON complaint_ratings (rated_at);
    `,
  },
];
