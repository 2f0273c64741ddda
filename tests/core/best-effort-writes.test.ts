import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Popularity, popularityMigrations } from '@core/content/popularity.ts';
import { openDatabase } from '@core/db/database.ts';
import { failedWrites } from '@core/health/best-effort.ts';
import { databaseCheck, diskCheck } from '@core/health/checks.ts';
import { SearchAnalytics, searchAnalyticsMigrations } from '@search/analytics.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database whose writes fail the way a full disk or a read-only mount makes them fail. */
function readOnlyDatabase(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-best-effort-'));
  dirs.push(dir);
  const file = path.join(dir, 'kb.sqlite');
  const setup = openDatabase(file, [...popularityMigrations, ...searchAnalyticsMigrations]);
  setup.pragma('journal_mode = DELETE');
  setup.close();
  return new Database(file, { readonly: true });
}

describe('best-effort writes', () => {
  it('a view counter or search analytics that cannot write never fails the read, and the readiness check names the cause', () => {
    const db = readOnlyDatabase();
    const popularity = new Popularity(db);
    popularity.recordView('en/x');
    expect(() => popularity.flush()).not.toThrow();
    expect(new SearchAnalytics(db).recordQuery({ locale: 'en', query: 'filter', results: 2, scope: 'public', source: 'page' })).toBe(0);
    expect(failedWrites().map((f) => f.write).sort()).toEqual(['article views', 'search analytics']);
    const check = databaseCheck(db);
    expect(check.status).toBe('degraded');
    expect(check.causes.join('\n')).toMatch(/article views: 1 write failed .*SQLITE_READONLY/);
    db.close();
  });

  it('recovers once a write succeeds again', () => {
    const db = openDatabase(':memory:', popularityMigrations);
    const popularity = new Popularity(db);
    popularity.recordView('en/x');
    popularity.flush();
    expect(failedWrites().map((f) => f.write)).not.toContain('article views');
  });

  it('reports a data directory that cannot be written as a degraded disk', () => {
    const check = diskCheck(path.join(os.tmpdir(), 'kb-no-such-dir', 'data'));
    expect(check.status).toBe('degraded');
    expect(check.causes.join('\n')).toMatch(/cannot write to the data directory/);
  });
});
