import type { Migration } from '@core/db/database.ts';
import { classifierMigrations } from './classification/training-store.ts';
import { satisfactionMigrations } from './satisfaction/migrations.ts';
import { answerUseMigrations } from './complaints/answer-uses.ts';
import { insightsMigrations } from './insights/store.ts';
import { articleFeedbackMigrations } from './articles/migrations.ts';
import { customerMigrations } from './customers/migrations.ts';
import { searchFollowupMigrations } from './search-followups/migrations.ts';
import { privacyMigrations } from './privacy/migrations.ts';
import { attachmentMigrations } from './attachments/migrations.ts';
import { outboxMigrations } from './outbox/migrations.ts';
import { mailInMigrations } from './mail-in/migrations.ts';

/**
 * The complaint room's tables. `complaints.assignee_id` and `recorded_by` point at the staff area's
 * `users(id)`, so `adminMigrations` must run first (site/lib/app.ts lists them before these).
 */
const complaintTables: Migration[] = [
  {
    id: 'feedback/001-complaints',
    sql: `
      CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        locale TEXT NOT NULL,
        channel TEXT NOT NULL,
        status TEXT NOT NULL,
        product TEXT,
        subject TEXT NOT NULL,
        description TEXT NOT NULL,
        order_number TEXT,
        email TEXT,
        name TEXT,
        phone TEXT,
        consent_at TEXT,
        category TEXT,
        severity TEXT NOT NULL DEFAULT 'medium',
        classification TEXT,
        team_id TEXT,
        assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        response_due_at TEXT,
        resolution_due_at TEXT,
        first_response_at TEXT,
        resolved_at TEXT,
        escalated_at TEXT,
        recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        idempotency_hash TEXT UNIQUE,
        payload_hash TEXT
      );
      CREATE INDEX complaints_status ON complaints (status, created_at DESC);
      CREATE INDEX complaints_team ON complaints (team_id, status);
      CREATE INDEX complaints_response_due ON complaints (response_due_at) WHERE response_due_at IS NOT NULL;
      CREATE INDEX complaints_resolution_due ON complaints (resolution_due_at) WHERE resolution_due_at IS NOT NULL;

      -- Per-year counters behind references like C-2026-000123.
      CREATE TABLE complaint_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);

      -- Only the SHA-256 of each tracking token; a complaint may have several (one per mail with a link).
      CREATE TABLE complaint_tracking_tokens (
        token_hash TEXT PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL
      );
      CREATE INDEX complaint_tracking_tokens_complaint ON complaint_tracking_tokens (complaint_id);

      CREATE TABLE complaint_events (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_id INTEGER,
        public INTEGER NOT NULL DEFAULT 0,
        body TEXT,
        data TEXT
      );
      CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id);

      -- Messages waiting to go out (mail) and deferred work (classification retries), written in the
      -- same transaction as the change that caused them.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        complaint_id INTEGER REFERENCES complaints(id) ON DELETE SET NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        done_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
    `,
  },
  {
    id: 'feedback/002-routing',
    sql: `
      CREATE TABLE complaint_teams (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        lead_email TEXT,
        position INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE complaint_team_members (
        team_id TEXT NOT NULL REFERENCES complaint_teams(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      );
      CREATE TABLE routing_rules (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        category TEXT,
        product TEXT,
        severity TEXT,
        team_id TEXT NOT NULL REFERENCES complaint_teams(id) ON DELETE CASCADE,
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE deadline_policies (
        id INTEGER PRIMARY KEY,
        category TEXT,
        severity TEXT,
        response_hours REAL NOT NULL,
        resolution_hours REAL NOT NULL,
        UNIQUE (category, severity)
      );
      CREATE TABLE complaint_keyword_rules (
        id INTEGER PRIMARY KEY,
        locale TEXT NOT NULL,
        category TEXT NOT NULL,
        keywords TEXT NOT NULL,
        severity TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE feedback_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    id: 'feedback/003-suggestion-sessions',
    sql: `
      -- One row per complaint form that showed suggestions: no text, no address, no link to the complaint.
      CREATE TABLE complaint_suggestion_sessions (
        id TEXT PRIMARY KEY,
        locale TEXT NOT NULL,
        day TEXT NOT NULL,
        shown INTEGER NOT NULL DEFAULT 0,
        opened INTEGER NOT NULL DEFAULT 0,
        submitted INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX complaint_suggestion_sessions_day ON complaint_suggestion_sessions (day);
    `,
  },
];

/** The classifier's tables (examples, models), the complaint tables, the customers' ratings, the answers used, the insights' index, readers' votes on articles, the customer records, the searches complaints came from, the erasure marks, complaint attachments, sent mails' Message-IDs and inbound mail, in order. */
export const feedbackMigrations: Migration[] = [...classifierMigrations, ...complaintTables, ...satisfactionMigrations, ...answerUseMigrations, ...insightsMigrations, ...articleFeedbackMigrations, ...customerMigrations, ...searchFollowupMigrations, ...privacyMigrations, ...attachmentMigrations, ...outboxMigrations, ...mailInMigrations];
