import { z } from 'zod';
import type { ContentStore } from '@core/content/store.ts';
import type { Db } from '@core/db/database.ts';
import { defaultLocale, isLocale, type Locale } from '@core/i18n/locales.ts';
import { splitFrontmatter } from '@core/markdown/frontmatter.ts';
import { ActionError, runAction, type ActionResult } from '@core/staff/actions.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { lineDiff, type LineDiff } from '../articles/diff.ts';
import type { ArticleEditor } from '../articles/editor.ts';
import { contentHash, type RevisionStore } from '../articles/revisions.ts';
import { tracksOf } from './paths.ts';
import { trackProgress, type StepProgress, type TrackProgress } from './progress.ts';
import type { AnswerRecord, ProgressStore } from './progress-store.ts';
import { pick, type Question } from './track-file.ts';
import type { TrackCatalog } from './tracks.ts';

export interface ShownQuestion {
  index: number;
  kind: 'single' | 'multiple';
  prompt: string;
  options: Array<{ index: number; text: string; correct: boolean }>;
  explanation: string;
  /** The reader's last answer, when there is one. */
  last?: AnswerRecord;
}

export interface StepView {
  progress: TrackProgress;
  step: StepProgress;
  /** What changed since the reader confirmed, when the article changed (minor changes aside). */
  diff?: LineDiff;
  questions: ShownQuestion[];
  previous?: StepProgress;
  following?: StepProgress;
}

const stepInput = z.object({ trackId: z.string().max(100), translationKey: z.string().max(200) });

/** A locale from the query string; anything else is English. */
export function readerLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : defaultLocale;
}

function showQuestion(q: Question, index: number, locale: Locale, last?: AnswerRecord): ShownQuestion {
  return {
    index,
    kind: q.kind,
    prompt: pick(q.prompt, locale).text,
    options: q.options.map((o, i) => ({ index: i, text: pick(o.text, locale).text, correct: o.correct })),
    explanation: pick(q.explanation, locale).text,
    last,
  };
}

/** The chosen options of question `index` from the form: `q<index>` (single) or `q<index>-<option>` (multiple). */
function chosen(form: Record<string, string>, q: Question, index: number): number[] {
  if (q.kind === 'single') {
    const value = form[`q${index}`];
    if (value === undefined || value === '') throw new ActionError(`q${index}`, 'choose one answer');
    if (!/^\d{1,2}$/.test(value) || Number(value) >= q.options.length) throw new ActionError(`q${index}`, 'is not one of the answers; reload the page');
    return [Number(value)];
  }
  const picked = q.options.map((_, i) => i).filter((i) => form[`q${index}-${i}`] !== undefined);
  if (picked.length === 0) throw new ActionError(`q${index}`, 'choose at least one answer');
  return picked;
}

/** What a trainee sees and does: their tracks, a step with its article and questions, "I have read this", answers. */
export class OnboardingTrainee {
  constructor(private readonly deps: { db: Db; content: ContentStore; editor: ArticleEditor; revisions: RevisionStore; store: ProgressStore; catalog: TrackCatalog }) {}

  private mine(member: StaffMember) {
    return tracksOf(member, this.deps.catalog.all(), this.deps.store.assignments());
  }

  overview(member: StaffMember, locale: Locale): TrackProgress[] {
    const reads = this.deps.store.reads(member.id);
    return this.mine(member).map((t) => trackProgress(this.deps, member.id, t, locale, reads));
  }

  /** One of the person's tracks; undefined for a track that is not theirs or does not exist. */
  track(member: StaffMember, trackId: string, locale: Locale): TrackProgress | undefined {
    const track = this.mine(member).find((t) => t.id === trackId);
    return track && trackProgress(this.deps, member.id, track, locale);
  }

