import type { Db } from '@core/db/database.ts';
import { withMerged } from './subject.ts';

export interface ExportedMessage {
  at: string;
  from: 'customer' | 'team';
  text: string;
}

export interface ExportedComplaint {
  reference: string;
  createdAt: string;
  channel: string;
  status: string;
  product: string | null;
  category: string | null;
  subject: string;
  description: string;
  orderNumber: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  consentAt: string | null;
  resolvedAt: string | null;
  messages: ExportedMessage[];
  rating: { ratedAt: string; rating: number; comment: string | null } | null;
  /** Staff notes: in the administrators' export only (the tracking link's export leaves them out). */
  internalNotes?: Array<{ at: string; text: string }>;
}

/** Everything held about one customer, as the download gives it (JSON, or the readable page). */
export interface CustomerData {
  generatedAt: string;
  customer: { email: string | null; phone: string | null; name: string | null; locale: string | null; since: string; erasedAt: string | null };
  complaints: ExportedComplaint[];
}

interface ComplaintRow extends Omit<ExportedComplaint, 'messages' | 'rating' | 'internalNotes'> {
  id: number;
}

/** The customer record of a complaint (the record it was merged into, if any). */
export function customerOfComplaint(db: Db, complaintId: number): number | undefined {
  return db
    .prepare(`WITH RECURSIVE up(id, next) AS (SELECT c.id, c.merged_into FROM customers c JOIN customer_complaints l ON l.customer_id = c.id WHERE l.complaint_id = ?
      UNION SELECT c.id, c.merged_into FROM customers c JOIN up ON c.id = up.next) SELECT id FROM up WHERE next IS NULL`)
    .pluck()
    .get(complaintId) as number | undefined;
}

/** What the portal holds about a customer record and the records merged into it; `notes` adds staff notes. */
export function customerData(db: Db, customerId: number, at: string, options: { notes: boolean }): CustomerData | undefined {
  const customer = db
    .prepare('SELECT email, phone, name, locale, created_at AS since, erased_at AS erasedAt FROM customers WHERE id = ?')
    .get(customerId) as CustomerData['customer'] | undefined;
  if (!customer) return undefined;
  const complaints = db
    .prepare(`SELECT id, reference, created_at AS createdAt, channel, status, product, category, subject, description, order_number AS orderNumber,
        name, email, phone, consent_at AS consentAt, resolved_at AS resolvedAt
      FROM complaints WHERE id IN (SELECT complaint_id FROM customer_complaints WHERE customer_id IN (SELECT value FROM json_each(?))) ORDER BY created_at, id`)
    .all(JSON.stringify(withMerged(db, [customerId]))) as ComplaintRow[];
  const events = db.prepare(`SELECT at, kind, body FROM complaint_events WHERE complaint_id = ? AND kind IN ('customer-reply', 'reply', 'note') AND body IS NOT NULL ORDER BY at, id`);
  const rating = db.prepare('SELECT rated_at AS ratedAt, rating, comment FROM complaint_ratings WHERE complaint_id = ?');
  return {
    generatedAt: at,
    customer,
    complaints: complaints.map(({ id, ...c }) => {
      const rows = events.all(id) as Array<{ at: string; kind: string; body: string }>;
      const messages = rows.filter((e) => e.kind !== 'note').map((e): ExportedMessage => ({ at: e.at, from: e.kind === 'reply' ? 'team' : 'customer', text: e.body }));
      const notes = rows.filter((e) => e.kind === 'note').map((e) => ({ at: e.at, text: e.body }));
      return { ...c, messages, rating: (rating.get(id) as ExportedComplaint['rating'] | undefined) ?? null, ...(options.notes ? { internalNotes: notes } : {}) };
    }),
  };
}
