/**
 * The categories complaints are classified into (by feedback/classification, docs/classification.md).
 * Shared vocabulary: reply templates in content/ name the complaint categories they answer.
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

