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
