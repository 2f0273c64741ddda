import type { ErasureStep } from '@core/privacy/erasure.ts';

/**
 * The customer records: contact details, the folded name and its search grams cleared, and the values a
 * merge filled in (kept to undo it) forgotten. The record and its links to complaints stay, so "complaints
 * per customer" is unchanged.
 */
export const customerRecords: ErasureStep = {
  place: 'customers',
  erase({ db, subject, at }) {
    const customers = JSON.stringify(subject.customerIds);
    db.prepare('DELETE FROM customer_name_grams WHERE customer_id IN (SELECT value FROM json_each(?))').run(customers);
    db.prepare(`UPDATE customer_merges SET filled = '[]' WHERE filled <> '[]'
      AND (from_id IN (SELECT value FROM json_each(@customers)) OR into_id IN (SELECT value FROM json_each(@customers)))`).run({ customers });
    return db
      .prepare(`UPDATE customers SET email = NULL, phone = NULL, name = NULL, name_folded = '', gram_count = 0, erased_at = @at, updated_at = @at
        WHERE id IN (SELECT value FROM json_each(@customers))`)
      .run({ customers, at }).changes;
  },
};
