import type { Statement } from 'better-sqlite3';
import type { Db, Migration } from '@core/db/database.ts';

/** Which answer (template or article) an agent used in a reply to which complaint: editors see what answers. */
export const answerUseMigrations: Migration[] = [
  {
    id: 'feedback/020-answer-uses',
    sql: `
      CREATE TABLE complaint_answer_uses (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        answer_id TEXT NOT NULL,
        agent_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX complaint_answer_uses_answer ON complaint_answer_uses (answer_id, at DESC);
    `,
  },
];

export class AnswerUses {
  private readonly insert: Statement;
  private readonly counts: Statement;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO complaint_answer_uses (complaint_id, answer_id, agent_id, at) VALUES (?, ?, ?, ?)');
    this.counts = db.prepare('SELECT answer_id AS answerId, COUNT(*) AS uses, MAX(at) AS lastUsed FROM complaint_answer_uses GROUP BY answer_id ORDER BY uses DESC');
  }

  record(complaintId: number, answerId: string, agentId: number, at: string): void {
    this.insert.run(complaintId, answerId, agentId, at);
  }

  /** Uses per answer, most used first. */
  usage(): Array<{ answerId: string; uses: number; lastUsed: string }> {
    return this.counts.all() as Array<{ answerId: string; uses: number; lastUsed: string }>;
  }
}
