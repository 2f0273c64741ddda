import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { complaintsCsv } from '@feedback/insights/csv.ts';
import { setup } from '../helpers.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('the complaints export streams', () => {
  it('exports 100,000 complaints page by page while the retained heap stays flat', async () => {
    const now = '2026-03-02T09:00:00.000Z';
    const f = setup({ start: now });
    // One statement writes the 100,000 rows (the demo generator routes each one and would take minutes here).
    f.db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
      INSERT INTO complaints (reference, created_at, updated_at, locale, channel, status, product, subject, description, email, name, phone, category, severity, team_id)
      SELECT 'X-2026-' || i, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-03-01', '-' || (i % 80) || ' days', '+' || (i % 1440) || ' minutes'), '2026-03-01T00:00:00.000Z',
        'en', 'web', 'new', 'aquawash', 'Door seal leaks, order ' || i,
        'Water comes out under the door after every wash. Call me on +1 555 010 ' || (i % 10000) || ' or write to customer' || i || '@example.com, please.',
        'customer' || i || '@example.com', 'Demo Customer ' || i, '+1 555 010 ' || (i % 10000), 'product-defect', 'medium', 'rd-laundry' FROM n`).run();
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
      if (bytes === 0) expect(new TextDecoder().decode(value)).not.toMatch(/customer\d+@example\.com|555 010/);
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
  }, 600_000);
});
