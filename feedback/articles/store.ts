import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';

export const voteReasons = ['outdated', 'unclear', 'not-answered', 'other'] as const;
export type VoteReason = (typeof voteReasons)[number];

export interface VoteRow {
  articleId: string;
  voter: string;
  at: string;
  locale: string;
  helpful: boolean;
  reason: VoteReason | null;
  comment: string | null;
}

export interface RankedArticle {
  articleId: string;
  yes: number;
  no: number;
  reasons: Record<VoteReason, number>;
  reports: number;
  openTasks: number;
}

export interface ArticleComment {
  articleId: string;
  at: string;
  kind: 'vote' | 'report';
  reason: VoteReason | null;
  text: string;
}

export interface ArticleTask {
  id: number;
  articleId: string;
  createdAt: string;
  assigneeId: number | null;
  assigneeName: string | null;
  note: string;
  doneAt: string | null;
}

/** The article feedback tables behind prepared statements. */
export class ArticleFeedbackStore {
  private readonly s: Record<'vote' | 'key' | 'addKey' | 'dropKeys' | 'ranking' | 'comments' | 'report' | 'addTask' | 'tasks' | 'closeTasks' | 'openTasksOf', Statement>;

  constructor(db: Db) {
    this.s = {
      // A second vote of the same visitor on the same article replaces the first: stuffing counts once.
      vote: db.prepare(`INSERT INTO article_votes (article_id, voter, at, locale, helpful, reason, comment) VALUES (@articleId, @voter, @at, @locale, @helpful, @reason, @comment)
        ON CONFLICT (article_id, voter) DO UPDATE SET at = excluded.at, helpful = excluded.helpful, reason = excluded.reason, comment = excluded.comment`),
      key: db.prepare('SELECT secret FROM article_vote_keys WHERE day = ?').pluck(),
      addKey: db.prepare('INSERT OR IGNORE INTO article_vote_keys (day, secret) VALUES (?, ?)'),
      dropKeys: db.prepare('DELETE FROM article_vote_keys WHERE day < ?'),
      // Unhelpfulness is the share of "no" votes with one imaginary vote each way, so one "no" does not outrank forty.
      ranking: db.prepare(`WITH v AS (
          SELECT article_id, SUM(helpful = 1) AS yes, SUM(helpful = 0) AS no,
            SUM(reason = 'outdated') AS outdated, SUM(reason = 'unclear') AS unclear, SUM(reason = 'not-answered') AS notAnswered, SUM(reason = 'other') AS other
          FROM article_votes WHERE at >= @since GROUP BY article_id),
        r AS (SELECT article_id, COUNT(*) AS reports FROM article_reports WHERE at >= @since GROUP BY article_id),
        ids AS (SELECT article_id FROM v UNION SELECT article_id FROM r)
        SELECT ids.article_id AS articleId, COALESCE(v.yes, 0) AS yes, COALESCE(v.no, 0) AS no, COALESCE(v.outdated, 0) AS outdated,
          COALESCE(v.unclear, 0) AS unclear, COALESCE(v.notAnswered, 0) AS notAnswered, COALESCE(v.other, 0) AS other, COALESCE(r.reports, 0) AS reports,
          (SELECT COUNT(*) FROM article_tasks t WHERE t.article_id = ids.article_id AND t.done_at IS NULL) AS openTasks
        FROM ids LEFT JOIN v USING (article_id) LEFT JOIN r USING (article_id)
        ORDER BY (COALESCE(v.no, 0) + COALESCE(r.reports, 0) + 1.0) / (COALESCE(v.yes, 0) + COALESCE(v.no, 0) + COALESCE(r.reports, 0) + 2.0) DESC,
          COALESCE(v.no, 0) + COALESCE(r.reports, 0) DESC, ids.article_id
        LIMIT @limit`),
      comments: db.prepare(`SELECT * FROM (
          SELECT article_id AS articleId, at, 'vote' AS kind, reason, comment AS text FROM article_votes WHERE comment IS NOT NULL AND at >= @since
          UNION ALL SELECT article_id, at, 'report', NULL, text FROM article_reports WHERE at >= @since)
        WHERE articleId IN (SELECT value FROM json_each(@ids)) ORDER BY at DESC`),
      report: db.prepare('INSERT INTO article_reports (article_id, at, reporter_id, text) VALUES (?, ?, ?, ?)'),
      addTask: db.prepare('INSERT INTO article_tasks (article_id, created_at, created_by, assignee_id, note) VALUES (?, ?, ?, ?, ?)'),
      tasks: db.prepare(`SELECT t.id, t.article_id AS articleId, t.created_at AS createdAt, t.assignee_id AS assigneeId, u.name AS assigneeName, t.note, t.done_at AS doneAt
        FROM article_tasks t LEFT JOIN users u ON u.id = t.assignee_id WHERE t.done_at IS NULL OR t.done_at >= @since ORDER BY t.done_at IS NOT NULL, t.created_at DESC LIMIT 200`),
      closeTasks: db.prepare('UPDATE article_tasks SET done_at = ? WHERE article_id = ? AND done_at IS NULL'),
      openTasksOf: db.prepare('SELECT COUNT(*) FROM article_tasks WHERE article_id = ? AND done_at IS NULL').pluck(),
    };
  }

  vote(v: VoteRow): void {
    this.s.vote.run({ ...v, helpful: v.helpful ? 1 : 0 });
  }

  /** The secret of `day`, made on first use; keys of earlier days are deleted. */
  dayKey(day: string, fresh: () => string): string {
    this.s.dropKeys.run(day);
    this.s.addKey.run(day, fresh());
    return this.s.key.get(day) as string;
  }

  ranking(since: string, limit: number): RankedArticle[] {
    const rows = this.s.ranking.all({ since, limit }) as Array<{ articleId: string; yes: number; no: number; outdated: number; unclear: number; notAnswered: number; other: number; reports: number; openTasks: number }>;
    return rows.map((r) => ({ articleId: r.articleId, yes: r.yes, no: r.no, reports: r.reports, openTasks: r.openTasks, reasons: { outdated: r.outdated, unclear: r.unclear, 'not-answered': r.notAnswered, other: r.other } }));
  }

  comments(articleIds: readonly string[], since: string): ArticleComment[] {
    return this.s.comments.all({ ids: JSON.stringify(articleIds), since }) as ArticleComment[];
  }

  report(articleId: string, at: string, reporterId: number, text: string): number {
    return Number(this.s.report.run(articleId, at, reporterId, text).lastInsertRowid);
  }

  addTask(articleId: string, at: string, createdBy: number, assigneeId: number | null, note: string): number {
    return Number(this.s.addTask.run(articleId, at, createdBy, assigneeId, note).lastInsertRowid);
  }

  tasks(since: string): ArticleTask[] {
    return this.s.tasks.all({ since }) as ArticleTask[];
  }

  closeTasks(articleId: string, at: string): number {
    return this.s.closeTasks.run(at, articleId).changes;
  }

  openTasks(articleId: string): number {
    return this.s.openTasksOf.get(articleId) as number;
  }
}
