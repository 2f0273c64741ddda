/**
 * npm run bench:privacy [-- --customers 5000]: a database file with N customers, two complaints each
 * (personal data in the text, a staff reply, a sent mail), then times an administrator's erasure of 100
 * customers one by one (all steps, the audit entry, the WAL checkpoint) and one retention round of 200
 * closed complaints. Prints figures and the load average.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { adminMigrations } from '@admin/admin.ts';
import { openDatabase } from '@core/db/database.ts';
import { ManualClock } from '@feedback/clock.ts';
import { createFeedback, feedbackMigrations } from '@feedback/feedback.ts';
import { searchAnalyticsMigrations } from '@search/analytics.ts';
import { searchQueryTexts } from '@search/analytics-erasure.ts';
import { machineInfo, percentiles, round, table } from './stats.ts';

const argument = process.argv.indexOf('--customers');
const customerCount = argument > 0 ? Number(process.argv[argument + 1]) : 5_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-privacy-bench-'));
const db = openDatabase(path.join(dir, 'kb.sqlite'), [...searchAnalyticsMigrations, ...adminMigrations, ...feedbackMigrations]);
const clock = new ManualClock('2026-03-02T09:00:00.000Z');
const feedback = createFeedback({ db, clock, siteUrl: 'https://help.example', log: () => {}, retentionDays: 365, dataDir: dir, erasureSteps: [searchQueryTexts] });
const now = new Date().toISOString();
const adminId = Number(db.prepare("INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES ('admin@example.com', 'Admin', 'admin', 'x', ?, ?, ?)").run(now, now, now).lastInsertRowid);
const admin = { id: adminId, email: 'admin@example.com', name: 'Admin', role: 'admin' as const };

const filled = performance.now();
for (let i = 0; i < customerCount; i++) {
  const email = `customer${i}@example.com`;
  for (const subject of ['Washing machine leaks', 'Still leaking']) {
    const result = feedback.complaints.submit(
      { locale: 'en', product: 'aquawash', subject, description: `Customer ${i} Virtanen at ${i + 1} Elm Road writes: call me on +358 40 ${String(1_000_000 + i)}.`, email, name: `Anna Virtanen${i}`, consent: true, idempotencyKey: `bench-${i}-${subject}` } as never,
      { channel: 'web' },
    );
    if (!result.ok) throw new Error('not saved');
    feedback.complaints.reply(result.complaint.id, adminId, `Dear Anna Virtanen${i}, thank you.`, subject === 'Still leaking' ? 'resolved' : undefined);
  }
}
const fillMs = performance.now() - filled;

const times: number[] = [];
for (let i = 0; i < 100; i++) {
  const customer = feedback.customers.store.customerOf(i * 2 + 1)!;
  const t0 = performance.now();
  const result = feedback.privacy.eraseCustomer(admin, customer, { email: `customer${i}@example.com` });
  times.push(performance.now() - t0);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
}
const erase = percentiles(times);

db.prepare("UPDATE complaints SET status = 'closed', resolved_at = ? WHERE erased_at IS NULL").run('2025-01-01T00:00:00.000Z');
const r0 = performance.now();
const purged = feedback.privacy.purgeExpired();
const purgeMs = performance.now() - r0;

console.log(`${customerCount} customers, ${customerCount * 2} complaints with replies (filled in ${Math.round(fillMs)} ms), database file ${Math.round(fs.statSync(path.join(dir, 'kb.sqlite')).size / 1024 / 1024)} MB`);
console.log(table(['erasure', 'p50 ms', 'p95 ms', 'max ms'], [['one customer by an administrator (100 runs)', String(round(erase.p50, 1)), String(round(erase.p95, 1)), String(round(erase.max, 1))]]));
console.log(`retention round: ${purged.complaints} complaints of ${purged.customers} customers erased in ${Math.round(purgeMs)} ms`);
console.log(JSON.stringify({ bench: 'privacy', machine: machineInfo() }));
db.close();
fs.rmSync(dir, { recursive: true, force: true });
