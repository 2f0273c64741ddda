import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** One schema change, owned by the room whose tables it touches (ids like `core/001-article-views`). */
export interface Migration {
  id: string;
  sql: string;
}

/**
 * Opens the SQLite database with the settings every room relies on (WAL for concurrent readers,
 * enforced foreign keys, a busy timeout instead of instant SQLITE_BUSY) and applies pending migrations.
 */
export function openDatabase(file: string, migrations: readonly Migration[]): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations);
  } catch (error) {
    // A file that is not a database (or is damaged) fails here; do not leave the handle open.
    db.close();
    throw error;
  }
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const ran: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, new Date().toISOString());
    })();
    ran.push(m.id);
  }
  return ran;
}

/** For /healthz: the database answers a query; its journal mode (WAL when all is well). */
export function databaseHealth(db: Db): { engine: 'sqlite'; journalMode: string } {
  db.prepare('SELECT 1').get();
  return { engine: 'sqlite', journalMode: String(db.pragma('journal_mode', { simple: true })) };
}
