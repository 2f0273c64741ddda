/**
 * npm run bench:customers [-- --customers 20000]: links a complaint table of N complaints from N/2
 * customers to customer records (the start-up migration), then times name searches with typos and
 * searches by email fragment and phone number, as an agent runs them. Prints figures and the load average.
 */
import { performance } from 'node:perf_hooks';
import { adminMigrations } from '@admin/admin.ts';
import { openDatabase } from '@core/db/database.ts';
import { createFeedback, feedbackMigrations } from '@feedback/feedback.ts';
import { ManualClock } from '@feedback/clock.ts';
import { Random } from './prng.ts';
import { machineInfo, percentiles, round, table } from './stats.ts';

const argument = process.argv.indexOf('--customers');
const customerCount = argument > 0 ? Number(process.argv[argument + 1]) : 20_000;
const first = ['Anna', 'Mikko', 'Eeva', 'Jussi', 'Sofía', 'Andrés', 'Γιώργος', 'Ελένη', 'Aino', 'Väinö', 'María', 'José', 'Liisa', 'Pekka', 'Nikos', 'Chen'];
const last = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'García', 'Fernández', 'Papadopoulos', 'Lindqvist', 'Hämäläinen', 'Núñez', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen'];
const random = new Random(11);

function typo(word: string): string {
  const chars = [...word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()];
  const i = random.int(1, chars.length - 2);
  if (random.next() < 0.5) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  else chars.splice(i, 1);
  return chars.join('');
}

const db = openDatabase(':memory:', [...adminMigrations, ...feedbackMigrations]);
const people = Array.from({ length: customerCount }, (_, i) => ({
  name: `${random.pick(first)} ${random.pick(last)}-${i.toString(36)}`,
  email: `customer${i}@example.com`,
  phone: `+35840${String(1_000_000 + i).padStart(7, '0')}`,
}));
const insert = db.prepare(`INSERT INTO complaints (reference, created_at, updated_at, locale, channel, status, subject, description, email, name, phone)
  VALUES (?, ?, ?, 'en', 'web', 'new', 'Subject', 'Description', ?, ?, ?)`);
db.transaction(() => {
  for (let i = 0; i < customerCount * 2; i++) {
    const p = people[i % customerCount]!;
    insert.run(`C-2026-${String(i + 1).padStart(6, '0')}`, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', p.email, p.name, p.phone);
  }
})();

const started = performance.now();
const feedback = createFeedback({ db, clock: new ManualClock('2026-03-02T09:00:00.000Z'), siteUrl: 'https://help.example', log: () => {} });
const startup = performance.now() - started;
db.exec('DELETE FROM customer_complaints; DELETE FROM customer_name_grams; DELETE FROM customers;');
const relinkStarted = performance.now();
feedback.customers.linkUnlinked();
const linking = performance.now() - relinkStarted;
const agent = { id: 1, email: 'agent@example.com', name: 'Agent', role: 'agent' as const };

function measure(queries: string[], expectHit: (q: string, ids: number[]) => boolean): { p: ReturnType<typeof percentiles>; found: number } {
  const times: number[] = [];
  let found = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const hits = feedback.customers.search(agent, q);
    times.push(performance.now() - t0);
    if (expectHit(q, hits.map((h) => h.id))) found++;
  }
  return { p: percentiles(times), found };
}

const sample = Array.from({ length: 200 }, () => random.int(0, customerCount - 1));
const idOf = (i: number) => i + 1;
const names = sample.map((i) => {
  const [given, family] = people[i]!.name.split(' ');
  return { q: `${typo(given!)} ${family!.split('-')[0]}-${family!.split('-')[1]}`, id: idOf(i) };
});
const byName = measure(names.map((n) => n.q), (q, ids) => ids.includes(names.find((n) => n.q === q)!.id));
const byEmail = measure(sample.map((i) => `customer${i}@`), (q, ids) => ids.length > 0);
const byPhone = measure(sample.map((i) => `040 ${String(1_000_000 + i).padStart(7, '0')}`), (q, ids) => ids.length === 1);

const row = (label: string, r: { p: ReturnType<typeof percentiles>; found: number }) => [label, String(round(r.p.p50, 2)), String(round(r.p.p95, 2)), String(round(r.p.max, 2)), `${r.found}/200`];
console.log(`${customerCount} customers, ${customerCount * 2} complaints: portal start with linking (createFeedback) ${Math.round(startup)} ms, linking alone ${Math.round(linking)} ms`);
console.log(table(['search', 'p50 ms', 'p95 ms', 'max ms', 'found'], [row('name with a typo', byName), row('email fragment', byEmail), row('phone, national form', byPhone)]));
console.log(JSON.stringify({ bench: 'customers', machine: machineInfo() }));
