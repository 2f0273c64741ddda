import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/** What the sink writes for each message it receives: one JSON file per mail in KB_BROWSER_SMTP_DIR. */
export interface SunkMail {
  receivedAt: string;
  mailFrom: string;
  rcptTo: string[];
  /** The message as it came over the wire (headers and body, CRLF line ends). */
  raw: string;
}

/**
 * Playwright global setup: a real SMTP server (the `smtp-server` package) on a fixed local port
 * (KB_BROWSER_SMTP_PORT, default 4425) that accepts every mail and writes it to a fresh temporary
 * directory, whose path goes to the tests in KB_BROWSER_SMTP_DIR. The escalation spec's server sends
 * its mail here (playwright.config.ts). Returns the teardown: stop the server, remove the directory.
 */
export default async function startSmtpSink(): Promise<() => Promise<void>> {
  const port = Number(process.env.KB_BROWSER_SMTP_PORT ?? 4425);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-smtp-sink-'));
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: SunkMail = {
          receivedAt: new Date().toISOString(),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        // Written under another name, then renamed: a test polling the directory never reads half a file.
        const file = path.join(dir, `${Date.now()}-${String(++count).padStart(4, '0')}.json`);
        try {
          fs.writeFileSync(`${file}.part`, JSON.stringify(mail, null, 2));
          fs.renameSync(`${file}.part`, file);
          callback();
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`The test SMTP server could not listen on 127.0.0.1:${port} (set KB_BROWSER_SMTP_PORT to another port): ${error instanceof Error ? error.message : error}`);
  }
  // A client that drops its connection must not end the test run.
  server.on('error', (error: Error) => console.warn(`[smtp-sink] ${error.message}`));
  process.env.KB_BROWSER_SMTP_DIR = dir;

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
