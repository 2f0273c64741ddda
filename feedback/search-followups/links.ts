import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';

/** A complaint sent from a form that a search results page linked to; written inside the intake transaction. */
export class SearchLinks {
  private readonly insert: Statement;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT OR IGNORE INTO complaint_searches (complaint_id, query_id) VALUES (?, ?)');
  }

  record(complaintId: number, queryId: number): void {
    this.insert.run(complaintId, queryId);
  }
}

