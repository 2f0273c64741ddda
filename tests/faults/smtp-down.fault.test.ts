import path from 'node:path';
import Database from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@tests/free-port.ts';
import { removeDir, send, startPortal, type Portal } from './portal.ts';

let portal: Portal | undefined;
let smtp: SMTPServer | undefined;

afterAll(async () => {
  await portal?.stop();
  if (portal) await removeDir(portal.dataDir);
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, deadlineMs = 150_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('SMTP down', () => {
  it('complaints are acknowledged and kept while the mail server is down, /readyz says mail is degraded, and the mails go out once it is back', async () => {
    const port = await freePort();
    portal = await startPortal({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, KB_SCHEDULER_INTERVAL_MS: '250', COMPLAINT_RATE_LIMIT: '1000000' } });
    const references: string[] = [];
    for (let n = 0; n < 3; n++) {
      const body = JSON.stringify({ locale: 'en', product: 'aquawash', subject: `Door seal leaks #${n}`, description: 'My AquaWash leaks water from the door seal during every wash since last week.', email: `smtp-down${n}@example.com`, consent: true, idempotencyKey: `smtp-down-${n}` });
      const answer = await send(`${portal.url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, chunks: [Buffer.from(body)] });
      expect(answer.status).toBe(201);
      references.push((JSON.parse(answer.body) as { reference: string }).reference);
    }
    const db = new Database(path.join(portal.dataDir, 'kb.sqlite'), { readonly: true });
    const mails = () => db.prepare("SELECT status, attempts FROM outbox WHERE kind = 'mail'").all() as { status: string; attempts: number }[];
    try {
      const kept = db.prepare(`SELECT COUNT(*) FROM complaints WHERE reference IN (${references.map(() => '?').join(',')})`).pluck().get(...references);
      expect(kept).toBe(references.length);

      const ready = await until('/readyz to report mail degraded', async () => {
        const answer = await send(`${portal!.url}/readyz`);
        const report = JSON.parse(answer.body) as { checks: { mail: { status: string; causes: string[] } } };
        return report.checks.mail.status === 'degraded' ? { status: answer.status, mail: report.checks.mail } : undefined;
      });
      expect(ready.status).toBe(200);
      expect(ready.mail.causes.join(' ')).toMatch(/failed attempts/);
      const waiting = mails();
      expect(waiting.length).toBeGreaterThanOrEqual(references.length);
      expect(waiting.every((m) => m.status === 'pending')).toBe(true);

      const received: string[] = [];
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onRcptTo(address, _session, callback) {
          received.push(address.address);
          callback();
        },
        onData(stream, _session, callback) {
          stream.on('data', () => undefined);
          stream.on('end', () => callback());
        },
      });
      await new Promise<void>((resolve, reject) => {
        smtp!.once('error', reject);
        smtp!.listen(port, '127.0.0.1', () => resolve());
      });
      // The retry waits out its back-off (a minute at first); the deadline is generous, not a timing claim.
      await until('the waiting mails to be sent', () => (mails().every((m) => m.status === 'sent') ? true : undefined), 170_000);
      for (let n = 0; n < references.length; n++) expect(received).toContain(`smtp-down${n}@example.com`);
      console.info(`fault: SMTP down -> ${references.length} complaints acknowledged and kept, ${waiting.length} mails pending with /readyz mail degraded; SMTP back -> all ${mails().length} sent`);
    } finally {
      db.close();
    }
  }, 400_000);
});
