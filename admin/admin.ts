import type { ContentStore } from '@core/content/store.ts';
import type { Db, Migration } from '@core/db/database.ts';
import { auditMigrations } from '@core/staff/audit.ts';
import type { CookiePolicy } from './auth/cookies.ts';
import { SessionStore, sessionMigrations } from './auth/session.ts';
import { SignInThrottle, throttleMigrations } from './auth/throttle.ts';
import { ArticleEditor } from './articles/editor.ts';
import { RevisionStore, revisionMigrations } from './articles/revisions.ts';
import { ensureDemoAccounts } from './users/demo.ts';
import { userMigrations } from '@core/staff/users.ts';
import { UserStore } from './users/users.ts';

/**
 * Every table of the staff area, in order. Rooms whose tables point at `users(id)` list these before
 * their own migrations.
 */
export const adminMigrations: Migration[] = [...userMigrations, ...sessionMigrations, ...throttleMigrations, ...auditMigrations, ...revisionMigrations];

export interface AdminServices {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  throttle: SignInThrottle;
  revisions: RevisionStore;
  editor: ArticleEditor;
  cookiePolicy: CookiePolicy;
  /** Settles when start-up work (demo accounts) is done. */
  ready: Promise<void>;
}

export interface AdminDeps {
  db: Db;
  content: ContentStore;
  contentDir: string;
  nodeEnv: string;
}

export function createAdmin({ db, content, contentDir, nodeEnv }: AdminDeps): AdminServices {
  const sessions = new SessionStore(db);
  const users = new UserStore(db, sessions);
  const revisions = new RevisionStore(db);
  const ready = ensureDemoAccounts(db, users, nodeEnv).then(
    () => undefined,
    (error: unknown) => console.error('[admin] could not create the demo accounts:', error instanceof Error ? error.message : error),
  );
  return {
    db,
    users,
    sessions,
    throttle: new SignInThrottle(db),
    revisions,
    editor: new ArticleEditor({ root: contentDir, content, revisions, db }),
    cookiePolicy: { secure: nodeEnv === 'production' },
    ready,
  };
}
