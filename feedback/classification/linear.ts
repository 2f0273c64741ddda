import { SeededRandom } from '@core/demo/random.ts';

/**
 * Solvers for the linear classifier over sparse, L2-normalized TF-IDF vectors. No ML library: the one
 * that matters is a one-vs-rest L2-regularized, L2-loss (squared hinge) support vector machine solved by
 * dual coordinate descent with shrinking, the method of LIBLINEAR (Hsieh et al., ICML 2008). It converges
 * in a handful of passes, needs no learning rate, and is deterministic given the seed of its shuffles.
 */

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** Weights of one class: feature indices ascending, plus a bias. */
export interface ClassWeights {
  index: Int32Array;
  value: Float32Array;
  bias: number;
}

export interface SvmOptions {
  /** Cost of a margin violation (inverse regularization). */
  c: number;
  /** The constant feature behind the bias (LIBLINEAR's -B). */
  biasFeature: number;
  /** Stop when the projected gradient spread is below this. */
  epsilon: number;
  maxPasses: number;
  /** Weights of smaller magnitude are dropped from the model. */
  pruneBelow: number;
  seed: number;
  /** Smoothing of the naive-Bayes feature scaling (logCountRatio); 0 turns the scaling off. */
  nbAlpha: number;
}

/** Deterministic PRNG (mulberry32, the demo data's generator): the same seed trains the same model everywhere. */
export function random(seed: number): () => number {
  const rng = new SeededRandom(seed);
  return () => rng.next();
}

export function shuffle(array: Int32Array, next: () => number, length = array.length): void {
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = array[i]!;
    array[i] = array[j]!;
    array[j] = t;
  }
}

/**
 * One binary problem: y[i] is +1 or -1. Returns the dense weights (last slot: the bias weight).
 * L2-loss SVM dual: min_a 1/2 a'(Q + D)a - e'a, a >= 0, with D = 1/(2C) on the diagonal.
 */
export function trainBinarySvm(data: readonly SparseVector[], y: Int8Array, dimension: number, options: SvmOptions, seed: number, featureScale?: Float64Array): Float64Array {
  const n = data.length;
  const w = new Float64Array(dimension + 1);
  const alpha = new Float64Array(n);
  const diag = 0.5 / options.c;
  const bias = options.biasFeature;
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { index, value: v } = data[i]!;
    let s = diag + bias * bias;
    for (let k = 0; k < v.length; k++) {
      const x = featureScale ? v[k]! * featureScale[index[k]!]! : v[k]!;
      s += x * x;
    }
    qd[i] = s;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let active = n;
  let pgMaxOld = Infinity;
  const next = random(seed);
  for (let pass = 0; pass < options.maxPasses; pass++) {
    shuffle(order, next, active);
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < active; s++) {
      const i = order[s]!;
      const x = data[i]!;
      const yi = y[i]!;
      const idx = x.index;
      const val = x.value;
      let dot = w[dimension]! * bias;
      if (featureScale) for (let k = 0; k < idx.length; k++) dot += w[idx[k]!]! * val[k]! * featureScale[idx[k]!]!;
      else for (let k = 0; k < idx.length; k++) dot += w[idx[k]!]! * val[k]!;
      const g = yi * dot - 1 + diag * alpha[i]!;
      let pg = 0;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          // Shrinking: a point well outside the margin stays at zero; drop it from the active set.
          active--;
          order[s] = order[active]!;
          order[active] = i;
          s--;
          continue;
        }
        if (g < 0) pg = g;
      } else pg = g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i]!;
        const updated = Math.max(old - g / qd[i]!, 0);
        alpha[i] = updated;
        const d = (updated - old) * yi;
        if (featureScale) for (let k = 0; k < idx.length; k++) w[idx[k]!]! += d * val[k]! * featureScale[idx[k]!]!;
        else for (let k = 0; k < idx.length; k++) w[idx[k]!]! += d * val[k]!;
        w[dimension]! += d * bias;
      }
    }
    if (pgMax - pgMin <= options.epsilon) {
      if (active === n) break;
      // Converged on the active set: check everything once more without shrinking.
      active = n;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
  // Weights for the unscaled features: w . (s o x) = (w o s) . x.
  if (featureScale) for (let j = 0; j < dimension; j++) w[j]! *= featureScale[j]!;
  return w;
}

/**
 * Naive-Bayes log-count ratios of one binary problem (Wang and Manning, ACL 2012): how much more a feature
 * weighs in the positive texts than in the negative ones, smoothed by alpha. Scaling the features by the
 * ratio's magnitude lets the SVM start from what naive Bayes knows about each word.
 */
export function logCountRatio(data: readonly SparseVector[], y: Int8Array, dimension: number, alpha: number): Float64Array {
  const p = new Float64Array(dimension).fill(alpha);
  const q = new Float64Array(dimension).fill(alpha);
  let pTotal = alpha * dimension;
  let qTotal = alpha * dimension;
  data.forEach((x, i) => {
    const into = y[i]! > 0 ? p : q;
    for (let k = 0; k < x.index.length; k++) {
      into[x.index[k]!]! += x.value[k]!;
      if (y[i]! > 0) pTotal += x.value[k]!;
      else qTotal += x.value[k]!;
    }
  });
  const r = new Float64Array(dimension);
  for (let j = 0; j < dimension; j++) r[j] = Math.log(p[j]! / pTotal) - Math.log(q[j]! / qTotal);
  return r;
}

/** One-vs-rest: one binary SVM per class, pruned to its non-negligible weights. */
export function trainOneVsRest(data: readonly SparseVector[], labels: Int32Array, classes: number, dimension: number, options: SvmOptions): ClassWeights[] {
  const result: ClassWeights[] = [];
  const y = new Int8Array(data.length);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < data.length; i++) y[i] = labels[i] === c ? 1 : -1;
    let scale: Float64Array | undefined;
    if (options.nbAlpha > 0) {
      // 1 + |r|: a feature naive Bayes finds telling is enlarged, none is silenced (scaling by r alone lost on every set).
      scale = logCountRatio(data, y, dimension, options.nbAlpha);
      for (let j = 0; j < dimension; j++) scale[j] = 1 + Math.abs(scale[j]!);
    }
    const w = trainBinarySvm(data, y, dimension, options, options.seed + c * 7919, scale);
    result.push(prune(w, dimension, options.biasFeature, options.pruneBelow));
  }
  return result;
}

function prune(w: Float64Array, dimension: number, biasFeature: number, below: number): ClassWeights {
  let count = 0;
  for (let j = 0; j < dimension; j++) if (Math.abs(w[j]!) >= below) count++;
  const index = new Int32Array(count);
  const value = new Float32Array(count);
  let at = 0;
  for (let j = 0; j < dimension; j++) {
    if (Math.abs(w[j]!) >= below) {
      index[at] = j;
      value[at] = w[j]!;
      at++;
    }
  }
  return { index, value, bias: w[dimension]! * biasFeature };
}
