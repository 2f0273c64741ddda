/**
 * `npm run classify:import -- file.csv [--locale xx|auto] [--db path] [--any-label] [--source name] [--train]`
 *
 * Imports labelled history (`text,label` CSV, RFC 4180) into the classifier's training examples in SQLite
 * (default `${DATA_DIR}/kb.sqlite`). The locale (default en) is stored with each example; `auto` detects
 * it per text. Labels must be complaint categories unless `--any-label`. Nothing is
 * imported when any line has a problem; every problem is listed with its line. `--train` then trains a
 * model on all stored examples and stores it as the newest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { config } from '@core/config/config.ts';
import { openDatabase } from '@core/db/database.ts';
import { isLocale, type Locale } from '@core/i18n/locales.ts';
import { readLabelledCsv, type CsvProblem } from '../classification/csv.ts';
import { detectLocale, detectTextLocale } from '../classification/detect.ts';
import { complaintCategories } from '@core/content/complaint-categories.ts';
import { TextClassifier } from '../classification/text-classifier.ts';
import { addExamples, classifierMigrations, listExamples, saveModel } from '../classification/training-store.ts';

export interface ImportOptions {
  file: string;
  /** The locale of every text, or 'auto' to detect it per text (see detect.ts). */
  locale: Locale | 'auto';
  db: string;
  anyLabel?: boolean;
  source?: string;
  train?: boolean;
}

export interface ImportResult {
  read: number;
  added: number;
  skipped: number;
  problems: CsvProblem[];
  modelId?: number;
}

export class ImportError extends Error {
  constructor(
    message: string,
    readonly problems: CsvProblem[] = [],
  ) {
    super(message);
  }
}

export function importCsv(options: ImportOptions): ImportResult {
  let content: Buffer;
  try {
    content = fs.readFileSync(options.file);
  } catch (error) {
    throw new ImportError(`cannot read ${options.file}: ${(error as Error).message}`);
  }
  const { examples, problems } = readLabelledCsv(content, options.anyLabel ? {} : { labels: complaintCategories });
  if (problems.length) {
    const shown = problems.slice(0, 50).map((p) => `  line ${p.line}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`  ... and ${problems.length - shown.length} more`);
    throw new ImportError(`${options.file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing imported\n${shown.join('\n')}`, problems);
  }
  const db = openDatabase(options.db, classifierMigrations);
  try {
    const source = options.source ?? 'import';
    const main = options.locale === 'auto' ? detectLocale(examples.map((e) => e.text)) : options.locale;
    const localeOf = (text: string) => (options.locale === 'auto' ? detectTextLocale(text, main) : main);
    const { added, skipped } = addExamples(
      db,
      examples.map((e) => ({ text: e.text, label: e.label, locale: localeOf(e.text), source })),
    );
    const result: ImportResult = { read: examples.length, added, skipped, problems };
    if (options.train) {
      const stored = listExamples(db);
      const model = TextClassifier.train(stored.map((e) => ({ text: e.text, label: e.label, locale: isLocale(e.locale) ? e.locale : main })));
      result.modelId = saveModel(db, model);
    }
    return result;
  } finally {
    db.close();
  }
}

const usage = 'usage: npm run classify:import -- file.csv [--locale en|es|zh-Hant|el|fi|auto] [--db path] [--any-label] [--source name] [--train]';

export function parseImportArgs(argv: readonly string[], defaultDb: () => string): ImportOptions {
  let file: string | undefined;
  let locale: Locale | 'auto' = 'en';
  let db: string | undefined;
  let anyLabel = false;
  let train = false;
  let source: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ImportError(`${a} needs a value\n${usage}`);
      return v;
    };
    if (a === '--locale') {
      const v = value();
      if (!isLocale(v) && v !== 'auto') throw new ImportError(`--locale: unsupported locale ${JSON.stringify(v)}\n${usage}`);
      locale = v;
    } else if (a === '--db') db = value();
    else if (a === '--source') source = value();
    else if (a === '--any-label') anyLabel = true;
    else if (a === '--train') train = true;
    else if (a.startsWith('--')) throw new ImportError(`unknown option ${a}\n${usage}`);
    else if (file) throw new ImportError(`one file at a time\n${usage}`);
    else file = a;
  }
  if (!file) throw new ImportError(usage);
  const options: ImportOptions = { file, locale, db: db ?? defaultDb(), anyLabel, train };
  if (source) options.source = source;
  return options;
}

function main(): void {
  try {
    const options = parseImportArgs(process.argv.slice(2), () => path.join(config().dataDir, 'kb.sqlite'));
    const r = importCsv(options);
    console.log(`${options.file}: ${r.read} examples read, ${r.added} added, ${r.skipped} already present (locale ${options.locale}, database ${options.db})`);
    if (r.modelId !== undefined) console.log(`trained and stored model ${r.modelId}`);
  } catch (error) {
    console.error(`classify:import: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
