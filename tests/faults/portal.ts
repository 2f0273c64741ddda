import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, startServer, type RunningServer } from '@tests/bench/server.ts';

/** A built portal on a free port, with a data directory of its own (removed by `stop`). */
export interface Portal extends RunningServer {
  dataDir: string;
}

export async function startPortal(options: { dataDir?: string; contentDir?: string; env?: Record<string, string> } = {}): Promise<Portal> {
  if (!fs.existsSync(path.join(repoRoot, 'dist/server/entry.mjs'))) throw new Error('the fault tests run the built portal: run `npm run build` first (npm run test:faults does)');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kb-fault-'));
  const server = await startServer({ appDir: repoRoot, contentDir: options.contentDir ?? path.join(repoRoot, 'content'), dataDir, expectedDocuments: 1, timeoutMs: 180_000, env: { KB_WATCH: 'false', ...options.env } });
  return { ...server, dataDir };
}

export async function removeDir(dir: string): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request on a fresh connection; `chunks` are written one after another (an async iterable may
 * hold some back) until the server answers or they run out.
 */
export function send(url: string, options: { method?: string; headers?: Record<string, string>; chunks?: Iterable<Buffer> | AsyncIterable<Buffer>; timeoutMs?: number } = {}): Promise<Answer & { sentBytes: number; reset?: boolean }> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false, timeout: options.timeoutMs ?? 120_000 }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), sentBytes }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer in time: ${url}`)));
    // Once the server has answered and closed, further writes fail; only the answer counts. A server that
    // stops reading may also reset the connection before its answer is read: that is an answer too.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 0, headers: {}, body: '', sentBytes, reset: true });
      else reject(error);
    });
    const pump = async () => {
      for await (const chunk of options.chunks ?? []) {
        if (answered || request.destroyed) return;
        sentBytes += chunk.byteLength;
        if (!request.write(chunk)) await new Promise((resolve) => request.once('drain', resolve));
      }
      if (!request.destroyed) request.end();
    };
    pump().catch(reject);
  });
}

/** The staff sign-in page's CSRF token and cookie, as an anonymous visitor gets them. */
export async function anonymousToken(url: string): Promise<{ token: string; cookie: string }> {
  const page = await send(`${url}/admin/signin`);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const cookie = (page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  if (!token || !cookie) throw new Error('the sign-in page gave no CSRF token');
  return { token, cookie };
}
