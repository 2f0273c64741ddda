import { isLocale, type Locale } from '@core/i18n/locales.ts';
import { defaultFeatureOptions, extractFeatures, type FeatureOptions, type FeatureSource } from './features.ts';
import { fitSoftmaxFactor, softmax } from './calibration.ts';
import { random, shuffle, trainOneVsRest, type SparseVector, type SvmOptions } from './linear.ts';
import { Vectorizer } from './vectorizer.ts';

export interface LabelledText {
  text: string;
  label: string;
  /** The analyzer's locale for this text; defaults to the training option `locale`. */
  locale?: Locale;
}

export interface TrainOptions {
  /** Locale of examples that do not name one; default 'en'. */
  locale?: Locale;
  features?: Partial<Omit<FeatureOptions, 'familyWeights'>> & { familyWeights?: Partial<FeatureOptions['familyWeights']> };
  /** SVM cost (inverse regularization); default 1. */
  c?: number;
  /** Seed of the shuffles of the solver; default 1. Same data + same seed = same model. */
  seed?: number;
  /** Weights smaller than this are dropped from the model; default 0.05. */
  pruneBelow?: number;
  /**
   * Factor of the scores in the softmax that turns them into probabilities. Fitted on held-out folds of
   * the training examples unless calibrationFolds is 0; this is the value used then (default 5).
   */
  temperature?: number;
  /** Folds of the training examples that fit the softmax factor (calibration.ts); default 3, 0 turns it off. */
  calibrationFolds?: number;
  /** Score margin a correction enforces in learn(); default 0.5. */
  learnMargin?: number;
  /** Passes of the solver at most; default 50 (it usually stops after 5 to 15). */
  maxPasses?: number;
  /**
   * Naive-Bayes scaling of the features (NB-SVM, linear.ts): its smoothing, 0 for none. Without it, the
   * candidates of nbAlphaCandidates are compared on the calibration folds and the best one is kept.
   */
  nbAlpha?: number;
  /** Default [0, 0.1]: plain features or naive-Bayes scaled ones, whichever predicts the held-out folds better. */
  nbAlphaCandidates?: number[];
}

export interface Prediction {
  label: string;
  /** Probability of the label (softmax of the scaled scores), 0..1. */
  confidence: number;
  /** Probability of every known label. */
  scores: Record<string, number>;
  /**
   * The words and phrases of the text that pushed hardest towards the label, strongest first: each is
   * the text as written, with the sum of weight x value of the features seen there (word, stem,
   * character n-grams, adjacent-word pair).
   */
  explanation: Array<{ term: string; weight: number }>;
}

interface ResolvedOptions {
  locale: Locale;
  features: FeatureOptions;
  c: number;
  seed: number;
  pruneBelow: number;
  temperature: number;
  calibrationFolds: number;
  learnMargin: number;
  maxPasses: number;
  nbAlpha: number;
}

/** One feature's weights: class indices with their weights (only the non-negligible ones). */
interface Row {
  classes: number[];
  weights: number[];
}

const format = 'helpdesk-kb/text-classifier';
const formatVersion = 1;
/** Weights and idf are kept at this precision, in memory too, so a saved model predicts exactly alike. */
const scale = 10_000;
const quantize = (v: number) => Math.round(v * scale) / scale;
/** An OvR class without positive examples scores bias -1 (every training point was on the negative side). */
const newClassBias = -1;
const maxExplanationTerms = 8;
const defaultNbAlphaCandidates = [0, 0.1];

function resolve(options: TrainOptions = {}): ResolvedOptions {
  const f = options.features ?? {};
  return {
    locale: options.locale ?? 'en',
    features: {
      ...defaultFeatureOptions,
      ...f,
      familyWeights: { ...defaultFeatureOptions.familyWeights, ...(f.familyWeights ?? {}) },
    } as FeatureOptions,
    c: options.c ?? 1,
    seed: options.seed ?? 1,
    pruneBelow: options.pruneBelow ?? 0.05,
    temperature: options.temperature ?? 5,
    calibrationFolds: options.calibrationFolds ?? 3,
    learnMargin: options.learnMargin ?? 0.5,
    maxPasses: options.maxPasses ?? 50,
    nbAlpha: options.nbAlpha ?? 0,
  };
}

