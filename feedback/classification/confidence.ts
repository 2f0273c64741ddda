import type { Classification } from '../complaints/model.ts';

/**
 * How likely the classifier's category for a complaint is right, 0..1, or undefined when the classifier
 * gave none. It is calibrated (docs/classification.md#confidence): of the complaints given about 0.8,
 * about 80 % have the right category, so a triage threshold on it means what it says. It is the
 * classifier's view even when a keyword rule decided the category.
 */
export function classifierConfidence(classification: Classification): number | undefined {
  return classification.classifier?.confidence;
}

/**
 * Below this calibrated confidence a category the classifier decided is shown to staff as "please check":
 * such a category is right less than 40 % of the time.
 */
export const lowConfidence = 0.4;

/** Whether the classifier decided the category with a confidence below `lowConfidence`. */
export function hasLowConfidence(classification: Classification): boolean {
  const confidence = classifierConfidence(classification);
  return classification.source === 'classifier' && confidence !== undefined && confidence < lowConfidence;
}
