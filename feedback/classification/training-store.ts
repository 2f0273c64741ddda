import type { Locale } from '@core/i18n/locales.ts';
import type { Db, Migration } from '@core/db/database.ts';
import { TextClassifier } from './text-classifier.ts';

/**
 * Training examples (imported history, staff corrections) and trained models, in the portal's SQLite
 * database. An example is unique by (locale, text, label): importing a file twice adds nothing. A model is
 * stored as the JSON of TextClassifier.toJSON(); the newest row is the one in use.
 */
export const classifierMigrations: Migration[] = [
  {
    id: 'classifier/001-examples-and-models',
    sql: `
      CREATE TABLE classifier_examples (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        locale TEXT NOT NULL,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX classifier_examples_unique ON classifier_examples (locale, label, text);
      CREATE INDEX classifier_examples_created ON classifier_examples (created_at);
      CREATE TABLE classifier_models (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        json TEXT NOT NULL
      );
    `,
  },
];

/** Where an example came from: imported history, a staff correction, or anything else a caller names. */
export type ExampleSource = 'import' | 'correction' | (string & {});

export interface NewExample {
  text: string;
  label: string;
  locale: Locale;
  source?: ExampleSource;
  /** ISO time; default now. */
  createdAt?: string;
}

export interface StoredExample {
  id: number;
  text: string;
  label: string;
  locale: Locale;
  source: string;
  createdAt: string;
}

/** Adds examples in one transaction; returns how many were new (duplicates are skipped). */
export function addExamples(db: Db, examples: readonly NewExample[]): { added: number; skipped: number } {
  const insert = db.prepare('INSERT OR IGNORE INTO classifier_examples (text, label, locale, source, created_at) VALUES (?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  let added = 0;
  db.transaction(() => {
    for (const e of examples) added += insert.run(e.text, e.label, e.locale, e.source ?? 'import', e.createdAt ?? now).changes;
  })();
  return { added, skipped: examples.length - added };
}

export interface ListOptions {
  locale?: Locale;
  source?: string;
  label?: string;
  /** The newest this many (still returned oldest first). */
  limit?: number;
}

/** Examples oldest first, ready for TextClassifier.train. */
export function listExamples(db: Db, options: ListOptions = {}): StoredExample[] {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (options.locale) {
    where.push('locale = ?');
    params.push(options.locale);
  }
  if (options.source) {
    where.push('source = ?');
    params.push(options.source);
  }
  if (options.label) {
    where.push('label = ?');
    params.push(options.label);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = options.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(options.limit))}` : '';
  const rows = db
    .prepare(`SELECT * FROM (SELECT id, text, label, locale, source, created_at AS createdAt FROM classifier_examples ${filter} ORDER BY id DESC ${limit}) ORDER BY id`)
    .all(...params) as StoredExample[];
  return rows;
}

/** Stores a model (or its JSON) as the newest; returns its id. */
export function saveModel(db: Db, model: TextClassifier | unknown, createdAt = new Date().toISOString()): number {
  const json = JSON.stringify(model instanceof TextClassifier ? model.toJSON() : model);
  return Number(db.prepare('INSERT INTO classifier_models (created_at, json) VALUES (?, ?)').run(createdAt, json).lastInsertRowid);
}

/** The newest stored model, or undefined when none was trained yet. */
export function loadLatestModel(db: Db): TextClassifier | undefined {
  const row = db.prepare('SELECT json FROM classifier_models ORDER BY id DESC LIMIT 1').get() as { json: string } | undefined;
  return row ? TextClassifier.fromJSON(JSON.parse(row.json)) : undefined;
}

/** Keeps the newest `keep` models and deletes older ones; returns how many went. */
export function pruneModels(db: Db, keep = 3): number {
  return db.prepare('DELETE FROM classifier_models WHERE id NOT IN (SELECT id FROM classifier_models ORDER BY id DESC LIMIT ?)').run(keep).changes;
}
