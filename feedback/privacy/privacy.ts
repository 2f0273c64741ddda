import { z } from 'zod';
import type { Db } from '@core/db/database.ts';
import { isLocale, type Locale } from '@core/i18n/locales.ts';
import type { ErasureStep } from '@core/privacy/erasure.ts';
import { ActionError, runAction, type ActionResult } from '@core/staff/actions.ts';
import { recordAudit } from '@core/staff/audit.ts';
import { can } from '@core/staff/roles.ts';
import type { StaffMember } from '@core/staff/users.ts';
import type { Clock } from '../clock.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { hashToken, isTokenShape, newTrackingToken } from '../complaints/tokens.ts';
import { Eraser, type ErasureCounts } from './erase.ts';
import { customerData, customerOfComplaint, type CustomerData } from './export.ts';
import { privacyMessages } from './messages.ts';
import { purgeExpired } from './retention.ts';
import { customerSubject } from './subject.ts';

/** How long an erasure confirmation link works. */
export const confirmationHours = 24;

export interface PrivacyDeps {
  db: Db;
  clock: Clock;
  outbox: Outbox;
  siteUrl: string;
  /** CONTACT_RETENTION_DAYS. */
  retentionDays: number;
  /** Where the portal keeps its files (DATA_DIR), for steps that remove files. */
  dataDir?: string;
  steps: readonly ErasureStep[];
  /** Runs after every committed erasure: caches of erased data are dropped (the live classifier model). */
  afterErasure: () => void;
}

export function confirmationPath(token: string): string {
  return `/privacy/erase/${token}`;
}

const eraseForm = z.object({
  email: z.string().trim().min(1, 'Type the customer’s email address to confirm.').max(320, 'An email address has at most 320 characters.').email('Type an email address, for example name@example.com.'),
});

/**
 * The customer's data under their control: the download of everything held about them, erasure asked
 * for from the tracking page and confirmed by a single-use link mailed to the address on record, the
 * administrators' export and erasure, and the retention period. Every erasure runs the same steps.
 */
export class Privacy {
  readonly eraser: Eraser;

  constructor(private readonly deps: PrivacyDeps) {
    this.eraser = new Eraser(deps.db, deps.steps, deps.dataDir, deps.afterErasure);
  }

  /** Everything held about the customer of a complaint, for the holder of its tracking link (no staff notes). */
  exportForComplaint(complaintId: number): CustomerData | undefined {
    const customerId = customerOfComplaint(this.deps.db, complaintId);
    return customerId === undefined ? undefined : customerData(this.deps.db, customerId, this.deps.clock.now().toISOString(), { notes: false });
  }

