import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.TEST_PORT ?? 4399);
const dataDir = path.join(os.tmpdir(), `kb-browser-${process.pid}`);
// The teardown runs in this process and removes the run's database and index.
process.env.KB_BROWSER_DATA_DIR = dataDir;

// tests/browser/complaints-escalation.spec.ts has a server of its own (port TEST_PORT + 1): it mails
// through the test SMTP server that tests/browser/smtp-sink.ts starts, its complaint clock is moved by
// the test (KB_CLOCK_FILE), and its scheduler runs twice a second. Workers load this file again and
// inherit this process's environment, so `??=` gives them the same paths. Not KB_CLOCK_FILE or SMTP_URL
// themselves in process.env: the web servers inherit it, and the other specs' server must not get them.
const escalationPort = port + 1;
const smtpPort = (process.env.KB_BROWSER_SMTP_PORT ??= '4425');
const webhookPort = (process.env.KB_BROWSER_WEBHOOK_PORT ??= '4426');
// The main server receives mail here (tests/browser/email-channel.spec.ts sends to it over SMTP).
const inboundSmtpPort = (process.env.KB_BROWSER_INBOUND_SMTP_PORT ??= String(port + 28));
const escalationDataDir = (process.env.KB_BROWSER_ESCALATION_DATA_DIR ??= path.join(os.tmpdir(), `kb-browser-escalation-${process.pid}`));
const clockFile = path.join(escalationDataDir, 'clock-offset-ms');
process.env.KB_BROWSER_ESCALATION_URL = `http://localhost:${escalationPort}`;
process.env.KB_BROWSER_CLOCK_FILE = clockFile;

// Debian's Chromium: no browser download is possible on these machines. CHROMIUM_PATH overrides it.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function server(serverPort: number, env: Record<string, string>) {
  return {
    command: 'node scripts/start.mjs',
    url: `http://localhost:${serverPort}/healthz`,
    reuseExistingServer: false,
    timeout: 60000,
    env: {
      PORT: String(serverPort),
      HOST: 'localhost',
      KB_CONTENT_DIR: 'content',
      ASTRO_TELEMETRY_DISABLED: '1',
      // Not production: the staff area creates its demo accounts (one per role) in the fresh DATA_DIR.
      NODE_ENV: 'test',
      // The tests play the trusted proxy: each sends its own X-Forwarded-For (tests/browser/complaints-helpers.ts),
      // so the per-address limits never couple tests that run in parallel. tests/browser/client-address.spec.ts
      // starts servers of its own to check the default (TRUST_PROXY off: the socket's address counts).
      TRUST_PROXY: 'true',
      ...env,
    },
  };
}

export default defineConfig({
  testDir: 'tests/browser',
  // The setups return their own teardowns (stop the SMTP server and the webhook receiver, remove what they
  // kept); this one removes the data dirs.
  globalSetup: ['./tests/browser/smtp-sink.ts', './tests/browser/webhook-sink.ts'],
  globalTeardown: './tests/browser/remove-data-dir.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    server(port, { DATA_DIR: dataDir, INBOUND_SMTP_PORT: inboundSmtpPort }),
    server(escalationPort, {
      DATA_DIR: escalationDataDir,
      SMTP_URL: `smtp://localhost:${smtpPort}`,
      ALERT_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/hooks/overdue`,
      KB_CLOCK_FILE: clockFile,
      KB_SCHEDULER_INTERVAL_MS: '500',
      KB_WATCH: 'false',
    }),
  ],
});
