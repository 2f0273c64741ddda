import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminMigrations } from '@admin/admin.ts';
import { SessionStore } from '@admin/auth/session.ts';
import { popularityMigrations } from '@core/content/popularity.ts';
import { openDatabase } from '@core/db/database.ts';
import { feedbackMigrations } from '@feedback/feedback.ts';
import { writeComplaintHistory } from '@feedback/insights/demo-history.ts';
import { Routing } from '@feedback/routing/routing.ts';
import { searchAnalyticsMigrations } from '@search/analytics.ts';
import { cpuMsOf, prepareApp, repoRoot, startServer } from './server.ts';
import { machineInfo, percentiles, round, table } from './stats.ts';

/**
 * npm run bench:insights [-- --complaints 100000 --requests 300 --no-build]: GET /api/admin/insights over
 * HTTP against the built server, signed in as a product person (the masked, product-scoped path), with
 * a database of about 100,000 complaints over 12 weeks. Target: p95 <= 50 ms. Last line JSON.
 */
const { values } = parseArgs({ options: { complaints: { type: 'string', default: '100000' }, requests: { type: 'string', default: '300' }, 'no-build': { type: 'boolean', default: false } } });
const target = Number(values.complaints);
const requests = Number(values.requests);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-insights-bench-'));
const dataDir = path.join(work, 'data');
const db = openDatabase(path.join(dataDir, 'kb.sqlite'), [...popularityMigrations, ...searchAnalyticsMigrations, ...adminMigrations, ...feedbackMigrations]);
const routing = new Routing(db);
routing.seed();
const now = new Date();
// The generator writes about 0.85 complaints per unit of `perDay` and day over 12 weeks.
const written = writeComplaintHistory(db, routing, { weeks: 12, seed: 1, now, perDay: target / (84 * 0.85) });
const t = new Date().toISOString();
const userId = Number(db.prepare("INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES ('pm@example.com', 'PM', 'product', 'x', ?, ?, ?)").run(t, t, t).lastInsertRowid);
const { token } = new SessionStore(db).create(userId);
db.close();
console.log(`${written.complaints} complaints written`);

const appDir = path.join(work, 'app');
prepareApp(appDir, !values['no-build']);
const server = await startServer({ appDir, contentDir: path.join(repoRoot, 'content'), dataDir, expectedDocuments: 0 });
const day = (offsetDays: number) => new Date(now.getTime() - offsetDays * 86_400_000).toISOString().slice(0, 10);
const queries = [
  'by=week', 'by=category', 'by=product',
  `by=category&from=${day(28)}&to=${day(0)}`, `by=week&product=aquawash`, `by=product&locale=en&channel=web`,
  `by=category&category=product-defect&from=${day(83)}&to=${day(0)}`,
];
try {
  const times: Record<string, number[]> = {};
  let errors = 0;
  let cpuStart: number | undefined;
  for (let i = 0; i < requests + 20; i++) {
    if (i === 20) cpuStart = cpuMsOf(server.pid);
    const q = queries[i % queries.length]!;
    const started = performance.now();
    const response = await fetch(`${server.url}/api/admin/insights?${q}`, { headers: { Cookie: `kb_session=${token}` } });
    const body = (await response.json()) as { total?: number };
    const ms = performance.now() - started;
    if (response.status !== 200 || typeof body.total !== 'number') errors++;
    if (i >= 20) (times[q] ??= []).push(ms);
  }
  const cpuEnd = cpuMsOf(server.pid);
  // The server's CPU time per request: the cost itself, much less sensitive to a busy machine than wall time.
  const cpuPerRequest = cpuStart !== undefined && cpuEnd !== undefined ? round((cpuEnd - cpuStart) / requests, 2) : null;
  const all = Object.values(times).flat();
  const overall = percentiles(all);
  console.log(table(['query', 'n', 'p50 ms', 'p95 ms', 'max ms'], Object.entries(times).map(([q, v]) => {
    const p = percentiles(v);
    return [q, String(v.length), String(round(p.p50, 1)), String(round(p.p95, 1)), String(round(p.max, 1))];
  })));
  const pass = overall.p95 <= 50 && errors === 0;
  console.log(`overall: p50 ${round(overall.p50, 1)} ms, p95 ${round(overall.p95, 1)} ms, server CPU ${cpuPerRequest ?? '?'} ms per request, errors ${errors}: ${pass ? 'PASS' : 'FAIL'} (p95 <= 50 ms); load average ${os.loadavg().map((x) => round(x, 2)).join(' ')}`);
  console.log(JSON.stringify({ bench: 'insights', complaints: written.complaints, requests: all.length, p50: round(overall.p50, 2), p95: round(overall.p95, 2), max: round(overall.max, 2), serverCpuMsPerRequest: cpuPerRequest, errors, pass, machine: machineInfo() }));
} finally {
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
