import type { Migration } from '@core/db/database.ts';

/** Onboarding: assignments, reads (which revision), answers, checklist ticks, team leads. */
export const onboardingMigrations: Migration[] = [
  {
    id: 'admin/040-onboarding',
    sql: `
      CREATE TABLE onboarding_assignments (
        id INTEGER PRIMARY KEY,
        track_id TEXT NOT NULL,
        user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
        role TEXT,
        assigned_by INTEGER REFERENCES users (id),
        assigned_at TEXT NOT NULL,
        CHECK ((user_id IS NULL) <> (role IS NULL)),
        UNIQUE (track_id, user_id, role)
      );
      CREATE TABLE onboarding_reads (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        translation_key TEXT NOT NULL,
        file TEXT NOT NULL,
        revision_id INTEGER NOT NULL REFERENCES article_revisions (id),
        read_at TEXT NOT NULL,
        PRIMARY KEY (user_id, translation_key)
      );
      CREATE TABLE onboarding_answers (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        track_id TEXT NOT NULL,
        translation_key TEXT NOT NULL,
        question INTEGER NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (user_id, track_id, translation_key, question)
      );
      CREATE TABLE checklist_ticks (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        item INTEGER NOT NULL,
        PRIMARY KEY (user_id, article_id, item)
      );
      CREATE TABLE onboarding_leads (
        member_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        lead_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
      );
    `,
  },
];
