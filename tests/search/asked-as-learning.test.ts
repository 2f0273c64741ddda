import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Audience } from '@core/content/schema.ts';
import { openDatabase, type Db } from '@core/db/database.ts';
import { SearchAnalytics, searchAnalyticsMigrations } from '@search/analytics.ts';
import { AskedAsLearning } from '@search/asked-as/learning.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { contractCorpus, ids, query, staffAudiences } from './contract.ts';

const audiences = new Map<string, Audience>(contractCorpus.map((d) => [d.id, d.audience]));
const options = { halfLifeDays: 30, maxPhrases: 5, minVisitors: 3 };
const dirs: string[] = [];
const engines: EmbeddedEngine[] = [];

async function setup(): Promise<{ db: Db; analytics: SearchAnalytics; engine: EmbeddedEngine; learning: AskedAsLearning }> {
  const db = openDatabase(':memory:', searchAnalyticsMigrations);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-asked-as-learning-'));
  dirs.push(dir);
  const engine = new EmbeddedEngine({ dir });
  engines.push(engine);
  await engine.init();
  await engine.replaceAll(contractCorpus);
  return { db, analytics: new SearchAnalytics(db), engine, learning: new AskedAsLearning(db, engine, () => audiences, options, () => {}) };
}

/** A visitor at `address` searches `q` and opens `articleId`, as the results page and /search/open record it. */
function searchAndOpen(analytics: SearchAnalytics, q: string, articleId: string, address: string, at: Date, scope: 'public' | 'staff' = 'public'): void {
  const id = analytics.recordQuery({ locale: 'en', query: q, results: 2, scope, source: 'page' }, at);
  analytics.recordClick(id, articleId, 2, at, address);
}

afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('"asked as" learning from the portal\'s own use', () => {
  it('learns a query once a third visitor opened the same article after it, on the next refresh, and not before', async () => {
    const { analytics, engine, learning } = await setup();
    const now = new Date();
    for (let i = 0; i < 20; i++) searchAndOpen(analytics, 'Kettle guarantee', 'en/warranty-length', '203.0.113.1', now);
    searchAndOpen(analytics, 'kettle  GUARANTEE', 'en/warranty-length', '203.0.113.2', now);
    await learning.refresh(now);
    expect((await engine.search(query('kettle guarantee'))).total).toBe(0);

    searchAndOpen(analytics, 'kettle guarantee', 'en/warranty-length', '2001:db8::7', now);
    expect((await engine.search(query('kettle guarantee'))).total).toBe(0);
    await learning.refresh(now);
    expect(ids(await engine.search(query('kettle guarantee')))).toEqual(['en/warranty-length']);
  });

  it('stores visitor keys, never addresses, and gives a restarted engine what was learned', async () => {
    const { db, analytics, learning } = await setup();
    const now = new Date();
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) searchAndOpen(analytics, 'kettle guarantee', 'en/warranty-length', address, now);
    await learning.refresh(now);
    const stored = JSON.stringify(db.prepare('SELECT * FROM search_clicks').all());
    expect(stored).not.toContain('198.51.100');
    expect(new Set((db.prepare('SELECT visitor FROM search_clicks').pluck().all() as string[])).size).toBe(3);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-asked-as-restart-'));
    dirs.push(dir);
    const restarted = new EmbeddedEngine({ dir });
    engines.push(restarted);
    await restarted.replaceAll(contractCorpus);
    await new AskedAsLearning(db, restarted, () => audiences, options, () => {}).restore();
    expect(ids(await restarted.search(query('kettle guarantee')))).toEqual(['en/warranty-length']);
  });

  it('forgets old use as it decays out of reach', async () => {
    const { analytics, engine, learning } = await setup();
    const then = new Date('2026-01-01T00:00:00Z');
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) searchAndOpen(analytics, 'kettle guarantee', 'en/warranty-length', address, then);
    await learning.refresh(new Date(then.getTime() + 86_400_000));
    expect(ids(await engine.search(query('kettle guarantee')))).toEqual(['en/warranty-length']);
    await learning.refresh(new Date(then.getTime() + 400 * 86_400_000));
    expect((await engine.search(query('kettle guarantee'))).total).toBe(0);
  });

  it('never lets staff use of an internal article reveal it, or its words, to a public search', async () => {
    const { analytics, engine, learning } = await setup();
    const now = new Date();
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      searchAndOpen(analytics, 'falcon hinge recall', 'en/agent-warranty-exceptions', address, now, 'staff');
      searchAndOpen(analytics, 'falcon hinge recall', 'en/warranty-length', address, now, 'staff');
    }
    await learning.refresh(now);
    expect(ids(await engine.search(query('falcon hinge recall', { audiences: staffAudiences })))).toEqual(['en/agent-warranty-exceptions']);
    const forPublic = await engine.search(query('falcon hinge recall'));
    expect(forPublic.total).toBe(0);
    expect(forPublic.hits).toEqual([]);
  });
});
