import type { Db, Migration } from '../db/database.ts';
import { bestEffort } from '../health/best-effort.ts';

export const popularityMigrations: Migration[] = [
  {
    id: 'core/001-article-views',
    sql: `CREATE TABLE article_views (
      article_id TEXT PRIMARY KEY,
      views INTEGER NOT NULL DEFAULT 0,
      last_viewed_at TEXT NOT NULL
    )`,
  },
];

/** Counts article page views (no visitor data, just a counter) to rank popular articles. */
export class Popularity {
  private readonly bump;
  private readonly top;

  constructor(db: Db) {
    this.bump = db.prepare(
      `INSERT INTO article_views (article_id, views, last_viewed_at) VALUES (?, 1, ?)
       ON CONFLICT(article_id) DO UPDATE SET views = views + 1, last_viewed_at = excluded.last_viewed_at`,
    );
    this.top = db.prepare('SELECT article_id AS id, views FROM article_views ORDER BY views DESC, article_id LIMIT ?');
  }

  /** Best effort: a full disk or read-only database never fails the article page (see /readyz). */
  recordView(articleId: string, now = new Date()): void {
    bestEffort('article views', () => this.bump.run(articleId, now.toISOString()), undefined);
  }

  /** View counts of the most viewed articles, most viewed first. */
  mostViewed(limit: number): Map<string, number> {
    const rows = this.top.all(limit) as Array<{ id: string; views: number }>;
    return new Map(rows.map((r) => [r.id, r.views]));
  }
}
