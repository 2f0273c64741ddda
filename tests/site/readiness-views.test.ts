import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Popularity, popularityMigrations } from '@core/content/popularity.ts';
import { openDatabase } from '@core/db/database.ts';
import { feedbackMigrations } from '@feedback/feedback.ts';
import type { App } from '@site/lib/app.ts';
import { readiness } from '@site/lib/readiness.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('/readyz and view counts waiting in memory', () => {
  it('writes them first, so a failing write is reported at once and its recovery too', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-readiness-'));
    dirs.push(dataDir);
    const db = openDatabase(path.join(dataDir, 'kb.sqlite'), [...popularityMigrations, ...feedbackMigrations]);
    const popularity = new Popularity(db);
    const app = { config: { dataDir }, db, popularity, search: { engine: { name: 'embedded', count: async () => 1 } } } as unknown as App;
    db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON article_views BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    popularity.recordView('en/readiness-a');
    const failing = await readiness(app);
    expect(failing.checks.database!.status).toBe('degraded');
    expect(failing.checks.database!.causes.join(' ')).toMatch(/article views/);
    db.exec('DROP TRIGGER full_disk');
    const recovered = await readiness(app);
    expect(recovered.checks.database!.status).toBe('ok');
    expect(db.prepare('SELECT views FROM article_views').pluck().get()).toBe(1);
    db.close();
  });
});
