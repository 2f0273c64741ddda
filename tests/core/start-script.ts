import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The real scripts/start.mjs running from a temporary folder, in front of a stand-in for the built app. */
export interface StartScript {
  port: number;
  /** The temporary folder: scripts/, dist/server/entry.mjs and dist/client/. */
  dir: string;
  /** Stops the script (SIGTERM) and removes the folder. */
  stop(): void;
}

/**
 * Copies scripts/start.mjs into a fresh folder with `entry` as dist/server/entry.mjs and `clientFiles`
 * (paths under dist/client) as the build's static files, starts it on a free port and resolves once it
 * logs that it is ready.
 */
export async function startScript(entry: string, clientFiles: Record<string, string> = {}): Promise<StartScript> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-start-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.mkdirSync(path.join(dir, 'dist/server'), { recursive: true });
  for (const [file, text] of Object.entries(clientFiles)) {
    const full = path.join(dir, 'dist/client', file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  fs.copyFileSync(path.join(repoRoot, 'scripts/start.mjs'), path.join(dir, 'scripts/start.mjs'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'dist/server/entry.mjs'), entry);
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(dir, 'scripts/start.mjs')], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  let log = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        log += d.toString();
        if (log.includes('[kb] ready')) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`start.mjs exited (${code}):\n${log}`)));
    });
  } catch (error) {
    stop();
    throw error;
  }
  return { port, dir, stop };
}
