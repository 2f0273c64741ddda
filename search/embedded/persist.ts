import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '@core/i18n/locales.ts';
import { tokenizerVersion } from '@core/text/version.ts';
import type { SearchDocument } from '../port.ts';
import { ChunkedWriter } from './chunked-writer.ts';
import { LocaleIndex, type DocRecord, type StoredDoc } from './locale-index.ts';
import type { TermSequence } from './positions.ts';
import { PostingList } from './postings.ts';
import { fieldCount } from './ranking.ts';
import { SectionFile, type Span } from './section-file.ts';

/**
 * One file per locale: a JSON header (documents without their text, field lengths, terms), the posting
 * lists and each document's term sequence (for proximity) as raw typed arrays, which load without parsing, and at the end each section of each document as
 * UTF-8 JSON, which stays on disk and is read when a snippet needs it. A save copies the sections of
 * documents already saved byte for byte: only new documents are encoded.
 */
const magic = 0x4b424958; // "KBIX"
const formatVersion = 3;
/** Older formats whose documents can still be read back and indexed anew (2: before term sequences). */
const rebuildableFormats = [2];

interface Header {
  format: number;
  tokenizer: number;
  /** `sections`: offset and length of each section within the stored part at the end of the file, flat. */
  /** `tokens`: length of the document's term sequence (absent before format 3). */
  docs: Array<{ doc: StoredDoc; lengths: number[]; sections: number[]; tokens?: number }>;
  terms: string[];
  /** Size of the stored part, the last bytes of the file. */
  storedBytes: number;
}

export function indexFile(dir: string, locale: Locale): string {
  return path.join(dir, `${locale}.idx`);
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function toSpans(flat: number[], base: number): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) spans.push({ offset: base + flat[i]!, length: flat[i + 1]! });
  return spans;
}

/**
 * Writes a locale's index to `file` (a temporary file, then rename) and switches its records to read their
 * sections from the new file. Synchronous, so the file is a consistent snapshot while edits keep coming;
 * written in chunks, so a save never holds a second copy of the index in memory.
 */
export function save(index: LocaleIndex, file: string): void {
  const records = index.records.filter((r): r is DocRecord => r !== undefined);
  const renumber = new Int32Array(index.records.length).fill(-1);
  records.forEach((r, i) => (renumber[r.num] = i));
  const encoded = new Map<DocRecord, Buffer[]>();
  const docs: Header['docs'] = [];
  let storedBytes = 0;
  let tokens = 0;
  for (const record of records) {
    let lengths: number[];
    if (record.sections) {
      const parts = record.sections.map((s) => Buffer.from(JSON.stringify(s)));
      encoded.set(record, parts);
      lengths = parts.map((p) => p.length);
    } else lengths = (record.stored ?? []).map((s) => s.length);
    const sections: number[] = [];
    for (const length of lengths) {
      sections.push(storedBytes, length);
      storedBytes += length;
    }
    docs.push({ doc: record.doc, lengths: Array.from(record.lengths), sections, tokens: record.sequence.ids.length });
    tokens += record.sequence.ids.length;
  }
  const terms: string[] = [];
  const lists: PostingList[] = [];
  // Terms no document holds any more are left out, so the saved term numbers close up.
  const termIds = new Int32Array(index.termIdCount).fill(-1);
  let total = 0;
  for (const [term, list] of index.postings) {
    if (list.length === 0) continue;
    termIds[list.id] = terms.length;
    terms.push(term);
    lists.push(list);
    total += list.length;
  }
  const header = Buffer.from(JSON.stringify({ format: formatVersion, tokenizer: tokenizerVersion, docs, terms, storedBytes } satisfies Header));
  const storedStart = align4(8 + header.length) + 4 * terms.length + 4 * total * 2 + 2 * total * fieldCount + align4(6 * tokens);

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    const out = new ChunkedWriter(fd);
    const prefix = Buffer.alloc(8);
    prefix.writeUInt32LE(magic, 0);
    prefix.writeUInt32LE(header.length, 4);
    out.write(prefix);
    out.write(header);
    out.write(Buffer.alloc(align4(8 + header.length) - 8 - header.length));
    out.writeArray(Int32Array.from(lists, (l) => l.length), 0, lists.length);
    const renumbered = new Int32Array(lists.reduce((max, l) => Math.max(max, l.length), 1));
    for (const { docs: nums, start, length } of lists) {
      for (let i = 0; i < length; i++) renumbered[i] = renumber[nums[start + i]!]!;
      out.writeArray(renumbered, 0, length);
    }
    for (const list of lists) out.writeArray(list.masks, list.start, list.length);
    for (const list of lists) out.writeArray(list.tfs, list.start * fieldCount, list.length * fieldCount);
    // Terms are numbered in the order they were added and saved in that order, so the renumbering keeps each sequence sorted.
    for (const { sequence } of records) out.writeArray(sequence.ids.map((id) => termIds[id]!), 0, sequence.ids.length);
    for (const { sequence } of records) out.writeArray(sequence.positions, 0, sequence.positions.length);
    out.write(Buffer.alloc(align4(6 * tokens) - 6 * tokens));
    if (out.position !== storedStart) throw new Error(`index layout mismatch: ${out.position} != ${storedStart}`);
    for (const record of records) {
      const parts = encoded.get(record);
      if (parts) for (const part of parts) out.write(part);
      else {
        const spans = record.stored ?? [];
        const first = spans[0];
        const last = spans.at(-1);
        if (first && last) out.write(index.storedBytes({ offset: first.offset, length: last.offset + last.length - first.offset }));
      }
    }
    out.flush();
    fs.closeSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fs.renameSync(tmp, file);
  index.useSectionFile(SectionFile.open(file), new Map(records.map((r, i) => [r, toSpans(docs[i]!.sections, storedStart)])));
  index.compactPostings();
}

