import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@core/db/database.ts';
import { fieldErrors, runAction, ActionError, type ActionResult } from '@core/staff/actions.ts';
import type { StaffDirectory, StaffMember } from '@core/staff/users.ts';
import type { Clock } from '../clock.ts';
import { ArticleFeedbackStore, voteReasons, type ArticleComment, type ArticleTask, type RankedArticle } from './store.ts';

export { voteReasons, type VoteReason } from './store.ts';

export const articleFeedbackLimits = { articleId: 200, comment: 1000, report: 2000, note: 500, bodyBytes: 8192 } as const;

/** A reader's vote, from a form (strings) or JSON (strings or booleans). */
const voteSchema = z
  .object({
    articleId: z.string({ required_error: 'Name the article (articleId).' }).trim().min(1, 'Name the article (articleId).').max(articleFeedbackLimits.articleId, `articleId: at most ${articleFeedbackLimits.articleId} characters.`),
    helpful: z.preprocess((v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v), z.boolean({ required_error: 'Say whether the article helped (helpful: yes or no).', invalid_type_error: 'helpful: yes or no.' })),
    reason: z.preprocess((v) => (v === '' ? undefined : v), z.enum(voteReasons, { errorMap: () => ({ message: `reason: one of ${voteReasons.join(', ')}.` }) }).optional()),
    comment: z.preprocess(
      (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v),
      z.string({ invalid_type_error: 'comment: text.' }).trim().max(articleFeedbackLimits.comment, `comment: at most ${articleFeedbackLimits.comment} characters.`),
    ),
  })
  .refine((v) => v.reason !== 'other' || v.comment.length > 0, { path: ['comment'], message: 'comment: say what was wrong when the reason is “other”.' })
  .refine((v) => v.helpful === false || (!v.reason && !v.comment), { path: ['reason'], message: 'reason: only with helpful = no.' });

const reportSchema = z.object({
  text: z.string().trim().min(1, 'Describe the problem.').max(articleFeedbackLimits.report, `Keep the report to ${articleFeedbackLimits.report} characters.`),
});

const taskSchema = z.object({
  articleId: z.string().trim().min(1).max(articleFeedbackLimits.articleId),
  assigneeId: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().positive().nullable()),
  note: z.string().trim().min(1, 'Say what should change.').max(articleFeedbackLimits.note, `Keep the note to ${articleFeedbackLimits.note} characters.`),
});

export type VoteOutcome = { ok: true; helpful: boolean; articleId: string } | { ok: false; status: number; errors: Record<string, string> };

export interface FeedbackRanking {
  articles: Array<RankedArticle & { comments: ArticleComment[] }>;
  tasks: ArticleTask[];
}

/**
 * "Was this helpful?": readers' votes (one per visitor and article, no personal data kept), staff
 * reports of problems, and the editors' ranking of articles by unhelpfulness with tasks made from it.
 */
export class ArticleFeedback {
  readonly store: ArticleFeedbackStore;

  constructor(private readonly deps: { db: Db; clock: Clock; staff: StaffDirectory }) {
    this.store = new ArticleFeedbackStore(deps.db);
  }

  /**
   * The visitor's key for an article: an HMAC of the client address and the article under the day's
   * secret. The same client votes once per article; the secret is deleted after its day, so the key
   * cannot be traced back to the address later.
   */
  private voter(clientAddress: string, articleId: string): string {
    const secret = this.store.dayKey(this.deps.clock.now().toISOString().slice(0, 10), () => randomBytes(32).toString('hex'));
    return createHmac('sha256', secret).update(`${clientAddress}\n${articleId}`).digest('hex');
  }

  /**
   * Records a vote. `article` finds the public article by id (unknown or not public: 400). A later vote of
   * the same visitor replaces the earlier one (a "no" then its reason; or a change of mind).
   */
  vote(input: unknown, clientAddress: string, article: (id: string) => { id: string; locale: string } | undefined): VoteOutcome {
    const parsed = voteSchema.safeParse(input);
    if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
    const v = parsed.data;
    const found = article(v.articleId);
    if (!found) return { ok: false, status: 400, errors: { articleId: 'articleId: no public article has this id.' } };
    this.deps.db.transaction(() => {
      this.store.vote({ articleId: found.id, voter: this.voter(clientAddress, found.id), at: this.deps.clock.now().toISOString(), locale: found.locale, helpful: v.helpful, reason: v.reason ?? null, comment: v.comment || null });
    }).immediate();
    return { ok: true, helpful: v.helpful, articleId: found.id };
  }

  /** A staff member's "Report a problem" on an article they can see. */
  report(member: StaffMember, articleId: string, form: unknown): ActionResult<{ id: number }> {
    return runAction(this.deps.db, member, 'internal:read', () => {
      const { text } = reportSchema.parse(form);
      const id = this.store.report(articleId, this.deps.clock.now().toISOString(), member.id, text);
      return { value: { id }, audit: { action: 'article.report', objectType: 'article', objectId: articleId, detail: { report: id } } };
    });
  }

  /** Turns a ranking entry into a task on the article, done when the article is next saved. */
  createTask(member: StaffMember, form: unknown): ActionResult<{ id: number }> {
    return runAction(this.deps.db, member, 'articles:edit', () => {
      const t = taskSchema.parse(form);
      if (t.assigneeId !== null && !this.deps.staff.withPermission('articles:edit').some((u) => u.id === t.assigneeId)) throw new ActionError('assigneeId', 'Choose an editor from the list.');
      const id = this.store.addTask(t.articleId, this.deps.clock.now().toISOString(), member.id, t.assigneeId, t.note);
      return { value: { id }, audit: { action: 'article.task', objectType: 'article', objectId: t.articleId, detail: { task: id, assigneeId: t.assigneeId } } };
    });
  }

  /** Called for every saved article: its open tasks are done. */
  articleSaved(articleId: string): number {
    return this.store.closeTasks(articleId, this.deps.clock.now().toISOString());
  }

  /** Articles by unhelpfulness over the last `days` days, with their reasons, comments and reports, and the tasks. */
  ranking(days = 90, limit = 50): FeedbackRanking {
    const since = new Date(this.deps.clock.now().getTime() - days * 86_400_000).toISOString();
    const ranked = this.store.ranking(since, limit);
    const comments = this.store.comments(ranked.map((r) => r.articleId), since);
    return {
      articles: ranked.map((r) => ({ ...r, comments: comments.filter((c) => c.articleId === r.articleId).slice(0, 5) })),
      tasks: this.store.tasks(since),
    };
  }
}
