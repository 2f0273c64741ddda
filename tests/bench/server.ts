import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from '../free-port.ts';

/** The repository root (tests/bench/ is two levels down). */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

function hasFlock(): boolean {
  return spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Builds the portal (unless told not to) and copies the build into `appDir`, both under the build lock,
 * so another build in the same tree cannot replace the chunks our server loads lazily mid-run.
 * node_modules is linked, not copied.
 */
export function prepareApp(appDir: string, build: boolean): void {
  fs.mkdirSync(path.join(appDir, 'scripts'), { recursive: true });
  const steps = `${build ? 'npm run build >&2 && ' : ''}cp -a dist ${JSON.stringify(appDir)}/`;
  const [cmd, args] = hasFlock() ? ['flock', ['/tmp/build.lock', 'sh', '-c', steps]] : ['sh', ['-c', steps]];
  const result = spawnSync(cmd, args as string[], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`build/copy failed (exit ${result.status})`);
  if (!fs.existsSync(path.join(appDir, 'dist/server/entry.mjs'))) throw new Error('no dist/server/entry.mjs: run npm run build');
  fs.copyFileSync(path.join(repoRoot, 'scripts/start.mjs'), path.join(appDir, 'scripts/start.mjs'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
}


const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A GET on a keep-alive connection; resolves with status and body. */
export function get(url: string, timeoutMs = 30_000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    request.on('error', reject);
  });
}

export function closeConnections(): void {
  agent.destroy();
}

export interface Memory {
  rssMB: number;
  peakMB: number;
}

/** Resident memory of a process, from /proc (Linux). */
export function memoryOf(pid: number): Memory | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

let clockTicks: number | undefined;

/** CPU time a process has used so far (user + system), in milliseconds, from /proc (Linux). */
export function cpuMsOf(pid: number): number | undefined {
  try {
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    // Fields after the command name (which may hold spaces), counted from field 3: utime is 14, stime 15.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}

export interface RunningServer {
  process: ChildProcess;
  pid: number;
  url: string;
  /** Spawn until /healthz answered with every document indexed. */
  readyMs: number;
  /** What the server logged as its search start-up time (index load and sync), if it did. */
  searchReadyMs: number | undefined;
  log: string[];
  stop(): Promise<void>;
}

export async function startServer(options: {
  appDir: string;
  contentDir: string;
  dataDir: string;
  expectedDocuments: number;
  /** NODE_OPTIONS for the server (e.g. a heap cap); the bench's own are not passed on. */
  nodeOptions?: string;
  timeoutMs?: number;
  /** More environment for the server (the fault tests' SMTP_URL, limits). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: options.appDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      KB_CONTENT_DIR: options.contentDir,
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: options.nodeOptions ?? '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const collect = (data: Buffer) => {
    for (const line of data.toString('utf8').split('\n')) if (line.trim()) log.push(line);
    if (log.length > 2000) log.splice(0, log.length - 2000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => {
    exited = true;
    resolve();
  }));
  const stop = async () => {
    if (exited || child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  try {
    for (;;) {
      if (exited) throw new Error(`server exited during start-up:\n${log.slice(-20).join('\n')}`);
      if (Date.now() > deadline) throw new Error(`server not ready in time:\n${log.slice(-20).join('\n')}`);
      const response = await get(`${url}/healthz`, 600_000).catch(() => undefined);
      if (response?.status === 200) {
        const health = JSON.parse(response.body) as { search: { documents: number } };
        if (health.search.documents >= options.expectedDocuments) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const readyMs = performance.now() - started;
  const searchLine = log.map((l) => /\[search\] \w+ engine ready in (\d+) ms/.exec(l)).find(Boolean);
  return { process: child, pid: child.pid!, url, readyMs, searchReadyMs: searchLine ? Number(searchLine[1]) : undefined, log, stop };
}
