import { describe, expect, it } from 'vitest';
import { removeDir, send, startPortal } from './portal.ts';
import { sampleComplaint } from '../fixtures/sample-complaint.ts';

describe('fault: an operator reads the logs of a start, some traffic and a stop', () => {
  it('every line is one JSON object, start-up and shutdown included, and none holds the customer’s address', async () => {
    const portal = await startPortal();
    try {
      const email = `logged.customer.${Date.now()}@example.org`;
      const filed = await send(`${portal.url}/api/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        chunks: [Buffer.from(JSON.stringify({ ...sampleComplaint, email }))],
      });
      expect(filed.status).toBe(201);
      await portal.stop();
      const lines = portal.log.map((line) => ({ line, json: (() => { try { return JSON.parse(line) as Record<string, unknown>; } catch { return undefined; } })() }));
      expect(lines.filter((l) => !l.json || typeof l.json !== 'object').map((l) => l.line)).toEqual([]);
      const events = lines.map((l) => l.json!.event);
      for (const event of ['content.loaded', 'search.ready', 'server.ready', 'request', 'server.stopping', 'server.stopped']) expect(events).toContain(event);
      expect(events.indexOf('server.stopping')).toBeLessThan(events.indexOf('server.stopped'));
      for (const { json } of lines) expect(typeof json!.time === 'string' && typeof json!.level === 'string').toBe(true);
      expect(portal.log.filter((line) => line.includes(email) || line.includes(sampleComplaint.name))).toEqual([]);
    } finally {
      await portal.stop();
      await removeDir(portal.dataDir);
    }
  }, 240_000);
});
