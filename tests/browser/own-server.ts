import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port.ts';

/** A portal of a spec's own: its own port, data directory and log, for tests that must not share the suite's server. */
export interface OwnServer {
  baseURL: string;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr so far. */
  log(): string;
  /** Stops the server (SIGTERM, waiting for its exit) and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * Starts the built portal (scripts/start.mjs) on a free port with a fresh data directory, the demo content
 * and no watcher, and resolves once it logs that it is ready. `env` adds or overrides settings; `unset`
 * removes settings the suite's environment carries (for example TRUST_PROXY or SMTP_URL).
 */
export async function startOwnServer(name: string, env: NodeJS.ProcessEnv = {}, unset: string[] = []): Promise<OwnServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kb-${name}-`));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    KB_CONTENT_DIR: 'content',
    KB_WATCH: 'false',
    NODE_ENV: 'test',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...env,
  };
  for (const key of unset) delete childEnv[key];
  const child = spawn(process.execPath, ['scripts/start.mjs'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const onData = (data: Buffer) => {
        log += data.toString('utf8');
        if (log.includes('[kb] ready')) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL: `http://127.0.0.1:${port}`, dataDir, log: () => log, stop };
}