/**
 * A linear text classifier: TF-IDF features from the search analyzer (words, adjacent-word pairs,
 * character n-grams inside words, Chinese bigrams and characters) and one-vs-rest linear SVMs. Every
 * decision is a sum of weight x value over the features of the text, so it can name the words behind it.
 */
export class TextClassifier {
  readonly labels: string[];
  private readonly options: ResolvedOptions;
  private readonly vectorizer: Vectorizer;
  private readonly rows: Array<Row | undefined>;
  private readonly bias: number[];
  private trainedOn: number;
  private corrections: number;

  private constructor(options: ResolvedOptions, labels: string[], vectorizer: Vectorizer, rows: Array<Row | undefined>, bias: number[], trainedOn: number, corrections: number) {
    this.options = options;
    this.labels = labels;
    this.vectorizer = vectorizer;
    this.rows = rows;
    this.bias = bias;
    this.trainedOn = trainedOn;
    this.corrections = corrections;
  }

  static train(examples: readonly LabelledText[], options?: TrainOptions): TextClassifier {
    const o = resolve(options);
    const usable = examples.filter((e) => e.text.trim() && e.label);
    if (usable.length === 0) throw new Error('TextClassifier.train: no examples with text and label');
    const counts = usable.map((e) => extractFeatures(e.text, e.locale ?? o.locale, o.features).counts);
    if (o.calibrationFolds >= 2 && usable.length >= 2 * o.calibrationFolds) {
      const alphas = options?.nbAlpha !== undefined ? [o.nbAlpha] : (options?.nbAlphaCandidates ?? defaultNbAlphaCandidates);
      let best: { right: number; scores: number[][]; gold: number[]; nbAlpha: number } | undefined;
      TextClassifier.heldOutScores(usable, counts, o, alphas).forEach((heldOut, c) => {
        const right = heldOut.scores.filter((s, i) => s.indexOf(Math.max(...s)) === heldOut.gold[i]).length;
        if (!best || right > best.right) best = { right, ...heldOut, nbAlpha: alphas[c]! };
      });
      if (best) {
        o.nbAlpha = best.nbAlpha;
        o.temperature = fitSoftmaxFactor(best.scores, best.gold, o.temperature);
      }
    }
    const vocabulary = TextClassifier.vocabulary(counts);
    return TextClassifier.fit(usable, vocabulary.transformAll(counts, o.features.familyWeights), o, vocabulary);
  }

  /**
   * Scores of every example by models that did not see it, one list per candidate naive-Bayes smoothing:
   * the examples are split into folds (stratified by label, seeded) and, per fold, a model of each
   * candidate trained on the other folds scores it. The candidates of a fold share its vocabulary, idf and
   * vectors, built once. The softmax factor is fitted on these scores (calibration.ts) and the naive-Bayes
   * scaling chosen by them.
   */
  private static heldOutScores(usable: readonly LabelledText[], counts: ReadonlyArray<Map<string, number>>, o: ResolvedOptions, alphas: readonly number[]): Array<{ scores: number[][]; gold: number[] }> {
    const { calibrationFolds: k, seed } = o;
    const fold = new Int32Array(usable.length);
    const byLabel = new Map<string, number[]>();
    usable.forEach((e, i) => {
      const list = byLabel.get(e.label);
      if (list) list.push(i);
      else byLabel.set(e.label, [i]);
    });
    const next = random(seed * 31 + 17);
    let turn = 0;
    for (const label of [...byLabel.keys()].sort()) {
      const members = Int32Array.from(byLabel.get(label)!);
      shuffle(members, next);
      for (const i of members) fold[i] = turn++ % k;
    }
    const results = alphas.map(() => ({ scores: [] as number[][], gold: [] as number[] }));
    const weights = o.features.familyWeights;
    for (let f = 0; f < k; f++) {
      const inside = usable.flatMap((_, i) => (fold[i] === f ? [] : [i]));
      const outside = usable.flatMap((_, i) => (fold[i] === f ? [i] : []));
      const insideCounts = inside.map((i) => counts[i]!);
      const vocabulary = TextClassifier.vocabulary(insideCounts);
      const data = vocabulary.transformAll(insideCounts, weights);
      const heldOut = outside.map((i) => vocabulary.transform(counts[i]!, weights));
      alphas.forEach((nbAlpha, c) => {
        const model = TextClassifier.fit(
          inside.map((i) => usable[i]!),
          data,
          { ...o, nbAlpha },
          vocabulary,
        );
        if (model.labels.length < 2) return;
        outside.forEach((i, n) => {
          const label = model.labels.indexOf(usable[i]!.label);
          if (label < 0) return;
          results[c]!.scores.push(model.scores(heldOut[n]!));
          results[c]!.gold.push(label);
        });
      });
    }
    return results;
  }

