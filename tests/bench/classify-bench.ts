/**
 * Speed of the complaint classifier: `npm run bench:classify -- [DIR]`. Trains on DIR/train.csv and
 * predicts every text of DIR/test.csv (`text,label`) several rounds, as the complaint intake does (label,
 * confidence and explanation); without DIR it uses the five-locale fixture of the tests for both.
 * Prints training time, prediction time per text (wall p50/p95 and CPU mean) and the load average, since
 * the machine may be shared; the last line is JSON.
 *
 * `npm run bench:classify -- --seed-model` instead times the training of a fresh portal's first model (the
 * seed examples): the first training in a new process, as at first start, and then warm ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locale } from '@core/i18n/locales.ts';
import { readLabelledCsv } from '@feedback/classification/csv.ts';
import { detectLocale, detectTextLocale } from '@feedback/classification/detect.ts';
import { TextClassifier, type LabelledText } from '@feedback/classification/text-classifier.ts';
import { seedExamples } from '@feedback/classification/seed-examples.ts';
import { percentiles } from './stats.ts';

const rounds = 5;

function read(file: string, locale?: Locale): LabelledText[] {
  const rows = readLabelledCsv(fs.readFileSync(file), { keepEmptyText: true }).examples;
  const setLocale = locale ?? detectLocale(rows.map((r) => r.text));
  return rows.map((r) => ({ text: r.text, label: r.label, locale: locale ?? detectTextLocale(r.text, setLocale) }));
}

function load(dir: string | undefined): { name: string; train: LabelledText[]; test: LabelledText[] } {
  if (dir) return { name: path.basename(path.resolve(dir)), train: read(path.join(dir, 'train.csv')), test: read(path.join(dir, 'test.csv')) };
  const fixtures = path.join(import.meta.dirname, '../fixtures/classify-mini');
  const all = (['en', 'es', 'zh-Hant', 'el', 'fi'] as const).flatMap((l) => read(path.join(fixtures, `${l}.csv`), l));
  return { name: 'classify-mini fixture', train: all, test: all };
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 10) / 10);

/** Seconds of wall and CPU time of one training of the seed examples. */
function trainSeed(): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  TextClassifier.train(seedExamples());
  const cpu = process.cpuUsage(cpuStart);
  return { wall: Math.round(performance.now() - started) / 1000, cpu: Math.round((cpu.user + cpu.system) / 1000) / 1000 };
}

if (process.argv[2] === '--seed-model') {
  const first = trainSeed();
  const warm = [trainSeed(), trainSeed(), trainSeed()];
  const load = loadAverage();
  console.log(`seed model (${seedExamples().length} examples): first training ${first.wall} s (CPU ${first.cpu} s); warm ${warm.map((w) => `${w.wall} s (CPU ${w.cpu} s)`).join(', ')}; load average ${load.join(' ')}`);
  console.log(JSON.stringify({ set: 'seed model', train: seedExamples().length, first, warm, loadavg: load }));
  process.exit(0);
}

const { name, train, test } = load(process.argv[2]);
const started = performance.now();
const model = TextClassifier.train(train);
const trainSeconds = (performance.now() - started) / 1000;
for (const e of test.slice(0, 50)) model.predict(e.text, e.locale ?? 'en');
const wall: number[] = [];
const cpuStart = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  for (const e of test) {
    const t = performance.now();
    model.predict(e.text, e.locale ?? 'en');
    wall.push(performance.now() - t);
  }
}
const cpu = process.cpuUsage(cpuStart);
const cpuMsPerText = (cpu.user + cpu.system) / 1000 / wall.length;
const p = percentiles(wall);
const load1 = loadAverage();
console.log(`${name}: train ${train.length} texts in ${trainSeconds.toFixed(2)} s; predict ${test.length} texts x ${rounds}: p50 ${p.p50} ms, p95 ${p.p95} ms, CPU ${cpuMsPerText.toFixed(3)} ms per text; load average ${load1.join(' ')}`);
console.log(JSON.stringify({ set: name, train: train.length, trainSeconds: Math.round(trainSeconds * 100) / 100, predict: p, cpuMsPerText: Math.round(cpuMsPerText * 1000) / 1000, loadavg: load1 }));
