import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@core/db/database.ts';
import { ImportError, importCsv, parseImportArgs } from '@feedback/cli/classify-import.ts';
import { readLabelledCsv } from '@feedback/classification/csv.ts';
import { TextClassifier } from '@feedback/classification/text-classifier.ts';
import { addExamples, classifierMigrations, listExamples, loadLatestModel, pruneModels, saveModel } from '@feedback/classification/training-store.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classifier-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

describe('readLabelledCsv', () => {
  it('reads RFC 4180: quotes, doubled quotes, commas and line breaks inside fields, CRLF, a BOM', () => {
    const csv = '\ufefftext,label\r\n"The door, the glass and ""the"" handle\r\nall broke",product-defect\r\nplain text,delivery\r\n\r\n"Multi\nline\nthree",privacy\r\n';
    const { examples, problems } = readLabelledCsv(csv);
    expect(problems).toEqual([]);
    expect(examples).toEqual([
      { text: 'The door, the glass and "the" handle\r\nall broke', label: 'product-defect', line: 2 },
      { text: 'plain text', label: 'delivery', line: 4 },
      { text: 'Multi\nline\nthree', label: 'privacy', line: 6 },
    ]);
  });

  it('finds the columns by name and names the line of each problem', () => {
    const csv = 'id,label,text\n1,delivery,"late\nvery late"\n2,nonsense,hello\n3,privacy,\n4,,text without label\n';
    const { examples, problems } = readLabelledCsv(csv, { labels: ['delivery', 'privacy'] });
    expect(examples).toEqual([{ text: 'late\nvery late', label: 'delivery', line: 2 }]);
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6]);
    expect(problems[0]!.message).toMatch(/unknown label "nonsense"/);
    expect(problems[1]!.message).toMatch(/empty text/);
    expect(problems[2]!.message).toMatch(/empty label/);
  });

  it('rejects a file without the header, and broken quoting with its line', () => {
    expect(readLabelledCsv('message,category\nhi,delivery\n').problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/header/) });
    expect(readLabelledCsv('').problems[0]!.message).toMatch(/empty/);
    expect(() => readLabelledCsv('text,label\nok,delivery\n"never closed,delivery\n')).toThrow(/line 3/);
  });
});

describe('training store', () => {
  it('keeps examples once, lists them for training, and stores models', () => {
    const db = openDatabase(':memory:', classifierMigrations);
    expect(addExamples(db, [
      { text: 'The fridge is warm', label: 'product-defect', locale: 'en' },
      { text: 'Cobro duplicado', label: 'billing-payment', locale: 'es', source: 'correction' },
    ])).toEqual({ added: 2, skipped: 0 });
    expect(addExamples(db, [{ text: 'The fridge is warm', label: 'product-defect', locale: 'en' }])).toEqual({ added: 0, skipped: 1 });
    expect(listExamples(db).map((e) => [e.text, e.label, e.locale, e.source])).toEqual([
      ['The fridge is warm', 'product-defect', 'en', 'import'],
      ['Cobro duplicado', 'billing-payment', 'es', 'correction'],
    ]);
    expect(listExamples(db, { source: 'correction' })).toHaveLength(1);
    expect(listExamples(db, { limit: 1 })[0]!.text).toBe('Cobro duplicado');
    expect(loadLatestModel(db)).toBeUndefined();
    const model = TextClassifier.train(listExamples(db));
    saveModel(db, model, '2026-01-01T00:00:00.000Z');
    const corrected = TextClassifier.fromJSON(model.toJSON());
    corrected.learn({ text: 'The fridge is warm', label: 'usage-question', locale: 'en' });
    const id = saveModel(db, corrected);
    expect(loadLatestModel(db)!.predict('The fridge is warm', 'en')).toEqual(corrected.predict('The fridge is warm', 'en'));
    expect(pruneModels(db, 1)).toBe(1);
    expect(db.prepare('SELECT id FROM classifier_models').pluck().all()).toEqual([id]);
    db.close();
  });
});

