import { createHash } from 'node:crypto';
import type { Db, Migration } from '@core/db/database.ts';

export const revisionMigrations: Migration[] = [
  {
    id: 'admin/020-article-revisions',
    sql: `
      CREATE TABLE article_revisions (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        action TEXT NOT NULL,
        author_id INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        message TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX article_revisions_file ON article_revisions (file, id DESC);
    `,
  },
  {
    // A minor change (a typo fix) does not ask people who read the article to read it again.
    id: 'admin/021-article-revisions-minor',
    sql: 'ALTER TABLE article_revisions ADD COLUMN minor INTEGER NOT NULL DEFAULT 0;',
  },
];

/**
 * What happened in a revision. `import` is a version found on disk (first edit, git pull, another tool)
 * recorded before the editor replaces it, so nothing an editor or anyone else wrote is lost.
 */
export const revisionActions = ['import', 'create', 'save', 'publish', 'unpublish', 'delete', 'restore'] as const;
export type RevisionAction = (typeof revisionActions)[number];

export const revisionActionLabels: Record<RevisionAction, string> = {
  import: 'Found on disk',
  create: 'Created',
  save: 'Saved',
  publish: 'Published',
  unpublish: 'Unpublished',
  delete: 'Deleted',
  restore: 'Restored',
};

export interface RevisionSummary {
  id: number;
  file: string;
  action: RevisionAction;
  authorId: number | null;
  authorLabel: string;
  createdAt: string;
  message: string;
  hash: string;
  /** Marked by the editor as a minor change: readers are not asked to read it again. */
  minor: boolean;
}

export interface Revision extends RevisionSummary {
  content: string;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

interface Row {
  id: number;
  file: string;
  action: RevisionAction;
  author_id: number | null;
  author_email: string | null;
  created_at: string;
  message: string;
  hash: string;
  minor: number;
  content?: string;
}

function toSummary(r: Row): RevisionSummary {
  return {
    id: r.id,
    file: r.file,
    action: r.action,
    authorId: r.author_id,
    authorLabel: r.author_email ?? (r.author_id === null ? 'outside the editor' : `user ${r.author_id}`),
    createdAt: r.created_at,
    message: r.message,
    hash: r.hash,
    minor: r.minor === 1,
  };
}

const summaryColumns = 'r.id, r.file, r.action, r.author_id, u.email AS author_email, r.created_at, r.message, r.hash, r.minor';

export class RevisionStore {
  constructor(private readonly db: Db) {}

  add(input: { file: string; action: RevisionAction; authorId: number | null; message?: string; content: string; minor?: boolean }): number {
    const result = this.db
      .prepare('INSERT INTO article_revisions (file, action, author_id, created_at, message, content, hash, minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.file, input.action, input.authorId, new Date().toISOString(), input.message?.trim() ?? '', input.content, contentHash(input.content), input.minor ? 1 : 0);
    return Number(result.lastInsertRowid);
  }

  /**
   * The newest revision of `file` after `revisionId` that is not marked minor and changed the text, or
   * undefined: what tells a reader of `revisionId` that the article changed since.
   */
  significantAfter(file: string, revisionId: number): Revision | undefined {
    const read = this.get(revisionId);
    const id = this.db
      .prepare("SELECT MAX(id) FROM article_revisions WHERE file = ? AND id > ? AND minor = 0 AND action <> 'delete' AND hash <> ?")
      .pluck()
      .get(file, revisionId, read?.hash ?? '') as number | null;
    return id === null ? undefined : this.get(id);
  }

  list(file: string): RevisionSummary[] {
    const rows = this.db
      .prepare(`SELECT ${summaryColumns} FROM article_revisions r LEFT JOIN users u ON u.id = r.author_id WHERE r.file = ? ORDER BY r.id DESC`)
      .all(file) as Row[];
    return rows.map(toSummary);
  }

  get(id: number): Revision | undefined {
    const row = this.db
      .prepare(`SELECT ${summaryColumns}, r.content FROM article_revisions r LEFT JOIN users u ON u.id = r.author_id WHERE r.id = ?`)
      .get(id) as Row | undefined;
    return row && { ...toSummary(row), content: row.content ?? '' };
  }

  latest(file: string): Revision | undefined {
    const id = this.db.prepare('SELECT MAX(id) FROM article_revisions WHERE file = ?').pluck().get(file) as number | null;
    return id === null ? undefined : this.get(id);
  }

  /** Files whose last revision is a deletion. */
  deleted(): Revision[] {
    const rows = this.db
      .prepare(
        `SELECT ${summaryColumns}, r.content FROM article_revisions r
         JOIN (SELECT file, MAX(id) AS id FROM article_revisions GROUP BY file) last ON last.id = r.id
         LEFT JOIN users u ON u.id = r.author_id
         WHERE r.action = 'delete' ORDER BY r.id DESC`,
      )
      .all() as Row[];
    return rows.map((r) => ({ ...toSummary(r), content: r.content ?? '' }));
  }
}