export type Loaded = { ok: true; index: LocaleIndex } | { ok: false; docs: SearchDocument[] };

/**
 * Rebuilds a locale index from a saved file, which the index keeps open to read sections from. When the
 * file was written by another tokenizer version or an older format, the documents come back instead, for the caller to index
 * anew (and the file is closed). Throws on a file that is not a whole index of this format.
 */
export function load(locale: Locale, file: SectionFile): Loaded {
  const size = file.size();
  if (size < 8) throw new Error('not a search index file');
  const prefix = Buffer.alloc(8);
  file.readInto(prefix, 0);
  if (prefix.readUInt32LE(0) !== magic) throw new Error('not a search index file');
  const headerLength = prefix.readUInt32LE(4);
  if (8 + headerLength > size) throw new Error('index file cut short');
  const headerBytes = Buffer.alloc(headerLength);
  file.readInto(headerBytes, 8);
  const header = JSON.parse(headerBytes.toString('utf8')) as Header;
  const current = header.format === formatVersion;
  if (!current && !rebuildableFormats.includes(header.format)) throw new Error(`index format ${header.format}, this version reads ${formatVersion}`);
  const storedStart = size - header.storedBytes;
  const spansOf = (flat: number[]): Span[] => {
    const spans = toSpans(flat, storedStart);
    if (spans.some((s) => s.offset < storedStart || s.length < 0 || s.offset + s.length > size)) throw new Error('stored section outside the file');
    return spans;
  };
  if (!current || header.tokenizer !== tokenizerVersion) {
    const docs = header.docs.map(({ doc, sections }): SearchDocument => {
      const parsed = spansOf(sections).map((span) => file.read(span));
      return { ...doc, body: '', headings: parsed.map((s) => s.heading).filter(Boolean), sections: parsed };
    });
    file.close();
    return { ok: false, docs };
  }
  const start = align4(8 + headerLength);
  const terms = header.terms;
  if (start + 4 * terms.length > storedStart) throw new Error('index file cut short');
  const counts = new Int32Array(terms.length);
  file.readInto(new Uint8Array(counts.buffer), start);
  let total = 0;
  for (const c of counts) total += c;
  const postingBytes = 4 * total * 2 + 2 * total * fieldCount;
  let tokens = 0;
  for (const { tokens: n } of header.docs) tokens += n ?? 0;
  const sequenceBytes = align4(6 * tokens);
  if (start + 4 * terms.length + postingBytes + sequenceBytes !== storedStart) throw new Error('index file cut short or overlong');
  // One aligned buffer for every list of the locale; typed-array views need 4-byte alignment.
  const body = new Uint8Array(postingBytes);
  file.readInto(body, start + 4 * terms.length);
  const allDocs = new Int32Array(body.buffer, 0, total);
  const allMasks = new Int32Array(body.buffer, 4 * total, total);
  const allTfs = new Uint16Array(body.buffer, 8 * total, total * fieldCount);
  const sequences = new Uint8Array(sequenceBytes);
  file.readInto(sequences, start + 4 * terms.length + postingBytes);
  const allIds = new Int32Array(sequences.buffer, 0, tokens);
  const allPositions = new Uint16Array(sequences.buffer, 4 * tokens, tokens);


  const index = new LocaleIndex(locale);
  let at = 0;
  terms.forEach((term, t) => {
    const n = counts[t]!;
    index.addTerm(term, PostingList.view(allDocs, allMasks, allTfs, at, n));
    at += n;
  });
  const spans = new Map<DocRecord, Span[]>();
  let tokenAt = 0;
  header.docs.forEach(({ doc, lengths, sections, tokens: n = 0 }, num) => {
    const sequence = { ids: allIds.subarray(tokenAt, tokenAt + n), positions: allPositions.subarray(tokenAt, tokenAt + n) };
    tokenAt += n;
    checkSequence(sequence, terms.length);
    const record: DocRecord = { num, doc, lengths: Float64Array.from(lengths), sequence };
    index.attach(record);
    spans.set(record, spansOf(sections));
  });
  index.useSectionFile(file, spans);
  return { ok: true, index };
}

/** A sequence must stay within the terms and in order, or its binary searches would miss. */
function checkSequence({ ids, positions }: TermSequence, terms: number): void {
  for (let i = 0; i < ids.length; i++) {
    if (ids[i]! < 0 || ids[i]! >= terms) throw new Error('term sequence outside the terms');
    if (i > 0 && (ids[i]! < ids[i - 1]! || (ids[i] === ids[i - 1] && positions[i]! < positions[i - 1]!))) throw new Error('term sequence out of order');
  }
}
