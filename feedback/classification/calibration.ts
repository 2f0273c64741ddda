/**
 * Turning a linear model's label scores into probabilities that mean what they say: of the texts given
 * 0.8, about 80 % should be right. The scores of one-vs-rest SVMs are margins, not probabilities; a
 * softmax over them with a single factor (temperature scaling, Guo et al., ICML 2017) fitted on scores the
 * model did not see in training keeps the ranking of the labels and fixes how sure it sounds.
 */

/** Softmax of `factor × score`; the highest score gets the highest probability whatever the factor. */
export function softmax(scores: readonly number[], factor: number): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(factor * (s - max)));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** Mean negative log-likelihood of the right labels under softmax(factor × scores). */
function negativeLogLikelihood(scores: ReadonlyArray<readonly number[]>, gold: readonly number[], factor: number): number {
  let total = 0;
  scores.forEach((s, i) => {
    const max = Math.max(...s);
    let z = 0;
    for (const v of s) z += Math.exp(factor * (v - max));
    total += Math.log(z) - factor * (s[gold[i]!]! - max);
  });
  return total / (scores.length || 1);
}

export const factorRange: readonly [number, number] = [0.1, 100];

/**
 * The softmax factor that minimises the negative log-likelihood of the right labels over held-out scores.
 * The likelihood is convex in the factor, so a golden-section search over its logarithm finds the
 * minimum; without held-out scores the fallback is returned.
 */
export function fitSoftmaxFactor(scores: ReadonlyArray<readonly number[]>, gold: readonly number[], fallback: number): number {
  if (scores.length === 0) return fallback;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(factorRange[0]);
  let hi = Math.log(factorRange[1]);
  const loss = (x: number) => negativeLogLikelihood(scores, gold, Math.exp(x));
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = loss(a);
  let fb = loss(b);
  while (hi - lo > 1e-4) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = loss(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = loss(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

export interface ReliabilityBin {
  /** Confidences in [from, to); the last bin includes 1. */
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Predictions grouped by confidence into equal-width bins, with how often each group was right. */
export function reliability(confidences: readonly number[], correct: readonly boolean[], bins = 10): ReliabilityBin[] {
  const table: ReliabilityBin[] = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, meanConfidence: 0, accuracy: 0 }));
  confidences.forEach((c, i) => {
    const bin = table[Math.min(bins - 1, Math.max(0, Math.floor(c * bins)))]!;
    bin.count++;
    bin.meanConfidence += c;
    if (correct[i]) bin.accuracy++;
  });
  for (const bin of table) {
    if (!bin.count) continue;
    bin.meanConfidence /= bin.count;
    bin.accuracy /= bin.count;
  }
  return table;
}

/** Expected calibration error: the gap between confidence and accuracy per bin, weighted by the bin's share. */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  const total = confidences.length;
  if (!total) return 0;
  return reliability(confidences, correct, bins).reduce((sum, bin) => sum + (bin.count / total) * Math.abs(bin.meanConfidence - bin.accuracy), 0);
}
