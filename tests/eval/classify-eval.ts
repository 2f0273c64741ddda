/**
 * Quality of the complaint classifier on evaluation sets: `npm run eval:classify -- DIR [DIR...]`, where each
 * DIR holds train.csv and test.csv (`text,label`, RFC 4180). Trains the production TextClassifier on train,
 * prints accuracy and macro-F1 on test, the time to train and to predict, and how well its confidence is
 * calibrated: expected calibration error (ECE, 10 bins) of the calibrated confidence and of the fixed
 * softmax factor 5 used before calibration, and a reliability table. The last line is one JSON object
 * with every figure.
 *
 * Options:
 *   --locale xx    analyzer locale for every text (en, es, zh-Hant, el, fi; another tag gets the closest
 *                  served analyzer, as zh-CN the Chinese one, and says so). Without it the locale is
 *                  detected: per set, and per text where a text clearly differs (script, stop words).
 *   --cv K         K-fold cross-validation on train.csv only (test.csv is not read): for tuning.
 *   --baseline     also a multinomial naive Bayes over the same analyzer's words, for comparison.
 *   --seed N       seed of the solver (and of the folds).
 */
import fs from 'node:fs';
import path from 'node:path';
import { locales, type Locale } from '@core/i18n/locales.ts';
import { tokenize } from '@core/text/tokenize.ts';
import { readLabelledCsv, type CsvExample } from '@feedback/classification/csv.ts';
import { detectLocale, detectTextLocale } from '@feedback/classification/detect.ts';
import { TextClassifier, type LabelledText } from '@feedback/classification/text-classifier.ts';
import { expectedCalibrationError, reliability, type ReliabilityBin } from '@feedback/classification/calibration.ts';
import { random, shuffle } from '@feedback/classification/linear.ts';
import { closestAnalyzer } from './closest-locale.ts';

interface Args {
  dirs: string[];
  locale?: Locale;
  cv?: number;
  baseline: boolean;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dirs: [], baseline: false, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--locale') {
      const v = value();
      const choice = closestAnalyzer(v);
      if (!choice) throw new Error(`--locale: unsupported locale ${JSON.stringify(v)}: no served analyzer speaks it (served: ${locales.join(', ')})`);
      if (choice.note) console.log(choice.note);
      args.locale = choice.locale;
    } else if (a === '--cv') {
      args.cv = Number.parseInt(value(), 10);
      if (!(args.cv >= 2)) throw new Error('--cv needs a number of folds >= 2');
    } else if (a === '--seed') args.seed = Number.parseInt(value(), 10);
    else if (a === '--baseline') args.baseline = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.dirs.push(a);
  }
  if (args.dirs.length === 0) throw new Error('usage: npm run eval:classify -- [--locale xx] [--cv K] [--baseline] DIR [DIR...]');
  return args;
}

