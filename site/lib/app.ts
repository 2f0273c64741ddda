import path from 'node:path';
import { config, type Config } from '../../core/config/config.ts';
import { ContentStore } from '../../core/content/store.ts';
import { Popularity, popularityMigrations } from '../../core/content/popularity.ts';
import { openDatabase, type Db } from '../../core/db/database.ts';
import { formatDiagnostic, type Diagnostic } from '../../core/markdown/diagnostic.ts';

/** Everything a request handler needs, built once per process: the composition root. */
export interface App {
  config: Config;
  db: Db;
  content: ContentStore;
  popularity: Popularity;
}

function reportProblems(file: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) console.warn(`[content] left out: ${formatDiagnostic(file, d)}`);
}

function createApp(): App {
  const cfg = config();
  const db = openDatabase(path.join(cfg.dataDir, 'kb.sqlite'), [...popularityMigrations]);
  const content = new ContentStore(cfg.contentDir);
  content.on('invalid', reportProblems);
  content.loadAll();
  if (cfg.KB_WATCH) content.watch();
  console.info(`[kb] ${content.all().length} articles from ${cfg.contentDir}; ${content.problems.size} files left out`);
  return { config: cfg, db, content, popularity: new Popularity(db) };
}

const key = Symbol.for('kb.app');
const holder = globalThis as unknown as Record<symbol, App | undefined>;

/** The process-wide app; created on first use so build-time imports do not open the database. */
export function app(): App {
  holder[key] ??= createApp();
  return holder[key];
}