  /** A step of one of the person's tracks; undefined when the track is not theirs or the step is not in it. */
  step(member: StaffMember, trackId: string, translationKey: string, locale: Locale): StepView | undefined {
    const progress = this.track(member, trackId, locale);
    const step = progress?.steps.find((s) => s.translationKey === translationKey);
    if (!progress || !step) return undefined;
    const questions = progress.track.steps[step.index]?.questions ?? [];
    const answers = this.deps.store.answers(member.id, trackId).filter((a) => a.translationKey === translationKey);
    let diff: LineDiff | undefined;
    if (step.read && step.changedRevisionId) {
      const before = this.deps.revisions.get(step.read.revisionId)?.content ?? '';
      const after = this.deps.revisions.get(step.changedRevisionId)?.content ?? '';
      diff = lineDiff(splitFrontmatter(before).body, splitFrontmatter(after).body);
    }
    const live = progress.steps.filter((s) => s.article);
    const at = live.indexOf(step);
    return {
      progress,
      step,
      diff,
      questions: questions.map((q, i) => showQuestion(q, i, locale, answers.find((a) => a.question === i))),
      previous: at > 0 ? live[at - 1] : undefined,
      following: at >= 0 ? live[at + 1] : undefined,
    };
  }

  /**
   * "I have read this": records the revision the person read. Refused (404) for a step outside their
   * tracks or an article they cannot see; a version written outside the editor is first recorded as one.
   */
  confirmRead(member: StaffMember, input: { trackId: string; translationKey: string; locale: Locale }): ActionResult<{ revisionId: number }> {
    return runAction(this.deps.db, member, 'onboarding:read', () => {
      const { trackId, translationKey } = stepInput.parse(input);
      const view = this.step(member, trackId, translationKey, input.locale);
      const article = view?.step.article;
      if (!article) throw new ActionError('form', 'This article is not in your tracks or is no longer published.', 404);
      const current = this.deps.editor.read(article.file);
      if (!current) throw new ActionError('form', 'This article is no longer published.', 404);
      const latest = this.deps.revisions.latest(article.file);
      const revisionId =
        latest && latest.hash === contentHash(current.source)
          ? latest.id
          : this.deps.revisions.add({ file: article.file, action: 'import', authorId: null, message: 'Version found on disk (written outside the editor)', content: current.source });
      this.deps.store.recordRead(member.id, translationKey, article.file, revisionId);
      return { value: { revisionId }, audit: { action: 'onboarding.read', objectType: 'article', objectId: article.file, detail: { track: trackId, revision: revisionId } } };
    });
  }

  /** Answers to a step's check questions, every one required; each is recorded right or wrong, retries allowed. */
  answer(member: StaffMember, input: { trackId: string; translationKey: string; locale: Locale }, form: Record<string, string>): ActionResult<{ correct: number; total: number }> {
    return runAction(this.deps.db, member, 'onboarding:read', () => {
      const { trackId, translationKey } = stepInput.parse(input);
      const view = this.step(member, trackId, translationKey, input.locale);
      if (!view?.step.article) throw new ActionError('form', 'This article is not in your tracks or is no longer published.', 404);
      const questions = view.progress.track.steps[view.step.index]?.questions ?? [];
      if (questions.length === 0) throw new ActionError('form', 'This article has no check questions.', 404);
      const errors: Record<string, string> = {};
      const picks = questions.map((q, i) => {
        try {
          return chosen(form, q, i);
        } catch (error) {
          if (!(error instanceof ActionError)) throw error;
          errors[error.field] = error.message;
          return [];
        }
      });
      const first = Object.entries(errors)[0];
      if (first) throw new ActionError(first[0], first[1]);
      let correct = 0;
      questions.forEach((q, i) => {
        const right = q.options.flatMap((o, j) => (o.correct ? [j] : []));
        const answer = picks[i] ?? [];
        const ok = answer.length === right.length && answer.every((v, k) => v === right[k]);
        if (ok) correct++;
        this.deps.store.recordAnswer(member.id, trackId, translationKey, i, answer, ok);
      });
      return {
        value: { correct, total: questions.length },
        audit: { action: 'onboarding.answer', objectType: 'article', objectId: view.step.article.file, detail: { track: trackId, correct, total: questions.length } },
      };
    });
  }
}
