/**
 * npm run bench:mail-in [-- --mails 200 --concurrency 4]: sends N mails over SMTP to the portal's
 * receiver (a file database, as in production) from C concurrent senders, and times each mail's SMTP
 * transaction (until the 250, which waits for the commit) and the time until every mail is a complaint
 * with its confirmation written. A 1 MB mail with a PDF is timed alone. Prints figures and the load average.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { adminMigrations } from '@admin/admin.ts';
import { openDatabase } from '@core/db/database.ts';
import { createFeedback, feedbackMigrations } from '@feedback/feedback.ts';
import { MailIn } from '@feedback/mail-in/mail-in.ts';
import { noMailer } from '@feedback/outbox/mailer.ts';
import { freePort } from '../free-port.ts';
import { machineInfo, ms, percentiles, table } from './stats.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const mailCount = option('mails', 200);
const concurrency = option('concurrency', 4);
const help = 'help@kestrel-home.example';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-mail-bench-'));
const db = openDatabase(path.join(dir, 'kb.sqlite'), [...adminMigrations, ...feedbackMigrations]);
const feedback = createFeedback({ db, mailer: noMailer, siteUrl: 'https://help.example', log: () => undefined, dataDir: dir });
const mailIn = new MailIn({ db, feedback, helpAddresses: [help], mailFrom: help, maxBytes: 10 * 1024 * 1024, perSenderPerHour: 1_000_000, log: () => undefined });
const port = await freePort();
await mailIn.startSmtp(port, '127.0.0.1');
const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: concurrency });

const texts = [
  'My AquaWash dishwasher leaks water under the door after every cycle.',
  'Mi secadora no seca la ropa desde la semana pasada.',
  'Το ψυγείο FrostLine δεν κρυώνει αρκετά.',
  'Uuni ei lämpene kunnolla, paistaminen kestää tuplasti.',
  '我的洗碗機漏水，請派人來檢查。',
];

const started = performance.now();
const smtp: number[] = [];
let next = 0;
async function sender(): Promise<void> {
  while (next < mailCount) {
    const i = next++;
    const t0 = performance.now();
    await transport.sendMail({ from: `customer${i}@example.com`, to: help, subject: `Complaint ${i}`, text: `${texts[i % texts.length]}\n\nOrder ${1000 + i}` });
    smtp.push(performance.now() - t0);
  }
}
await Promise.all(Array.from({ length: concurrency }, sender));
const acknowledged = performance.now() - started;
await mailIn.drain();
const processed = performance.now() - started;
const complaints = db.prepare("SELECT COUNT(*) FROM complaints WHERE channel = 'email'").pluck().get() as number;
const confirmations = db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'mail'").pluck().get() as number;

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
const t1 = performance.now();
await transport.sendMail({ from: 'big@example.com', to: help, subject: 'Receipt', text: 'The receipt is attached.', attachments: [{ filename: 'receipt.pdf', content: pdf }] });
const bigSmtp = performance.now() - t1;
await mailIn.drain();
const bigTotal = performance.now() - t1;

const p = percentiles(smtp);
console.log(`${mailCount} mails over SMTP from ${concurrency} senders into a file database`);
console.log(
  table(
    ['figure', 'value'],
    [
      ['SMTP transaction (to 250, committed) p50', ms(p.p50)],
      ['SMTP transaction p95', ms(p.p95)],
      ['all acknowledged after', ms(acknowledged)],
      ['all processed (complaint + confirmation) after', ms(processed)],
      ['mails per second, end to end', (mailCount / (processed / 1000)).toFixed(1)],
      ['1 MB mail with a PDF: SMTP', ms(bigSmtp)],
      ['1 MB mail with a PDF: until filed', ms(bigTotal)],
    ],
  ),
);
console.log(`complaints ${complaints}, confirmations written ${confirmations}`);
console.log(JSON.stringify({ bench: 'mail-in', mails: mailCount, concurrency, smtp: p, acknowledgedMs: Math.round(acknowledged), processedMs: Math.round(processed), complaints, ...machineInfo() }));
transport.close();
await mailIn.stop();
db.close();
fs.rmSync(dir, { recursive: true, force: true });
if (complaints !== mailCount) process.exitCode = 1;
