import path from 'node:path';
import Database from 'better-sqlite3';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, startPortal, type Portal } from './portal.ts';

const portals: Portal[] = [];

afterAll(async () => {
  for (const portal of portals) await portal.stop();
  if (portals[0]) await removeDir(portals[0].dataDir);
});

// Within the inbound-mail tests' ports (docs/email.md).
const smtpPort = 4660;
const env = { INBOUND_SMTP_PORT: String(smtpPort), INBOUND_MAIL_PER_SENDER_PER_HOUR: '100000', COMPLAINT_RATE_LIMIT: '1000000' };
const help = 'help@kestrel-home.example';

function stored(dataDir: string, sql: string): string[] {
  const db = new Database(path.join(dataDir, 'kb.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('kill -9 while mail arrives over SMTP', () => {
  it('every mail answered 250 before the kill becomes a complaint after a restart', async () => {
    const first = await startPortal({ env });
    portals.push(first);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, connectionTimeout: 30_000, socketTimeout: 60_000 });
    const acknowledged: string[] = [];
    const failed: string[] = [];
    let next = 0;
    let killed = false;
    const exited = new Promise<void>((resolve) => first.process.once('exit', () => resolve()));
    const worker = async () => {
      while (!killed) {
        const subject = `Mail kill9 #${next++}`;
        const info = await transport
          .sendMail({ from: `kill9-${next}@example.com`, to: help, subject, text: 'My AquaWash dishwasher leaks water from the door seal during every wash.' })
          .catch((error: { responseCode?: number; code?: string }) => {
            failed.push(String(error.responseCode ?? error.code ?? 'error'));
            return undefined;
          });
        if (info && /^250/.test(info.response)) acknowledged.push(subject);
        if (!killed && acknowledged.length >= 30) {
          killed = true;
          process.kill(first.pid, 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await exited;
    transport.close();
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    // Nothing was refused with a permanent error: failures are only the connections the kill cut.
    expect(failed.filter((outcome) => /^5/.test(outcome))).toEqual([]);

    const second = await startPortal({ dataDir: first.dataDir, env });
    portals.push(second);
    // Mails stored but not yet filed when the process died are filed by the restarted portal.
    const deadline = Date.now() + 120_000;
    let filed = new Set<string>();
    while (Date.now() < deadline) {
      filed = new Set(stored(first.dataDir, "SELECT subject FROM complaints WHERE channel = 'email'"));
      if (acknowledged.every((s) => filed.has(s))) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const lost = acknowledged.filter((subject) => !filed.has(subject));
    expect(lost).toEqual([]);
    expect(stored(first.dataDir, "SELECT id FROM inbound_mail WHERE status = 'received'")).toEqual([]);
    console.info(`fault: kill -9 while mail arrives (4 concurrent SMTP senders) -> ${acknowledged.length} acknowledged with 250, ${lost.length} lost after the restart, ${failed.length} cut off by the kill (${[...new Set(failed)].join(', ')})`);
  });
});
