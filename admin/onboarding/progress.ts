import type { Article } from '@core/content/article.ts';
import type { ContentStore } from '@core/content/store.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { RevisionStore } from '../articles/revisions.ts';
import { stepArticle } from './paths.ts';
import type { AnswerRecord, ProgressStore, ReadRecord } from './progress-store.ts';
import { pick, type Track } from './track-file.ts';

export interface StepProgress {
  index: number;
  translationKey: string;
  /** The version this reader gets; undefined when the article was deleted or unpublished (the step is removed). */
  article?: Article;
  /** English stood in for the reader's language. */
  fallback: boolean;
  title: string;
  read?: ReadRecord;
  /** The newest revision that changed the article since the reader's confirmation (minor changes aside). */
  changedRevisionId?: number;
  questions: number;
  correct: number;
  answered: number;
  done: boolean;
}

export interface TrackProgress {
  track: Track;
  title: string;
  description: string;
  steps: StepProgress[];
  /** Steps still in the track (removed ones do not count). */
  total: number;
  done: number;
  complete: boolean;
  /** When the last step was completed, for a complete track. */
  completedAt?: string;
  /** The first step not done yet. */
  next?: StepProgress;
  questions: number;
  correct: number;
}

export interface ProgressDeps {
  content: ContentStore;
  revisions: RevisionStore;
  store: ProgressStore;
}

/** How far one person is in one track; steps whose article is gone are shown as removed and not counted. */
export function trackProgress(deps: ProgressDeps, userId: number, track: Track, locale: Locale, reads?: Map<string, ReadRecord>): TrackProgress {
  const myReads = reads ?? deps.store.reads(userId);
  const answers = deps.store.answers(userId, track.id);
  const steps = track.steps.map((step, index): StepProgress => {
    const found = stepArticle(deps.content, step.article, locale);
    const read = myReads.get(step.article);
    const mine = answers.filter((a: AnswerRecord) => a.translationKey === step.article && a.question < step.questions.length);
    const changed = read ? deps.revisions.significantAfter(read.file, read.revisionId) : undefined;
    const correct = mine.filter((a) => a.correct).length;
    return {
      index,
      translationKey: step.article,
      article: found?.article,
      fallback: found?.fallback ?? false,
      title: found?.article.meta.title ?? step.article,
      read,
      changedRevisionId: changed?.id,
      questions: step.questions.length,
      correct,
      answered: mine.length,
      done: Boolean(found && read && !changed && correct === step.questions.length),
    };
  });
  const live = steps.filter((s) => s.article);
  const done = live.filter((s) => s.done).length;
  const complete = live.length > 0 && done === live.length;
  const dates = live.flatMap((s) => [s.read?.readAt ?? '', ...answers.filter((a) => a.translationKey === s.translationKey).map((a) => a.answeredAt)]);
  return {
    track,
    title: pick(track.title, locale).text,
    description: pick(track.description, locale).text,
    steps,
    total: live.length,
    done,
    complete,
    completedAt: complete ? dates.sort().at(-1) : undefined,
    next: live.find((s) => !s.done),
    questions: live.reduce((n, s) => n + s.questions, 0),
    correct: live.reduce((n, s) => n + s.correct, 0),
  };
}
