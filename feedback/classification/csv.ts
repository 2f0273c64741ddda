import { parse } from 'csv-parse/sync';

export interface CsvExample {
  text: string;
  label: string;
  /** Line of the file where the record starts (1 = the header). */
  line: number;
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface ReadCsvOptions {
  /** When given, a label outside this list is a problem. */
  labels?: readonly string[];
  /** Keep records whose text is empty instead of reporting them (an eval still has to score them). */
  keepEmptyText?: boolean;
}

/**
 * Reads `text,label` CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; a BOM
 * and CRLF line ends are fine). Other columns are ignored. Returns the examples and every problem with
 * the line it starts on; a file that cannot be parsed at all throws with the line.
 */
export function readLabelledCsv(content: string | Buffer, options: ReadCsvOptions = {}): { examples: CsvExample[]; problems: CsvProblem[] } {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(buffer, { bom: true, info: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new Error(`CSV${e.lines ? ` line ${e.lines}` : ''}: ${e.message}`);
  }
  // Line numbers from byte offsets: the parser's own line count treats a CR inside a quoted field as a break.
  let offset = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  let line = 1;
  const lineAt = (end: number) => {
    // Skips the line breaks before the record (empty lines, the previous record's terminator).
    while (offset < end && (buffer[offset] === 0x0a || buffer[offset] === 0x0d)) {
      if (buffer[offset] === 0x0a || buffer[offset + 1] !== 0x0a) line++;
      offset++;
    }
    const start = line;
    for (; offset < end; offset++) if (buffer[offset] === 0x0a || (buffer[offset] === 0x0d && buffer[offset + 1] !== 0x0a)) line++;
    return start;
  };
  const examples: CsvExample[] = [];
  const problems: CsvProblem[] = [];
  const allowed = options.labels ? new Set(options.labels) : undefined;
  let textColumn = -1;
  let labelColumn = -1;
  records.forEach(({ record, info }, n) => {
    const at = lineAt(info.bytes);
    if (n === 0) {
      const header = record.map((h) => h.trim().toLowerCase());
      textColumn = header.indexOf('text');
      labelColumn = header.indexOf('label');
      if (textColumn < 0 || labelColumn < 0) problems.push({ line: at, message: `the header must name the columns text and label (found: ${record.join(', ')})` });
      return;
    }
    if (textColumn < 0 || labelColumn < 0) return;
    if (record.length === 1 && record[0]!.trim() === '') return;
    const text = record[textColumn] ?? '';
    const label = (record[labelColumn] ?? '').trim();
    if (record.length <= Math.max(textColumn, labelColumn)) problems.push({ line: at, message: `expected the columns text and label, found ${record.length} field${record.length === 1 ? '' : 's'}` });
    else if (!text.trim() && !options.keepEmptyText) problems.push({ line: at, message: 'empty text' });
    else if (!label) problems.push({ line: at, message: 'empty label' });
    else if (allowed && !allowed.has(label)) problems.push({ line: at, message: `unknown label ${JSON.stringify(label)} (expected one of: ${[...allowed].join(', ')})` });
    else examples.push({ text, label, line: at });
  });
  if (records.length === 0) problems.push({ line: 1, message: 'the file is empty (expected a header text,label)' });
  return { examples, problems };
}
