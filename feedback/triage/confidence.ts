import type { ClassifyResult } from '../classification/service.ts';
import { classifierConfidence } from '../classification/confidence.ts';

/**
 * How sure intake is of a complaint's category, from 0 to 1: the one place routing reads it, the
 * classifier's calibrated confidence (docs/classification.md#confidence). A keyword rule is a
 * person's decision (1); no category at all is 0.
 */
export function routingConfidence(result: ClassifyResult): number {
  if (result.category === null) return 0;
  if (result.classification.source === 'classifier') return classifierConfidence(result.classification) ?? 0;
  return 1;
}
