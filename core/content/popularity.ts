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

interface PendingViews {
  views: number;
  lastViewedAt: string;
}

/**
 * Counts article page views (no visitor data, just a counter) to rank popular articles. Views are added
 * up in memory and written together by flush() (every few seconds and at shutdown, see flushEvery): one
 * write per page view cost more than serving a cached page. Best effort: a crash loses the last
 * interval's counts, and a write that fails keeps them for the next flush.
 */
export class Popularity {
  private readonly writeAll;
  private readonly top;
  private pending = new Map<string, PendingViews>();

  constructor(db: Db) {
    const bump = db.prepare(
      `INSERT INTO article_views (article_id, views, last_viewed_at) VALUES (?, ?, ?)
       ON CONFLICT(article_id) DO UPDATE SET views = views + excluded.views, last_viewed_at = excluded.last_viewed_at`,
    );
    this.writeAll = db.transaction((batch: Map<string, PendingViews>) => {
      for (const [id, p] of batch) bump.run(id, p.views, p.lastViewedAt);
    });
    this.top = db.prepare('SELECT article_id AS id, views FROM article_views ORDER BY views DESC, article_id LIMIT ?');
  }

  /** Counts one view in memory; never fails the page. */
  recordView(articleId: string, now = new Date()): void {
    const known = this.pending.get(articleId);
    if (known) {
      known.views++;
      known.lastViewedAt = now.toISOString();
    } else this.pending.set(articleId, { views: 1, lastViewedAt: now.toISOString() });
  }

  /** Views counted but not written yet. */
  get unwritten(): number {
    let sum = 0;
    for (const p of this.pending.values()) sum += p.views;
    return sum;
  }

  /** Writes the counted views in one transaction; when it fails (full disk, read-only database, see /readyz) they wait for the next flush. */
  flush(): void {
    if (this.pending.size === 0) return;
    if (bestEffort('article views', () => (this.writeAll(this.pending), true), false)) this.pending = new Map();
  }

  /** Flushes every `intervalMs`; the returned function stops and writes what is left (for shutdown). */
  flushEvery(intervalMs: number): () => void {
    const timer = setInterval(() => this.flush(), intervalMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.flush();
    };
  }

  /** View counts of the most viewed articles, most viewed first, counting the views not written yet. */
  mostViewed(limit: number): Map<string, number> {
    this.flush();
    const rows = this.top.all(limit) as Array<{ id: string; views: number }>;
    return new Map(rows.map((r) => [r.id, r.views]));
  }
}