/** Rows without a label cannot be scored and are left out with a warning; a text may be empty. */
function readSet(file: string): CsvExample[] {
  const { examples, problems } = readLabelledCsv(fs.readFileSync(file), { keepEmptyText: true });
  const fatal = problems.filter((p) => p.line === 1);
  if (fatal.length) throw new Error(`${file}: ${fatal.map((p) => p.message).join('; ')}`);
  if (problems.length) console.warn(`${file}: ${problems.length} row${problems.length === 1 ? '' : 's'} left out (${problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`).join('; ')}${problems.length > 3 ? '; ...' : ''})`);
  return examples;
}

export interface Scores {
  accuracy: number;
  macroF1: number;
}

/** Accuracy, and F1 averaged over every label in the gold or predicted labels (as scikit-learn does). */
export function score(gold: readonly string[], predicted: readonly string[]): Scores {
  const labels = new Set([...gold, ...predicted]);
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    if (p === g) {
      correct++;
      tp.set(g, (tp.get(g) ?? 0) + 1);
    } else {
      fp.set(p, (fp.get(p) ?? 0) + 1);
      fn.set(g, (fn.get(g) ?? 0) + 1);
    }
  });
  let f1 = 0;
  for (const l of labels) {
    const t = tp.get(l) ?? 0;
    const d = 2 * t + (fp.get(l) ?? 0) + (fn.get(l) ?? 0);
    f1 += d ? (2 * t) / d : 0;
  }
  return { accuracy: correct / (gold.length || 1), macroF1: f1 / (labels.size || 1) };
}

/** Multinomial naive Bayes over the analyzer's terms, Laplace smoothing: the reference kind of model. */
function naiveBayes(train: readonly LabelledText[], test: readonly LabelledText[]): string[] {
  const labels = [...new Set(train.map((e) => e.label))].sort();
  const prior = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const e of train) {
    prior.set(e.label, (prior.get(e.label) ?? 0) + 1);
    const c = counts.get(e.label) ?? new Map<string, number>();
    for (const t of tokenize(e.text, e.locale ?? 'en')) {
      c.set(t, (c.get(t) ?? 0) + 1);
      totals.set(e.label, (totals.get(e.label) ?? 0) + 1);
      vocabulary.add(t);
    }
    counts.set(e.label, c);
  }
  const v = vocabulary.size;
  return test.map((e) => {
    const terms = tokenize(e.text, e.locale ?? 'en').filter((t) => vocabulary.has(t));
    let best = labels[0]!;
    let bestScore = -Infinity;
    for (const l of labels) {
      const c = counts.get(l)!;
      const denominator = Math.log((totals.get(l) ?? 0) + v);
      let s = Math.log(prior.get(l)! / train.length);
      for (const t of terms) s += Math.log((c.get(t) ?? 0) + 1) - denominator;
      if (s > bestScore) {
        bestScore = s;
        best = l;
      }
    }
    return best;
  });
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

interface SetResult {
  set: string;
  locale: string;
  train: number;
  test: number;
  labels: number;
  trainSeconds: number;
  accuracy: number;
  macroF1: number;
  modelBytes?: number;
  predictMsPerText?: number;
  folds?: number;
  naiveBayes?: Scores;
  /** ECE of the confidence given, and of softmax(5 × score) as before calibration. */
  ece: number;
  eceUncalibrated: number;
  softmaxFactor?: number;
  reliability: ReliabilityBin[];
}

/** Factor of the softmax before the classifier calibrated itself. */
const uncalibratedFactor = 5;

/** The confidence of the predicted label had the softmax used another factor: p_i^(new/old), renormalised. */
function retempered(probabilities: Record<string, number>, label: string, ratio: number): number {
  const values = Object.values(probabilities);
  const max = Math.max(...values);
  let z = 0;
  for (const p of values) z += (p / max) ** ratio;
  return ((probabilities[label] ?? 0) / max) ** ratio / z;
}

interface Calibration {
  confidence: number[];
  uncalibrated: number[];
  correct: boolean[];
}

function calibrationFigures(c: Calibration) {
  return {
    ece: round(expectedCalibrationError(c.confidence, c.correct)),
    eceUncalibrated: round(expectedCalibrationError(c.uncalibrated, c.correct)),
    reliability: reliability(c.confidence, c.correct).map((b) => ({ ...b, meanConfidence: round(b.meanConfidence), accuracy: round(b.accuracy) })),
  };
}

function printCalibration(r: SetResult): void {
  console.log(`  calibration: ECE ${r.ece.toFixed(3)} (softmax factor ${r.softmaxFactor ?? '-'}; before calibration, factor ${uncalibratedFactor}: ECE ${r.eceUncalibrated.toFixed(3)})`);
  console.log('  confidence   texts  mean conf.  right');
  for (const b of r.reliability) {
    if (!b.count) continue;
    console.log(`  ${b.from.toFixed(1)}-${b.to.toFixed(1)}   ${String(b.count).padStart(6)}  ${b.meanConfidence.toFixed(3).padStart(10)}  ${b.accuracy.toFixed(3).padStart(5)}`);
  }
}

function withLocales(examples: readonly CsvExample[], args: Args, setLocale: Locale): LabelledText[] {
  return examples.map((e) => ({ text: e.text, label: e.label, locale: args.locale ?? detectTextLocale(e.text, setLocale) }));
}

function evaluate(train: LabelledText[], test: LabelledText[], seed: number, baseline: boolean) {
  const started = performance.now();
  const model = TextClassifier.train(train, { seed });
  const trainSeconds = (performance.now() - started) / 1000;
  const predictStarted = performance.now();
  const predictions = test.map((e) => model.predict(e.text, e.locale ?? 'en'));
  const predictMsPerText = (performance.now() - predictStarted) / (test.length || 1);
  const predicted = predictions.map((p) => p.label);
  const calibration: Calibration = {
    confidence: predictions.map((p) => p.confidence),
    uncalibrated: predictions.map((p) => retempered(p.scores, p.label, uncalibratedFactor / model.softmaxFactor)),
    correct: predictions.map((p, i) => p.label === test[i]!.label),
  };
  const scores = score(
    test.map((e) => e.label),
    predicted,
  );
  const nb = baseline
    ? score(
        test.map((e) => e.label),
        naiveBayes(train, test),
      )
    : undefined;
  return { model, trainSeconds, predictMsPerText, predicted, scores, nb, calibration };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const results: SetResult[] = [];
  for (const dir of args.dirs) {
    const set = path.basename(path.resolve(dir));
    const trainRows = readSet(path.join(dir, 'train.csv'));
    const setLocale = args.locale ?? detectLocale(trainRows.map((r) => r.text));
    const train = withLocales(trainRows, args, setLocale);
    const labels = new Set(train.map((e) => e.label)).size;
    const perLocale = new Map<string, number>();
    for (const e of train) perLocale.set(e.locale ?? 'en', (perLocale.get(e.locale ?? 'en') ?? 0) + 1);
    const localeNote = args.locale
      ? setLocale
      : perLocale.size > 1
        ? `detected per text: ${[...perLocale].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ')}`
        : `${setLocale} (detected)`;
    if (args.cv) {
      const k = args.cv;
      const order = Int32Array.from(train.keys());
      shuffle(order, random(args.seed * 7 + 3));
      const fold = new Int32Array(train.length);
      order.forEach((i, n) => (fold[i] = n % k));
      const gold: string[] = [];
      const predicted: string[] = [];
      const nbGold: string[] = [];
      const nbPredicted: string[] = [];
      let seconds = 0;
      const calibration: Calibration = { confidence: [], uncalibrated: [], correct: [] };
      for (let f = 0; f < k; f++) {
        const tr = train.filter((_, i) => fold[i] !== f);
        const te = train.filter((_, i) => fold[i] === f);
        const r = evaluate(tr, te, args.seed, false);
        seconds += r.trainSeconds;
        calibration.confidence.push(...r.calibration.confidence);
        calibration.uncalibrated.push(...r.calibration.uncalibrated);
        calibration.correct.push(...r.calibration.correct);
        for (const e of te) gold.push(e.label);
        predicted.push(...r.predicted);
        if (args.baseline) {
          nbGold.push(...te.map((e) => e.label));
          nbPredicted.push(...naiveBayes(tr, te));
        }
      }
      const s = score(gold, predicted);
      const result: SetResult = { set, locale: setLocale, train: train.length, test: 0, labels, folds: k, trainSeconds: round(seconds / k, 2), accuracy: round(s.accuracy), macroF1: round(s.macroF1), ...calibrationFigures(calibration) };
      if (args.baseline) {
        const nb = score(nbGold, nbPredicted);
        result.naiveBayes = { accuracy: round(nb.accuracy), macroF1: round(nb.macroF1) };
      }
      results.push(result);
      console.log(`${set}: ${k}-fold cross-validation on train (${train.length} texts, ${labels} labels, locale ${localeNote})`);
      console.log(`  accuracy ${result.accuracy.toFixed(3)}  macro-F1 ${result.macroF1.toFixed(3)}  train ${result.trainSeconds.toFixed(2)} s per fold`);
      if (result.naiveBayes) console.log(`  naive Bayes: accuracy ${result.naiveBayes.accuracy.toFixed(3)}  macro-F1 ${result.naiveBayes.macroF1.toFixed(3)}`);
      printCalibration(result);
      continue;
    }
    const test = withLocales(readSet(path.join(dir, 'test.csv')), args, setLocale);
    const r = evaluate(train, test, args.seed, args.baseline);
    const result: SetResult = {
      set,
      locale: setLocale,
      train: train.length,
      test: test.length,
      labels,
      trainSeconds: round(r.trainSeconds, 2),
      accuracy: round(r.scores.accuracy),
      macroF1: round(r.scores.macroF1),
      modelBytes: JSON.stringify(r.model.toJSON()).length,
      predictMsPerText: round(r.predictMsPerText, 3),
      softmaxFactor: round(r.model.softmaxFactor, 2),
      ...calibrationFigures(r.calibration),
    };
    if (r.nb) result.naiveBayes = { accuracy: round(r.nb.accuracy), macroF1: round(r.nb.macroF1) };
    results.push(result);
    console.log(`${set}: train ${train.length} texts, test ${test.length}, ${labels} labels, locale ${localeNote}`);
    console.log(
      `  accuracy ${result.accuracy.toFixed(3)}  macro-F1 ${result.macroF1.toFixed(3)}  train ${result.trainSeconds.toFixed(2)} s  predict ${result.predictMsPerText} ms/text  model ${Math.round((result.modelBytes ?? 0) / 1024)} KiB`,
    );
    if (result.naiveBayes) console.log(`  naive Bayes: accuracy ${result.naiveBayes.accuracy.toFixed(3)}  macro-F1 ${result.naiveBayes.macroF1.toFixed(3)}`);
    printCalibration(result);
  }
  const mean = (key: 'accuracy' | 'macroF1') => round(results.reduce((s, r) => s + r[key], 0) / (results.length || 1));
  console.log(JSON.stringify({ mode: args.cv ? `cv${args.cv}` : 'test', sets: results, mean: { accuracy: mean('accuracy'), macroF1: mean('macroF1') } }));
}

try {
  main();
} catch (error) {
  console.error(`eval:classify: ${(error as Error).message}`);
  process.exitCode = 1;
}