  /**
   * Mails a confirmation link to the customer's address on record (never one the requester types);
   * `no-email` when there is none. Only the link's hash is stored.
   */
  requestErasure(complaint: { id: number; locale: string }): 'sent' | 'no-email' {
    const { db, clock, outbox, siteUrl } = this.deps;
    const customerId = customerOfComplaint(db, complaint.id);
    if (customerId === undefined) return 'no-email';
    const email = db
      .prepare('SELECT COALESCE((SELECT email FROM customers WHERE id = @customerId), (SELECT email FROM complaints WHERE id = @complaintId))')
      .pluck()
      .get({ customerId, complaintId: complaint.id }) as string | null;
    if (!email) return 'no-email';
    const now = clock.now();
    const token = newTrackingToken();
    const t = privacyMessages(isLocale(complaint.locale) ? complaint.locale : 'en');
    db.transaction(() => {
      db.prepare('INSERT INTO privacy_erasure_requests (token_hash, customer_id, complaint_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(hashToken(token), customerId, complaint.id, now.toISOString(), new Date(now.getTime() + confirmationHours * 3_600_000).toISOString());
      outbox.mail({ to: email, subject: t.mailSubject, text: t.mailBody(`${siteUrl}${confirmationPath(token)}`, confirmationHours), label: `erasure confirmation, customer ${customerId}`, automatic: true }, complaint.id);
    })();
    outbox.kick();
    return 'sent';
  }

  /** The language of a confirmation link that still works (unused, not expired), or undefined. */
  confirmation(token: string | undefined): { locale: Locale } | undefined {
    const row = this.pending(token);
    return row && { locale: row.locale };
  }

  /** Erases the customer's personal data when the link still works; the link is used up in the same transaction. */
  confirmErasure(token: string | undefined): { locale: Locale } | undefined {
    const { db, clock } = this.deps;
    const at = clock.now().toISOString();
    const done = db.transaction(() => {
      const row = this.pending(token);
      if (!row) return undefined;
      db.prepare('UPDATE privacy_erasure_requests SET used_at = ? WHERE id = ?').run(at, row.id);
      const erased = this.eraser.erase(customerSubject(db, row.customerId), at);
      recordAudit(db, { actorId: null, action: 'customer.erase', objectType: 'customer', objectId: row.customerId, detail: { requestedBy: 'customer', changed: erased.counts } });
      return { locale: row.locale, erased };
    }).immediate();
    if (!done) return undefined;
    this.eraser.finish(done.erased);
    return { locale: done.locale };
  }

  private pending(token: string | undefined): { id: number; customerId: number; locale: Locale } | undefined {
    if (!isTokenShape(token)) return undefined;
    const row = this.deps.db
      .prepare(`SELECT r.id, r.customer_id AS customerId, c.locale FROM privacy_erasure_requests r JOIN complaints c ON c.id = r.complaint_id
        WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ?`)
      .get(hashToken(token), this.deps.clock.now().toISOString()) as { id: number; customerId: number; locale: string } | undefined;
    return row && { ...row, locale: isLocale(row.locale) ? row.locale : 'en' };
  }

  /** An administrator's export of a customer record, staff notes included; undefined without `privacy:manage` or record. */
  exportCustomer(member: StaffMember, customerId: number): CustomerData | undefined {
    if (!can(member.role, 'privacy:manage')) return undefined;
    const root = this.deps.db.prepare('SELECT id FROM customers WHERE id = ? AND merged_into IS NULL').pluck().get(customerId) as number | undefined;
    return root === undefined ? undefined : customerData(this.deps.db, root, this.deps.clock.now().toISOString(), { notes: true });
  }

  /**
   * An administrator erases a customer record, confirming with the email address on record. The audit
   * entry names the record and the counts, never the data erased.
   */
  eraseCustomer(member: StaffMember, customerId: number, form: Record<string, string>): ActionResult<ErasureCounts> {
    const { db, clock } = this.deps;
    let finish: (() => void) | undefined;
    const result = runAction(db, member, 'privacy:manage', () => {
      const customer = db.prepare('SELECT id, email, merged_into AS mergedInto, erased_at AS erasedAt FROM customers WHERE id = ?').get(customerId) as
        | { id: number; email: string | null; mergedInto: number | null; erasedAt: string | null }
        | undefined;
      if (!customer || customer.mergedInto) throw new ActionError('customer', 'This customer record does not exist.', 404);
      if (customer.erasedAt) throw new ActionError('email', 'This customer’s personal data was already erased.', 409);
      const { email } = eraseForm.parse(form);
      if (!customer.email || customer.email !== email.toLowerCase()) throw new ActionError('email', 'This is not the email address on this record.');
      const erased = this.eraser.erase(customerSubject(db, customer.id), clock.now().toISOString());
      finish = () => this.eraser.finish(erased);
      return { value: erased.counts, audit: { action: 'customer.erase', objectType: 'customer', objectId: customer.id, detail: { requestedBy: 'administrator', changed: erased.counts } } };
    });
    if (result.ok) finish?.();
    return result;
  }

  /** Erases the complaints closed longer ago than the retention period (the scheduler calls this). */
  purgeExpired(): { complaints: number; customers: number } {
    return purgeExpired({ db: this.deps.db, clock: this.deps.clock, eraser: this.eraser, retentionDays: this.deps.retentionDays });
  }
}