describe('classify:import', () => {
  const good = 'text,label\n"Leaks, badly; ""urgent""\nsince Monday",product-defect\nWhere is my parcel?,delivery\n';

  it('imports history into SQLite once, and can train and store a model from it', () => {
    const file = write('history.csv', good);
    const db = path.join(dir, 'data', 'kb.sqlite');
    expect(importCsv({ file, locale: 'en', db })).toMatchObject({ read: 2, added: 2, skipped: 0 });
    expect(importCsv({ file, locale: 'en', db, train: true })).toMatchObject({ read: 2, added: 0, skipped: 2, modelId: 1 });
    const conn = openDatabase(db, classifierMigrations);
    expect(listExamples(conn).map((e) => e.text)).toEqual(['Leaks, badly; "urgent"\nsince Monday', 'Where is my parcel?']);
    expect(loadLatestModel(conn)!.predict('my parcel has not arrived', 'en').label).toBe('delivery');
    conn.close();
  });

  it('rejects unknown labels with their line numbers and imports nothing', () => {
    const file = write('bad.csv', 'text,label\n"two\nlines",delivery\nfine,privacy\nwhat,refund-request\n');
    const db = path.join(dir, 'kb.sqlite');
    let error: unknown;
    try {
      importCsv({ file, locale: 'en', db });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/line 5: unknown label "refund-request"/);
    expect((error as ImportError).problems).toHaveLength(1);
    expect(fs.existsSync(db)).toBe(false);
    expect(importCsv({ file, locale: 'en', db, anyLabel: true })).toMatchObject({ added: 3 });
  });

  it('detects the locale per text with --locale auto', () => {
    const file = write('mixed.csv', 'text,label\nMy parcel is late and the box was damaged,delivery\nEl paquete llegó roto y con retraso,delivery\n包裹到現在還沒送達,delivery\nΤο δέμα δεν έχει παραδοθεί ακόμη,delivery\nPakettia ei ole vieläkään toimitettu ja se on myöhässä,delivery\n');
    const db = path.join(dir, 'kb.sqlite');
    importCsv({ file, locale: 'auto', db });
    const conn = openDatabase(db, classifierMigrations);
    expect(listExamples(conn).map((e) => e.locale)).toEqual(['en', 'es', 'zh-Hant', 'el', 'fi']);
    conn.close();
  });

  it('parses its arguments, the database defaulting to the data directory', () => {
    expect(parseImportArgs(['x.csv'], () => '/data/kb.sqlite')).toEqual({ file: 'x.csv', locale: 'en', db: '/data/kb.sqlite', anyLabel: false, train: false });
    expect(parseImportArgs(['--locale', 'zh-Hant', 'x.csv', '--db', 'y.sqlite', '--any-label', '--source', 'crm'], () => 'unused')).toEqual({
      file: 'x.csv', locale: 'zh-Hant', db: 'y.sqlite', anyLabel: true, train: false, source: 'crm',
    });
    expect(() => parseImportArgs(['--locale', 'de', 'x.csv'], () => '')).toThrow(/unsupported locale/);
    expect(() => parseImportArgs([], () => '')).toThrow(/usage/);
  });

  it('runs as a command: DATA_DIR decides the database, a bad file exits 1 with the line', () => {
    const file = write('history.csv', good);
    const env = { ...process.env, DATA_DIR: path.join(dir, 'data') };
    const tsx = path.resolve('node_modules/.bin/tsx');
    const ok = spawnSync(tsx, ['feedback/cli/classify-import.ts', file, '--locale', 'en'], { env, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/2 examples read, 2 added/);
    expect(fs.existsSync(path.join(dir, 'data', 'kb.sqlite'))).toBe(true);
    const bad = spawnSync(tsx, ['feedback/cli/classify-import.ts', write('bad.csv', 'text,label\nhello,nope\n')], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/line 2: unknown label "nope"/);
  });
});
