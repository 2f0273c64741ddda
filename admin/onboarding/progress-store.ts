import type { Db } from '@core/db/database.ts';
import type { Role } from '@core/staff/roles.ts';

/** The onboarding tables behind small functions: assignments, reads, answers, checklist ticks, leads. */

export interface Assignment {
  id: number;
  trackId: string;
  userId: number | null;
  role: Role | null;
  assignedAt: string;
}

export interface ReadRecord {
  userId: number;
  translationKey: string;
  file: string;
  revisionId: number;
  readAt: string;
}

export interface AnswerRecord {
  userId: number;
  trackId: string;
  translationKey: string;
  question: number;
  answer: number[];
  correct: boolean;
  attempts: number;
  answeredAt: string;
}

interface AssignmentRow { id: number; track_id: string; user_id: number | null; role: Role | null; assigned_at: string }
interface ReadRow { user_id: number; translation_key: string; file: string; revision_id: number; read_at: string }
interface AnswerRow { user_id: number; track_id: string; translation_key: string; question: number; answer: string; correct: number; attempts: number; answered_at: string }

const toRead = (r: ReadRow): ReadRecord => ({ userId: r.user_id, translationKey: r.translation_key, file: r.file, revisionId: r.revision_id, readAt: r.read_at });
const toAnswer = (r: AnswerRow): AnswerRecord => ({
  userId: r.user_id,
  trackId: r.track_id,
  translationKey: r.translation_key,
  question: r.question,
  answer: JSON.parse(r.answer) as number[],
  correct: r.correct === 1,
  attempts: r.attempts,
  answeredAt: r.answered_at,
});

export class ProgressStore {
  constructor(private readonly db: Db) {}

  assignments(): Assignment[] {
    const rows = this.db.prepare('SELECT id, track_id, user_id, role, assigned_at FROM onboarding_assignments ORDER BY id').all() as AssignmentRow[];
    return rows.map((r) => ({ id: r.id, trackId: r.track_id, userId: r.user_id, role: r.role, assignedAt: r.assigned_at }));
  }

  /** True when a new assignment was made (false when it already existed). */
  assign(trackId: string, target: { userId: number } | { role: Role }, by: number): boolean {
    const userId = 'userId' in target ? target.userId : null;
    const role = 'role' in target ? target.role : null;
    const exists = this.db
      .prepare('SELECT 1 FROM onboarding_assignments WHERE track_id = ? AND user_id IS ? AND role IS ?')
      .get(trackId, userId, role);
    if (exists) return false;
    this.db
      .prepare('INSERT INTO onboarding_assignments (track_id, user_id, role, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)')
      .run(trackId, userId, role, by, new Date().toISOString());
    return true;
  }

  unassign(id: number): Assignment | undefined {
    const found = this.assignments().find((a) => a.id === id);
    if (found) this.db.prepare('DELETE FROM onboarding_assignments WHERE id = ?').run(id);
    return found;
  }

  reads(userId: number): Map<string, ReadRecord> {
    const rows = this.db.prepare('SELECT * FROM onboarding_reads WHERE user_id = ?').all(userId) as ReadRow[];
    return new Map(rows.map((r) => [r.translation_key, toRead(r)]));
  }

  recordRead(userId: number, translationKey: string, file: string, revisionId: number): void {
    this.db
      .prepare(
        `INSERT INTO onboarding_reads (user_id, translation_key, file, revision_id, read_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, translation_key) DO UPDATE SET file = excluded.file, revision_id = excluded.revision_id, read_at = excluded.read_at`,
      )
      .run(userId, translationKey, file, revisionId, new Date().toISOString());
  }

  answers(userId: number, trackId: string): AnswerRecord[] {
    const rows = this.db.prepare('SELECT * FROM onboarding_answers WHERE user_id = ? AND track_id = ? ORDER BY translation_key, question').all(userId, trackId) as AnswerRow[];
    return rows.map(toAnswer);
  }

  recordAnswer(userId: number, trackId: string, translationKey: string, question: number, answer: number[], correct: boolean): void {
    this.db
      .prepare(
        `INSERT INTO onboarding_answers (user_id, track_id, translation_key, question, answer, correct, attempts, answered_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT (user_id, track_id, translation_key, question) DO UPDATE SET answer = excluded.answer, correct = excluded.correct,
           attempts = onboarding_answers.attempts + 1, answered_at = excluded.answered_at`,
      )
      .run(userId, trackId, translationKey, question, JSON.stringify(answer), correct ? 1 : 0, new Date().toISOString());
  }

  ticks(userId: number, articleId: string): Set<number> {
    return new Set(this.db.prepare('SELECT item FROM checklist_ticks WHERE user_id = ? AND article_id = ?').pluck().all(userId, articleId) as number[]);
  }

  setTicks(userId: number, articleId: string, items: number[]): void {
    this.db.prepare('DELETE FROM checklist_ticks WHERE user_id = ? AND article_id = ?').run(userId, articleId);
    const add = this.db.prepare('INSERT INTO checklist_ticks (user_id, article_id, item) VALUES (?, ?, ?)');
    for (const item of items) add.run(userId, articleId, item);
  }

  /** Who leads whom: member id -> lead id. */
  leads(): Map<number, number> {
    const rows = this.db.prepare('SELECT member_id, lead_id FROM onboarding_leads').all() as Array<{ member_id: number; lead_id: number }>;
    return new Map(rows.map((r) => [r.member_id, r.lead_id]));
  }

  setLead(memberId: number, leadId: number | null): void {
    if (leadId === null) this.db.prepare('DELETE FROM onboarding_leads WHERE member_id = ?').run(memberId);
    else this.db.prepare('INSERT INTO onboarding_leads (member_id, lead_id) VALUES (?, ?) ON CONFLICT (member_id) DO UPDATE SET lead_id = excluded.lead_id').run(memberId, leadId);
  }
}
