import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.TEST_PORT ?? 4399);
const dataDir = path.join(os.tmpdir(), `kb-browser-${process.pid}`);
// The teardown runs in this process and removes the run's database and index.
process.env.KB_BROWSER_DATA_DIR = dataDir;

// Debian's Chromium: no browser download is possible on these machines. CHROMIUM_PATH overrides it.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/browser',
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
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60000,
    env: {
      PORT: String(port),
      HOST: 'localhost',
      DATA_DIR: dataDir,
      KB_CONTENT_DIR: 'content',
      ASTRO_TELEMETRY_DISABLED: '1',
      // Not production: the staff area creates its demo accounts (one per role) in the fresh DATA_DIR.
      NODE_ENV: 'test',
    },
  },
});
