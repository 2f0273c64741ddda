import type { Db } from '@core/db/database.ts';
import type { ErasureSubject, SubjectComplaint } from '@core/privacy/erasure.ts';

const complaintColumns = 'id, reference, name, email, phone, order_number AS orderNumber, subject, description';

/** The customer record `customerId` with every record merged into it, and all their complaints. */
export function customerSubject(db: Db, customerId: number): ErasureSubject {
  const customerIds = withMerged(db, [customerId]);
  const complaints = db
    .prepare(`SELECT ${complaintColumns} FROM complaints WHERE id IN (SELECT complaint_id FROM customer_complaints WHERE customer_id IN (SELECT value FROM json_each(?))) ORDER BY id`)
    .all(JSON.stringify(customerIds)) as SubjectComplaint[];
  return withIdentifiers(db, complaints, customerIds);
}

/** Some complaints; their customers are cleared too when no other complaint of theirs keeps personal data. */
export function complaintsSubject(db: Db, complaintIds: readonly number[]): ErasureSubject {
  const ids = JSON.stringify(complaintIds);
  const complaints = db.prepare(`SELECT ${complaintColumns} FROM complaints WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(ids) as SubjectComplaint[];
  const customerIds = db
    .prepare(`SELECT DISTINCT l.customer_id FROM customer_complaints l WHERE l.complaint_id IN (SELECT value FROM json_each(@ids))
      AND NOT EXISTS (SELECT 1 FROM customer_complaints o JOIN complaints c ON c.id = o.complaint_id
        WHERE o.customer_id = l.customer_id AND c.erased_at IS NULL AND c.id NOT IN (SELECT value FROM json_each(@ids)))`)
    .pluck()
    .all({ ids }) as number[];
  return withIdentifiers(db, complaints, withMerged(db, customerIds));
}

/** The records and every record merged into them (merged records keep the contact details they had). */
export function withMerged(db: Db, customerIds: readonly number[]): number[] {
  return db
    .prepare(`WITH RECURSIVE family(id) AS (SELECT value FROM json_each(?) UNION SELECT c.id FROM customers c JOIN family f ON c.merged_into = f.id) SELECT id FROM family ORDER BY id`)
    .pluck()
    .all(JSON.stringify(customerIds)) as number[];
}

function withIdentifiers(db: Db, complaints: SubjectComplaint[], customerIds: number[]): ErasureSubject {
  const customers = db
    .prepare('SELECT name, email, phone FROM customers WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(customerIds)) as Array<Pick<SubjectComplaint, 'name' | 'email' | 'phone'>>;
  const people = [...complaints, ...customers];
  const distinct = (values: Array<string | null>) => [...new Set(values.map((v) => v?.trim() ?? '').filter((v) => v.length > 1))];
  return {
    complaints,
    customerIds,
    names: distinct(people.map((p) => p.name)),
    emails: distinct(people.map((p) => p.email)),
    phones: distinct(people.map((p) => p.phone)),
  };
}