  /** The vocabulary and quantized idf of a set of training texts. */
  private static vocabulary(counts: ReadonlyArray<Map<string, number>>): Vectorizer {
    const vectorizer = Vectorizer.fit(counts, { w: 1, b: 1, c: 1, h: 1, s: 1 });
    vectorizer.idf.forEach((v, i) => (vectorizer.idf[i] = quantize(v)));
    return vectorizer;
  }

  /** A model of the examples, given as vectors of the vectorizer. */
  private static fit(usable: readonly LabelledText[], data: readonly SparseVector[], o: ResolvedOptions, vectorizer: Vectorizer): TextClassifier {
    const labels = [...new Set(usable.map((e) => e.label))].sort();
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    const y = Int32Array.from(usable.map((e) => labelIndex.get(e.label) ?? 0));
    const svm: SvmOptions = { c: o.c, biasFeature: 1, epsilon: 0.1, maxPasses: o.maxPasses, pruneBelow: o.pruneBelow, seed: o.seed, nbAlpha: o.nbAlpha };
    const perClass = trainOneVsRest(data, y, labels.length, vectorizer.names.length, svm);
    const rows: Array<Row | undefined> = new Array(vectorizer.names.length);
    perClass.forEach((w, c) => {
      for (let k = 0; k < w.index.length; k++) {
        const q = quantize(w.value[k]!);
        if (q === 0) continue;
        const j = w.index[k]!;
        const row = (rows[j] ??= { classes: [], weights: [] });
        row.classes.push(c);
        row.weights.push(q);
      }
    });
    return new TextClassifier(o, labels, vectorizer, rows, perClass.map((w) => quantize(w.bias)), usable.length, 0);
  }

  /** The factor of the scores in the softmax behind `confidence` (fitted when the model was trained). */
  get softmaxFactor(): number {
    return this.options.temperature;
  }

  predict(text: string, locale: Locale): Prediction {
    const { counts, sources } = extractFeatures(text, locale, this.options.features, true);
    const x = this.vectorizer.transform(counts, this.options.features.familyWeights);
    const scores = this.scores(x);
    let best = 0;
    for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
    const probabilities = softmax(scores, this.options.temperature);
    const byLabel: Record<string, number> = {};
    this.labels.forEach((l, c) => (byLabel[l] = probabilities[c]!));
    return {
      label: this.labels[best]!,
      confidence: probabilities[best]!,
      scores: byLabel,
      explanation: this.explain(text, x, best, sources ?? new Map()),
    };
  }

