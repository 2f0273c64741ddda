import { stringify } from 'csv-stringify/sync';
import type { Complaint } from '../complaints/model.ts';
import { exportColumns, exportRecord, type InsightsRows } from './insights.ts';

/**
 * Customer text that starts like a formula (=, +, -, @) would run as one when a spreadsheet opens the
 * file; a leading apostrophe keeps it text (the OWASP advice for CSV injection).
 */
function safeCell(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const safeRecord = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, safeCell(v)]));

/** A grouped view (by category, product or week) as CSV: one line per row, with the rising test where there is one. */
export function rowsCsv(view: InsightsRows): string {
  const records = view.rows.map((r) =>
    safeRecord({
      key: r.key,
      label: r.label,
      count: r.count,
      ...(r.rise ? { recent: r.rise.recent, before: r.rise.before, z: r.rise.z, significant_rise: r.rise.significant ? 'yes' : 'no' } : {}),
    }),
  );
  if (!records.length) return stringify([], { header: true, columns: ['key', 'label', 'count'] });
  return stringify(records, { header: true });
}

/**
 * The complaints as CSV, streamed page by page: each pull reads one page (a short query, so the database
 * stays free for other requests between pages) and writes its lines; memory stays flat however long
 * the export is.
 */
export function complaintsCsv(pages: Iterator<Complaint[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pages.next();
      if (next.done) {
        if (first) controller.enqueue(encoder.encode(stringify([], { header: true, columns: [...exportColumns] })));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(stringify(next.value.map((c) => safeRecord(exportRecord(c))), { header: first })));
      first = false;
    },
    cancel() {
      pages.return?.(undefined);
    },
  });
}
