import type { ContentStore } from '@core/content/store.ts';
import type { Db } from '@core/db/database.ts';
import type { ArticleEditor } from '../articles/editor.ts';
import type { RevisionStore } from '../articles/revisions.ts';
import { Checklists } from './checklist.ts';
import { OnboardingManager } from './manager.ts';
import { ProgressStore } from './progress-store.ts';
import { OnboardingTrainee } from './trainee.ts';
import { TrackCatalog } from './tracks.ts';

export interface OnboardingServices {
  catalog: TrackCatalog;
  /** Tracks, steps, "I have read this" and the check questions of the signed-in person. */
  trainee: OnboardingTrainee;
  /** Completion, assignments and team leads, for administrators and team leads. */
  manager: OnboardingManager;
  /** Each staff member's ticks in articles' checklists. */
  checklists: Checklists;
}

export function createOnboarding(deps: { db: Db; content: ContentStore; contentDir: string; editor: ArticleEditor; revisions: RevisionStore }): OnboardingServices {
  const store = new ProgressStore(deps.db);
  const catalog = new TrackCatalog(deps.contentDir);
  const shared = { db: deps.db, content: deps.content, revisions: deps.revisions, store, catalog };
  return {
    catalog,
    trainee: new OnboardingTrainee({ ...shared, editor: deps.editor }),
    manager: new OnboardingManager(shared),
    checklists: new Checklists(shared),
  };
}
