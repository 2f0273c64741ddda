import { adminMigrations } from '@admin/admin.ts';
import { openDatabase, type Db } from '@core/db/database.ts';
import { ManualClock } from '@feedback/clock.ts';
import { createFeedback, feedbackMigrations, type FeedbackOptions, type FeedbackServices } from '@feedback/feedback.ts';
import type { MailMessage, Mailer } from '@feedback/outbox/mailer.ts';
import type { PublicComplaintInput } from '@feedback/complaints/validation.ts';
import { sampleComplaint } from '../fixtures/sample-complaint.ts';

/** A mailer that records what it was asked to send, and can be told to fail. */
export class RecordingMailer implements Mailer {
  readonly kind = 'smtp' as const;
  sent: MailMessage[] = [];
  failWith: string | undefined;
  async send(message: MailMessage): Promise<void> {
    if (this.failWith) throw new Error(this.failWith);
    this.sent.push(message);
  }
  close(): void {}
}

export interface Fixture {
  db: Db;
  clock: ManualClock;
  mailer: RecordingMailer;
  feedback: FeedbackServices;
  logs: string[];
  staffId: number;
}

/** A fresh in-memory portal database with the staff tables, one staff user and the complaint room. */
export function setup(options: Partial<FeedbackOptions> & { start?: string } = {}): Fixture {
  const db = openDatabase(':memory:', [...adminMigrations, ...feedbackMigrations]);
  const now = new Date().toISOString();
  const staffId = Number(
    db
      .prepare("INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES ('agent@example.com', 'Agent', 'agent', 'x', ?, ?, ?)")
      .run(now, now, now).lastInsertRowid,
  );
  const clock = new ManualClock(options.start ?? '2026-03-02T09:00:00.000Z');
  const mailer = new RecordingMailer();
  const logs: string[] = [];
  const feedback = createFeedback({ db, clock, mailer, siteUrl: 'https://help.example', log: (l) => logs.push(l), ...options });
  return { db, clock, mailer, feedback, logs, staffId };
}

let counter = 0;
/** What the complaint form sends, as takeComplaint receives it (unvalidated; consent as a checkbox value). */
export function formInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    locale: 'en',
    product: 'aquawash',
    subject: 'Washing machine leaks',
    description: 'My AquaWash leaks water from the door seal during every wash.',
    email: 'a@example.com',
    consent: 'on',
    ...overrides,
  };
}

export function complaintInput(overrides: Partial<PublicComplaintInput> = {}): PublicComplaintInput {
  counter++;
  return {
    ...sampleComplaint,
    idempotencyKey: `key-${Date.now()}-${counter}`,
    ...overrides,
  } as PublicComplaintInput;
}
