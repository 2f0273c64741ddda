import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/** One request the alert webhook receiver took. */
export interface SunkHook {
  receivedAt: string;
  path: string;
  contentType: string;
  body: unknown;
}

/**
 * Playwright global setup: a real local HTTP receiver for the alert webhook (ALERT_WEBHOOK_URL of the
 * escalation spec's server) on KB_BROWSER_WEBHOOK_PORT (default 4426). It answers 204 and writes every
 * request into a fresh temporary directory, whose path goes to the tests in KB_BROWSER_WEBHOOK_DIR.
 * Returns the teardown.
 */
export default async function startWebhookSink(): Promise<() => Promise<void>> {
  const port = Number(process.env.KB_BROWSER_WEBHOOK_PORT ?? 4426);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-webhook-sink-'));
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
      const hook: SunkHook = { receivedAt: new Date().toISOString(), path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body };
      // Written under another name, then renamed: a test polling the directory never reads half a file.
      const file = path.join(dir, `${Date.now()}-${String(++count).padStart(4, '0')}.json`);
      fs.writeFileSync(`${file}.part`, JSON.stringify(hook));
      fs.renameSync(`${file}.part`, file);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`The test webhook receiver could not listen on 127.0.0.1:${port} (set KB_BROWSER_WEBHOOK_PORT): ${error.message}`)));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  process.env.KB_BROWSER_WEBHOOK_DIR = dir;
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
