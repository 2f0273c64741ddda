/**
 * Complaint intake benchmark: `npm run bench:intake [-- --duration 20] [--connections 16] [--skip-build]`.
 *
 * Builds the portal (under the build lock), starts it on a free port with a fresh database, and drives
 * `POST /api/complaints` with autocannon: complaints in five languages, each with its own idempotency key,
 * so every request writes a complaint, its timeline, a tracking token and its confirmation mail in one
 * transaction. The per-address limit (5 a minute) would stop the load after five requests, so this run
 * raises it through configuration: COMPLAINT_RATE_LIMIT=1000000. Prints requests/s, latency, errors and
 * the rows written against the successful responses; the last line is one JSON object.
 * Target on the 2-core reference machine: >= 1000 complaints/s, p99 <= 50 ms, zero lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { prepareApp, startServer } from './server.ts';
import { complaintTemplates as templates } from './complaint-templates.ts';
import { table } from './stats.ts';

interface Options {
  durationS: number;
  connections: number;
  build: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { durationS: 20, connections: 16, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg.startsWith('--duration')) options.durationS = Number(value());
    else if (arg.startsWith('--connections')) options.connections = Number(value());
    else if (arg === '--skip-build') options.build = false;
    else throw new Error(`unknown argument ${arg} (use --duration SECONDS, --connections N, --skip-build)`);
  }
  if (!(options.durationS > 0) || !(options.connections > 0)) throw new Error('--duration and --connections must be positive');
  return options;
}


async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-intake-bench-'));
  const appDir = path.join(work, 'app');
  const dataDir = path.join(work, 'data');
  let stop: (() => Promise<void>) | undefined;
  try {
    console.log(`Building and copying the portal${options.build ? '' : ' (skipping the build)'}...`);
    prepareApp(appDir, options.build);
    // The benchmark's one configuration change: the per-address limit, so one client can send the load.
    process.env.COMPLAINT_RATE_LIMIT = '1000000';
    process.env.KB_WATCH = 'false';
    const server = await startServer({ appDir, contentDir: path.resolve('content'), dataDir, expectedDocuments: 0 });
    stop = server.stop;
    console.log(`Server ready in ${Math.round(server.readyMs)} ms at ${server.url}; COMPLAINT_RATE_LIMIT=1000000 (raised from 5 a minute for this run).`);

    let n = 0;
    const body = () => {
      const t = templates[n % templates.length]!;
      n++;
      return JSON.stringify({ ...t, subject: `${t.subject} #${n}`, email: `bench${n}@example.com`, consent: true, idempotencyKey: `bench-${process.pid}-${n}` });
    };
    // Warm up (JIT, prepared statements, the classifier's first predictions).
    await autocannon({ url: server.url, duration: 2, connections: 4, requests: [{ method: 'POST', path: '/api/complaints', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: body() }) }] });
    const db = new Database(path.join(dataDir, 'kb.sqlite'), { readonly: true });
    const before = db.prepare('SELECT COUNT(*) FROM complaints').pluck().get() as number;

    console.log(`Sending complaints for ${options.durationS} s over ${options.connections} connections...`);
    const result = await autocannon({
      url: server.url,
      duration: options.durationS,
      connections: options.connections,
      requests: [{ method: 'POST', path: '/api/complaints', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: body() }) }],
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = (db.prepare('SELECT COUNT(*) FROM complaints').pluck().get() as number) - before;
    const outbox = db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'mail'").pluck().get() as number;
    db.close();

    const ok = result['2xx'];
    const lost = Math.max(0, ok - rows);
    const rps = ok / options.durationS;
    const p50 = result.latency.p50;
    const p99 = result.latency.p99;
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      table(
        ['measure', 'value', 'target'],
        [
          ['complaints/s (2xx)', rps.toFixed(0), '>= 1000'],
          ['latency p50', `${p50} ms`, ''],
          ['latency p99', `${p99} ms`, '<= 50 ms'],
          ['errors (socket, timeout, non-2xx)', `${result.errors}, ${result.timeouts}, ${result.non2xx}`, '0'],
          ['successful responses', String(ok), ''],
          ['complaints written', String(rows), '= successful'],
          ['lost (answered but not written)', String(lost), '0'],
          ['confirmation mails in the outbox', String(outbox), ''],
        ],
      ),
    );
    const pass = rps >= 1000 && p99 <= 50 && lost === 0 && errors === 0;
    console.log(pass ? 'PASS' : 'FAIL (see targets above)');
    console.log(JSON.stringify({ bench: 'intake', durationS: options.durationS, connections: options.connections, rateLimitRaisedTo: 1_000_000, complaintsPerSecond: Math.round(rps), p50Ms: p50, p99Ms: p99, errors, successful: ok, rowsWritten: rows, lost, pass }));
    process.exitCode = pass ? 0 : 1;
  } finally {
    await stop?.();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:intake: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
