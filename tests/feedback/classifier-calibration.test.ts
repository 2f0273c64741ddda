import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifierConfidence, hasLowConfidence, lowConfidence } from '@feedback/classification/confidence.ts';
import { expectedCalibrationError, fitSoftmaxFactor, reliability, softmax } from '@feedback/classification/calibration.ts';
import { extractFeatures, defaultFeatureOptions } from '@feedback/classification/features.ts';
import { random } from '@feedback/classification/linear.ts';
import { TextClassifier, type LabelledText } from '@feedback/classification/text-classifier.ts';

function draw(probabilities: readonly number[], next: () => number): number {
  let u = next();
  for (let i = 0; i < probabilities.length; i++) {
    u -= probabilities[i]!;
    if (u < 0) return i;
  }
  return probabilities.length - 1;
}

/**
 * Texts of three topics, each with its own words plus shared ones; a share of the labels is then
 * replaced by a random other label, so no model can be right more often than about 1 - noise.
 */
function synthetic(n: number, noise: number, next: () => number): LabelledText[] {
  const labels = ['alpha', 'beta', 'gamma'];
  const own = (l: number) => Array.from({ length: 15 }, (_, i) => `${labels[l]}word${String.fromCharCode(97 + i)}`);
  const shared = Array.from({ length: 30 }, (_, i) => `common${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: n }, () => {
    const topic = Math.floor(next() * 3);
    const words = [pick(own(topic)), pick(own(topic)), pick(shared), pick(shared), pick(shared), pick(own(Math.floor(next() * 3)))];
    const label = next() < noise ? labels[(topic + 1 + Math.floor(next() * 2)) % 3]! : labels[topic]!;
    return { text: words.join(' '), label, locale: 'en' as const };
  });
}

describe('calibration measures', () => {
  it('ECE is the share-weighted gap between confidence and accuracy per bin', () => {
    // 0.95 bin: 2 of 2 right (gap 0.05); 0.65 bin: 1 of 2 right (gap 0.15).
    const ece = expectedCalibrationError([0.95, 0.95, 0.65, 0.65], [true, true, true, false]);
    expect(ece).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.15, 10);
    const table = reliability([0.95, 0.95, 0.65, 0.65, 1], [true, true, true, false, true]);
    expect(table).toHaveLength(10);
    expect(table[9]).toMatchObject({ count: 3, accuracy: 1 });
    expect(table[6]).toMatchObject({ count: 2, accuracy: 0.5, meanConfidence: 0.65 });
    expect(expectedCalibrationError([], [])).toBe(0);
  });

  it('finds the softmax factor that generated the labels', () => {
    const next = random(7);
    const truth = 2;
    const scores: number[][] = [];
    const gold: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const s = Array.from({ length: 4 }, () => next() * 3 - 1.5);
      scores.push(s);
      gold.push(draw(softmax(s, truth), next));
    }
    const fitted = fitSoftmaxFactor(scores, gold, 5);
    expect(fitted).toBeGreaterThan(1.7);
    expect(fitted).toBeLessThan(2.3);
    const confidence = (factor: number) => scores.map((s) => Math.max(...softmax(s, factor)));
    const correct = scores.map((s, i) => s.indexOf(Math.max(...s)) === gold[i]);
    expect(expectedCalibrationError(confidence(fitted), correct)).toBeLessThan(0.03);
    expect(expectedCalibrationError(confidence(5), correct)).toBeGreaterThan(0.1);
    expect(fitSoftmaxFactor([], [], 5)).toBe(5);
  });
});

describe('a calibrated TextClassifier', () => {
  const next = random(11);
  const train = synthetic(600, 0.3, next);
  const test = synthetic(600, 0.3, next);
  const ece = (model: TextClassifier) => {
    const predictions = test.map((e) => model.predict(e.text, 'en'));
    return expectedCalibrationError(
      predictions.map((p) => p.confidence),
      predictions.map((p, i) => p.label === test[i]!.label),
    );
  };

  it('says how sure it is: the calibrated confidence is far closer to how often it is right', () => {
    const uncalibrated = TextClassifier.train(train, { calibrationFolds: 0 });
    const calibrated = TextClassifier.train(train);
    expect(uncalibrated.softmaxFactor).toBe(5);
    expect(calibrated.softmaxFactor).not.toBe(5);
    const before = ece(uncalibrated);
    const after = ece(calibrated);
    expect(before).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(before / 2);
    // Same labels either way: calibration changes how sure, not what.
    for (const e of test.slice(0, 50)) expect(calibrated.predict(e.text, 'en').label).toBe(uncalibrated.predict(e.text, 'en').label);
  }, 120_000);

  it('keeps its calibration and naive-Bayes choice through storage, and trains deterministically', () => {
    const model = TextClassifier.train(train, { seed: 3 });
    const again = TextClassifier.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(again.softmaxFactor).toBe(model.softmaxFactor);
    expect([0, 0.1]).toContain(model.toJSON().options.nbAlpha);
    for (const e of test.slice(0, 20)) expect(again.predict(e.text, 'en')).toEqual(model.predict(e.text, 'en'));
    expect(JSON.stringify(TextClassifier.train(train, { seed: 3 }).toJSON())).toBe(JSON.stringify(model.toJSON()));
  }, 120_000);
});

describe('Chinese features', () => {
  it('adds dictionary words next to the bigrams and characters, at the places they were written', () => {
    const text = '洛杉磯湖人隊的連勝被終結';
    const { counts, sources } = extractFeatures(text, 'zh-Hant', defaultFeatureOptions, true);
    const words = [...counts.keys()].filter((k) => k.startsWith('s:'));
    expect(words).toContain('s:洛杉矶');
    expect(words).toContain('s:湖人');
    expect(words).not.toContain('s:人队');
    for (const w of words) for (const span of sources!.get(w)!) expect(span.end - span.start).toBe(w.length - 2);
    const at = sources!.get('s:湖人')![0]!;
    expect(text.slice(at.start, at.end)).toBe('湖人');
    expect([...extractFeatures('The dryer stopped', 'en', defaultFeatureOptions).counts.keys()].some((k) => k.startsWith('s:'))).toBe(false);
  });
});

describe('npm run eval:classify', () => {
  it('reports the calibration error before and after, with a reliability table', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classify-eval-'));
    const rows = (list: LabelledText[]) => ['text,label', ...list.map((e) => `${e.text},${e.label}`)].join('\n');
    fs.writeFileSync(path.join(dir, 'train.csv'), rows(train300()));
    fs.writeFileSync(path.join(dir, 'test.csv'), rows(synthetic(200, 0.3, random(5))));
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'tests/eval/classify-eval.ts', '--locale', 'en', dir], { cwd: path.join(import.meta.dirname, '../..') });
    expect(stdout).toMatch(/calibration: ECE 0\.\d{3} \(softmax factor [\d.]+; before calibration, factor 5: ECE 0\.\d{3}\)/);
    expect(stdout).toMatch(/confidence\s+texts\s+mean conf\.\s+right/);
    const json = JSON.parse(stdout.trim().split('\n').at(-1)!) as { sets: Array<{ ece: number; eceUncalibrated: number; reliability: unknown[] }> };
    expect(json.sets[0]!.reliability).toHaveLength(10);
    expect(json.sets[0]!.ece).toBeLessThan(json.sets[0]!.eceUncalibrated);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('chooses the naive-Bayes scaling and fits the softmax factor on the training set only', async () => {
    const factorWith = async (test: LabelledText[]) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classify-eval-'));
      const rows = (list: LabelledText[]) => ['text,label', ...list.map((e) => `${e.text},${e.label}`)].join('\n');
      fs.writeFileSync(path.join(dir, 'train.csv'), rows(train300()));
      fs.writeFileSync(path.join(dir, 'test.csv'), rows(test));
      const { stdout } = await promisify(execFile)('npx', ['tsx', 'tests/eval/classify-eval.ts', '--locale', 'en', dir], { cwd: path.join(import.meta.dirname, '../..') });
      fs.rmSync(dir, { recursive: true, force: true });
      return (JSON.parse(stdout.trim().split('\n').at(-1)!) as { sets: Array<{ softmaxFactor: number }> }).sets[0]!.softmaxFactor;
    };
    // A test set with no label noise and one where half the labels are wrong: what the model sees of them must not change it.
    const clean = await factorWith(synthetic(200, 0, random(6)));
    const noisy = await factorWith(synthetic(200, 0.5, random(7)));
    expect(noisy).toBe(clean);
    const model = TextClassifier.train(train300());
    expect(Math.round(model.softmaxFactor * 100) / 100).toBe(clean);
  }, 240_000);
});

function train300(): LabelledText[] {
  return synthetic(300, 0.3, random(4));
}

describe('classifierConfidence', () => {
  it("reads the classifier's confidence from a complaint's classification, whoever decided the category", () => {
    const classifier = { label: 'delivery', confidence: 0.83, explanation: [] };
    expect(classifierConfidence({ source: 'classifier', classifier })).toBe(0.83);
    expect(classifierConfidence({ source: 'rules', matched: ['late'], evidence: ['late'], classifier })).toBe(0.83);
    expect(classifierConfidence({ source: 'none', error: 'no model trained yet' })).toBeUndefined();
  });

  it('flags as low only a category the classifier decided below the one threshold', () => {
    const at = (confidence: number) => ({ label: 'delivery', confidence, explanation: [] });
    expect(hasLowConfidence({ source: 'classifier', classifier: at(lowConfidence - 0.01) })).toBe(true);
    expect(hasLowConfidence({ source: 'classifier', classifier: at(lowConfidence) })).toBe(false);
    expect(hasLowConfidence({ source: 'rules', matched: ['late'], evidence: ['late'], classifier: at(0.1) })).toBe(false);
    expect(hasLowConfidence({ source: 'none', error: 'no model trained yet' })).toBe(false);
  });
});

describe('Chinese dictionary words', () => {
  it('are segmented as written, as search does (ICU keeps 洗衣機 whole, but would split its folded form 洗衣机)', () => {
    const words = (text: string) => [...extractFeatures(text, 'zh-Hant', defaultFeatureOptions).counts.keys()].filter((k) => k.startsWith('s:'));
    expect(words('我的洗衣機漏水')).toContain('s:洗衣机');
    expect(words('A 洗衣機 and 洗衣機漏水')).toEqual(expect.arrayContaining(['s:洗衣机']));
  });
});
