/**
 * Complaint classification: a trainable, explainable text classifier and admin-edited keyword rules,
 * both working on the search analyzer's tokens so they behave alike in every locale.
 * See docs/classification.md and docs/decisions/0004-complaint-classifier.md.
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

export { TextClassifier, type LabelledText, type Prediction, type SerializedModel, type TrainOptions } from './text-classifier.ts';
export { KeywordRules, type KeywordMatch, type KeywordRule, type Severity } from './keyword-rules.ts';
