import type { ContentStore } from '@core/content/store.ts';
import type { ParsePool } from '@core/content/parse-pool.ts';
import type { Db, Migration } from '@core/db/database.ts';
import { auditMigrations } from '@core/staff/audit.ts';
import type { CookiePolicy } from './auth/cookies.ts';
import { SessionStore, sessionMigrations } from './auth/session.ts';
import { SignInThrottle, throttleMigrations } from './auth/throttle.ts';
import { ArticleCommands } from './articles/commands.ts';
import { ArticleEditor } from './articles/editor.ts';
import { RevisionStore, revisionMigrations } from './articles/revisions.ts';
import { ArticleViews } from './articles/views.ts';
import { createOnboarding, type OnboardingServices } from './onboarding/onboarding.ts';
import { onboardingMigrations } from './onboarding/migrations.ts';
import { AccountCommands } from './auth/account.ts';
import { UserCommands } from './users/commands.ts';
import { ensureDemoAccounts } from './users/demo.ts';
import { userMigrations } from '@core/staff/users.ts';
import { UserStore } from './users/users.ts';

/**
 * Every table of the staff area, in order. Rooms whose tables point at `users(id)` list these before
 * their own migrations.
 */
export const adminMigrations: Migration[] = [...userMigrations, ...sessionMigrations, ...throttleMigrations, ...auditMigrations, ...revisionMigrations, ...onboardingMigrations];

export interface AdminServices {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  throttle: SignInThrottle;
  revisions: RevisionStore;
  editor: ArticleEditor;
  /** What administrators do to accounts. */
  userCommands: UserCommands;
  /** What everyone does to their own account: password change, sign-out. */
  account: AccountCommands;
  /** Every staff action on articles (save, publish, delete, restore), permission-checked. */
  articles: ArticleCommands;
  /** What the article pages show: the list, the forms as first shown, the history. */
  articleViews: ArticleViews;
  /** Onboarding tracks, progress, check questions, checklists and the managers' view. */
  onboarding: OnboardingServices;
  cookiePolicy: CookiePolicy;
  /** Settles when start-up work (demo accounts) is done. */
  ready: Promise<void>;
}

export interface AdminDeps {
  db: Db;
  content: ContentStore;
  contentDir: string;
  nodeEnv: string;
  /** Where the editor and the preview parse articles, off the request thread. */
  parser?: ParsePool;
}

export function createAdmin({ db, content, contentDir, nodeEnv, parser }: AdminDeps): AdminServices {
  const sessions = new SessionStore(db);
  const users = new UserStore(db, sessions);
  const throttle = new SignInThrottle(db);
  const revisions = new RevisionStore(db);
  const editor = new ArticleEditor({ root: contentDir, content, revisions, db, parser });
  const ready = ensureDemoAccounts(db, users, nodeEnv).then(
    () => undefined,
    (error: unknown) => console.error('[admin] could not create the demo accounts:', error instanceof Error ? error.message : error),
  );
  return {
    db,
    users,
    sessions,
    throttle,
    userCommands: new UserCommands({ db, users }),
    account: new AccountCommands({ db, users, sessions, throttle }),
    revisions,
    editor,
    articles: new ArticleCommands({ editor, revisions }),
    articleViews: new ArticleViews({ editor, revisions, content }),
    onboarding: createOnboarding({ db, content, contentDir, editor, revisions }),
    cookiePolicy: { secure: nodeEnv === 'production' },
    ready,
  };
}