  /**
   * Takes in a staff correction at once: the text's features (new words included) are moved towards the
   * given label and away from the labels that outscore it, until it leads by the learn margin
   * (a passive-aggressive update; Crammer et al., 2006). A label never seen before is added. The next
   * full training from the stored examples supersedes these updates.
   */
  learn(example: LabelledText): void {
    if (!example.text.trim() || !example.label) return;
    const locale = example.locale ?? this.options.locale;
    const { counts } = extractFeatures(example.text, locale, this.options.features);
    for (const name of counts.keys()) {
      if (!this.vectorizer.ids.has(name)) {
        const id = this.vectorizer.addFeature(name);
        this.vectorizer.idf[id] = quantize(this.vectorizer.idf[id]!);
      }
    }
    let target = this.labels.indexOf(example.label);
    if (target < 0) {
      target = this.labels.length;
      this.labels.push(example.label);
      this.bias.push(newClassBias);
    }
    const x = this.vectorizer.transform(counts, this.options.features.familyWeights);
    let norm = 0;
    for (const v of x.value) norm += v * v;
    if (norm === 0) return;
    for (let step = 0; step < 2 * this.labels.length; step++) {
      const scores = this.scores(x);
      let rival = -1;
      for (let c = 0; c < scores.length; c++) if (c !== target && (rival < 0 || scores[c]! > scores[rival]!)) rival = c;
      if (rival < 0) break;
      const loss = this.options.learnMargin - (scores[target]! - scores[rival]!);
      if (loss <= 1e-9) break;
      // A little beyond the margin, so quantization cannot leave the update just short of it.
      const tau = (loss + 1e-3) / (2 * norm);
      this.update(x, target, tau);
      this.update(x, rival, -tau);
    }
    this.corrections++;
  }

  /** A compact, versioned form for storage (see docs/classification.md). */
  toJSON(): SerializedModel {
    const classes: SerializedModel['classes'] = this.labels.map((_, c) => ({ bias: Math.round(this.bias[c]! * scale), index: [] as number[], weight: [] as number[] }));
    const last = new Array<number>(this.labels.length).fill(-1);
    this.rows.forEach((row, j) => {
      if (!row) return;
      row.classes.forEach((c, k) => {
        const cls = classes[c]!;
        cls.index.push(j - last[c]!);
        last[c] = j;
        cls.weight.push(Math.round(row.weights[k]! * scale));
      });
    });
    return {
      format,
      version: formatVersion,
      options: this.options,
      trainedOn: this.trainedOn,
      corrections: this.corrections,
      documents: this.vectorizer.documents,
      labels: [...this.labels],
      features: [...this.vectorizer.names],
      idf: this.vectorizer.idf.map((v) => Math.round(v * scale)),
      classes,
    };
  }

  static fromJSON(json: unknown): TextClassifier {
    const m = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<SerializedModel> | null;
    if (!m || m.format !== format) throw new Error('TextClassifier.fromJSON: not a text classifier model');
    if (m.version !== formatVersion) throw new Error(`TextClassifier.fromJSON: model version ${String(m.version)} is not supported (expected ${formatVersion})`);
    const { labels, features, idf, classes, options } = m;
    if (!Array.isArray(labels) || !Array.isArray(features) || !Array.isArray(idf) || !Array.isArray(classes) || !options || features.length !== idf.length || classes.length !== labels.length) {
      throw new Error('TextClassifier.fromJSON: malformed model');
    }
    if (!isLocale(options.locale)) throw new Error('TextClassifier.fromJSON: malformed model (locale)');
    const vectorizer = new Vectorizer([...features], idf.map((q) => q / scale), m.documents ?? 0);
    const rows: Array<Row | undefined> = new Array(features.length);
    classes.forEach((cls, c) => {
      let j = -1;
      cls.index.forEach((delta, k) => {
        j += delta;
        if (j < 0 || j >= features.length) throw new Error('TextClassifier.fromJSON: malformed model (feature index)');
        const row = (rows[j] ??= { classes: [], weights: [] });
        row.classes.push(c);
        row.weights.push((cls.weight[k] ?? 0) / scale);
      });
    });
    return new TextClassifier(resolve(options), [...labels], vectorizer, rows, classes.map((cls) => cls.bias / scale), m.trainedOn ?? 0, m.corrections ?? 0);
  }

  private scores(x: SparseVector): number[] {
    const scores = [...this.bias];
    for (let k = 0; k < x.index.length; k++) {
      const row = this.rows[x.index[k]!];
      if (!row) continue;
      const v = x.value[k]!;
      for (let t = 0; t < row.classes.length; t++) scores[row.classes[t]!]! += row.weights[t]! * v;
    }
    return scores;
  }

