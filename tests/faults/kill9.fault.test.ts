import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, send, startPortal, type Portal } from './portal.ts';

const portals: Portal[] = [];

afterAll(async () => {
  for (const portal of portals) await portal.stop();
  if (portals[0]) await removeDir(portals[0].dataDir);
});

const env = { COMPLAINT_RATE_LIMIT: '1000000' };

function complaint(n: number): Buffer {
  return Buffer.from(JSON.stringify({ locale: 'en', product: 'aquawash', subject: `Door seal leaks #${n}`, description: 'My AquaWash leaks water from the door seal during every wash since last week.', email: `kill9-${n}@example.com`, consent: true, idempotencyKey: `kill9-load-${n}` }));
}

describe('kill -9 under intake load', () => {
  it('every complaint answered 201 before the kill is in the database after a restart, and the portal answers again', async () => {
    const first = await startPortal({ env });
    portals.push(first);
    const acknowledged: string[] = [];
    const unacknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const exited = new Promise<void>((resolve) => first.process.once('exit', () => resolve()));
    const worker = async () => {
      while (!killed) {
        const answer = await send(`${first.url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, chunks: [complaint(next++)], timeoutMs: 30_000 }).catch(() => undefined);
        if (answer?.status === 201) acknowledged.push((JSON.parse(answer.body) as { reference: string }).reference);
        else unacknowledged.push(answer ? String(answer.status || 'reset') : 'cut off');
        // The kill lands while the other workers' requests are in flight.
        if (!killed && acknowledged.length >= 40) {
          killed = true;
          process.kill(first.pid, 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    // Only requests the kill cut off go unanswered: the portal refused none before it.
    expect(unacknowledged.filter((outcome) => outcome !== 'reset' && outcome !== 'cut off')).toEqual([]);

    const second = await startPortal({ dataDir: first.dataDir, env });
    portals.push(second);
    const db = new Database(path.join(first.dataDir, 'kb.sqlite'), { readonly: true });
    const stored = new Set(db.prepare('SELECT reference FROM complaints').pluck().all() as string[]);
    db.close();
    const lost = acknowledged.filter((reference) => !stored.has(reference));
    expect(lost).toEqual([]);
    expect((await send(`${second.url}/healthz`)).status).toBe(200);
    const after = await send(`${second.url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, chunks: [complaint(1_000_000)] });
    expect(after.status).toBe(201);
    console.info(`fault: kill -9 under intake load (8 concurrent senders) -> ${acknowledged.length} acknowledged, ${lost.length} lost, ${unacknowledged.length} not acknowledged (${[...new Set(unacknowledged)].join(', ')}); restarted portal answers and takes complaints`);
  });
});
