/**
 * The categories complaints are classified into. The rest of this folder decides them: a trainable,
 * explainable text classifier and admin-edited keyword rules, both working on the search analyzer's
 * tokens so they behave alike in every locale (docs/classification.md, decision 0004).
 */
export const complaintCategories = [
  'product-defect',
  'usage-question',
  'billing-payment',
  'delivery',
  'repair-service',
  'staff-conduct',
  'warranty-dispute',
  'privacy',
  'suggestion',
] as const;

export type ComplaintCategory = (typeof complaintCategories)[number];

export function isComplaintCategory(value: unknown): value is ComplaintCategory {
  return typeof value === 'string' && (complaintCategories as readonly string[]).includes(value);
}