  private update(x: SparseVector, c: number, amount: number): void {
    for (let k = 0; k < x.index.length; k++) {
      const j = x.index[k]!;
      const row = (this.rows[j] ??= { classes: [], weights: [] });
      const at = row.classes.indexOf(c);
      if (at >= 0) row.weights[at] = quantize(row.weights[at]! + amount * x.value[k]!);
      else {
        row.classes.push(c);
        row.weights.push(quantize(amount * x.value[k]!));
      }
    }
  }

  /**
   * Contributions of the features to one class, gathered on the spans of text they came from: a word
   * gets its stem's, its character n-grams' and its share of pairs; a pair of words also shows as such.
   * Chinese has no spaces, so its bigram and character features are spread over their characters and
   * summed per dictionary word of the text (ICU segmentation), which reads better than overlapping pairs.
   */
  private explain(text: string, x: SparseVector, c: number, sources: Map<string, FeatureSource[]>): Prediction['explanation'] {
    const bySpan = new Map<string, { start: number; end: number; weight: number }>();
    const byCjkChar = new Map<number, number>();
    for (let k = 0; k < x.index.length; k++) {
      const j = x.index[k]!;
      const row = this.rows[j];
      const at = row ? row.classes.indexOf(c) : -1;
      if (!row || at < 0) continue;
      const contribution = row.weights[at]! * x.value[k]!;
      const spans = sources.get(this.vectorizer.names[j]!) ?? [];
      for (const span of spans) {
        const share = contribution / spans.length;
        if (cjkSpan.test(text.slice(span.start, span.end))) {
          const chars = [...text.slice(span.start, span.end)];
          let offset = span.start;
          for (const ch of chars) {
            byCjkChar.set(offset, (byCjkChar.get(offset) ?? 0) + share / chars.length);
            offset += ch.length;
          }
          continue;
        }
        const key = `${span.start}:${span.end}`;
        const entry = bySpan.get(key) ?? { start: span.start, end: span.end, weight: 0 };
        entry.weight += share;
        bySpan.set(key, entry);
      }
    }
    if (byCjkChar.size) {
      for (const run of text.matchAll(cjkRuns)) {
        for (const segment of cjkSegmenter().segment(run[0])) {
          const start = run.index + segment.index;
          let weight = 0;
          let seen = false;
          for (let i = start; i < start + segment.segment.length; i++) {
            const w = byCjkChar.get(i);
            if (w === undefined) continue;
            weight += w;
            seen = true;
          }
          if (seen) bySpan.set(`${start}:${start + segment.segment.length}`, { start, end: start + segment.segment.length, weight });
        }
      }
    }
    // The same word written twice is one term.
    const byTerm = new Map<string, { term: string; weight: number }>();
    for (const { start, end, weight } of bySpan.values()) {
      const term = text.slice(start, end).replace(/\s+/g, ' ');
      const key = term.toLowerCase();
      const entry = byTerm.get(key) ?? { term, weight: 0 };
      entry.weight += weight;
      byTerm.set(key, entry);
    }
    return [...byTerm.values()]
      .filter((e) => e.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
      .slice(0, maxExplanationTerms)
      .map((e) => ({ term: e.term, weight: Math.round(e.weight * 1000) / 1000 }));
  }
}

const cjkClass = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const cjkSpan = new RegExp(`^[${cjkClass}]+$`, 'u');
const cjkRuns = new RegExp(`[${cjkClass}]+`, 'gu');
let segmenter: Intl.Segmenter | undefined;
function cjkSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  return segmenter;
}

export interface SerializedModel {
  format: typeof format;
  version: typeof formatVersion;
  options: ResolvedOptions;
  /** Examples of the last full training, and staff corrections learnt since. */
  trainedOn: number;
  corrections: number;
  /** Documents behind the idf. */
  documents: number;
  labels: string[];
  /** Feature names (see features.ts) and their idf x 10^4. */
  features: string[];
  idf: number[];
  /** Per label: bias and weights x 10^4, feature indices delta-encoded (first one from -1). */
  classes: Array<{ bias: number; index: number[]; weight: number[] }>;
}
