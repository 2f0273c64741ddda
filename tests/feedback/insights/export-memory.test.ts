import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { complaintsCsv } from '@feedback/insights/csv.ts';
import { writeComplaintHistory } from '@feedback/insights/demo-history.ts';
import { setup } from '../helpers.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('the complaints export streams', () => {
  it('exports 100,000 complaints page by page while the retained heap stays flat', async () => {
    const now = '2026-03-02T09:00:00.000Z';
    const f = setup({ start: now });
    // Week by week, yielding between, so the test runner's messages get through while the history is written.
    for (let week = 0; week < 12; week++) {
      writeComplaintHistory(f.db, f.feedback.routing, { weeks: 1, seed: 3 + week, now: new Date(Date.parse(now) - week * 7 * 86_400_000), perDay: 1420 });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const total = f.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get() as number;
    expect(total).toBeGreaterThanOrEqual(100_000);
    const parsed = f.feedback.insights.parse({ from: '2025-12-01', to: '2026-03-02' });
    if (!parsed.ok) throw new Error('bad query');
    const scope = { products: undefined, masked: true };

    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peakRetained = 0;
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    const reader = complaintsCsv(f.feedback.insights.complaints(scope, parsed.query)).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) lines++;
      await new Promise((resolve) => setImmediate(resolve));
      if (++chunks % 20 === 0) {
        gc();
        peakRetained = Math.max(peakRetained, process.memoryUsage().heapUsed - baseline);
      }
    }
    // Header plus one line per complaint (descriptions have no line breaks in the generated history).
    expect(lines).toBe(total + 1);
    expect(bytes).toBeGreaterThan(20 * 2 ** 20);
    // Were the export held in memory, the heap would grow by at least its size (as UTF-16 strings, twice it).
    expect(peakRetained).toBeLessThan(16 * 2 ** 20);
    expect(peakRetained).toBeLessThan(bytes / 4);
  }, 300_000);
});
