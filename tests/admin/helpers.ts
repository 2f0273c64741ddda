import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { adminMigrations } from '@admin/admin.ts';
import { ArticleEditor } from '@admin/articles/editor.ts';
import { RevisionStore } from '@admin/articles/revisions.ts';
import type { AtomicWriteHooks } from '@admin/articles/atomic-write.ts';
import { SessionStore } from '@admin/auth/session.ts';
import { SignInThrottle } from '@admin/auth/throttle.ts';
import type { Role } from '@core/staff/roles.ts';
import { UserStore } from '@admin/users/users.ts';
import { ContentStore } from '@core/content/store.ts';
import { openDatabase, type Db } from '@core/db/database.ts';

export const fixtures = path.resolve(import.meta.dirname, '../fixtures/content');

/** A settable clock for expiry and throttling tests. */
export function clock(start = Date.UTC(2026, 10, 23, 9, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'kb-admin-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A copy of the test fixtures (good, draft, internal and two broken files) to write into. */
export function contentCopy(): string {
  const dir = tempDir('kb-admin-content-');
  fs.cpSync(fixtures, dir, { recursive: true });
  return dir;
}

export interface World {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  throttle: SignInThrottle;
  revisions: RevisionStore;
  content: ContentStore;
  editor: ArticleEditor;
  root: string;
  clock: ReturnType<typeof clock>;
  close(): void;
}

export function world(options: { ttlMs?: number; hooks?: AtomicWriteHooks; content?: boolean } = {}): World {
  const db = openDatabase(':memory:', adminMigrations);
  const c = clock();
  const sessions = new SessionStore(db, { ttlMs: options.ttlMs, now: c.now });
  const users = new UserStore(db, sessions);
  const root = options.content === false ? tempDir() : contentCopy();
  const content = new ContentStore(root).loadAll();
  const revisions = new RevisionStore(db);
  const editor = new ArticleEditor({ root, content, revisions, db, hooks: options.hooks });
  return {
    db,
    users,
    sessions,
    throttle: new SignInThrottle(db, c.now),
    revisions,
    content,
    editor,
    root,
    clock: c,
    close() {
      content.close();
      db.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function addUser(w: World, role: Role = 'editor', email = `${role}@example.test`, password = 'correct horse battery staple') {
  return w.users.create({ email, name: role, role, password });
}
