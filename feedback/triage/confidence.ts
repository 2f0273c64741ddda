import type { ClassifyResult } from '../classification/service.ts';

/**
 * How sure intake is of a complaint's category, from 0 to 1: the one place routing reads it, so a
 * calibration of the classifier's scores changes this function and nothing else. A keyword rule is a
 * person's decision (1); no category at all is 0.
 */
export function routingConfidence(result: ClassifyResult): number {
  if (result.category === null) return 0;
  if (result.classification.source === 'classifier') return result.classification.classifier?.confidence ?? 0;
  return 1;
}
