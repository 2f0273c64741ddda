import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../core/i18n/locales.ts';
import { tokenizerVersion } from '../../core/text/version.ts';
import { LocaleIndex, type StoredDoc } from './locale-index.ts';
import { PostingList } from './postings.ts';
import { fieldCount } from './ranking.ts';

/**
 * One file per locale: a JSON header (documents, field lengths, terms) followed by the posting lists as
 * raw typed arrays, which load as views without parsing. Loading 5,000 articles takes well under a second,
 * where re-analysing them would take several.
 */
const magic = 0x4b424958; // "KBIX"
const formatVersion = 1;

interface Header {
  format: number;
  tokenizer: number;
  docs: Array<{ doc: StoredDoc; lengths: number[] }>;
  terms: string[];
}

export function indexFile(dir: string, locale: Locale): string {
  return path.join(dir, `${locale}.idx`);
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

export function serialize(index: LocaleIndex): Buffer {
  const renumber = new Int32Array(index.records.length).fill(-1);
  const docs: Header['docs'] = [];
  for (const record of index.records) {
    if (!record) continue;
    renumber[record.num] = docs.length;
    docs.push({ doc: record.doc, lengths: Array.from(record.lengths) });
  }
  const terms: string[] = [];
  const lists: PostingList[] = [];
  let total = 0;
  for (const [term, list] of index.postings) {
    if (list.length === 0) continue;
    terms.push(term);
    lists.push(list);
    total += list.length;
  }
  const header = Buffer.from(JSON.stringify({ format: formatVersion, tokenizer: tokenizerVersion, docs, terms } satisfies Header));
  const start = align4(8 + header.length);
  const size = start + 4 * terms.length + 4 * total * 2 + 2 * total * fieldCount;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(magic, 0);
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  const buffer = out.buffer;
  let offset = out.byteOffset + start;
  const counts = new Int32Array(buffer, offset, terms.length);
  offset += 4 * terms.length;
  const allDocs = new Int32Array(buffer, offset, total);
  offset += 4 * total;
  const allMasks = new Int32Array(buffer, offset, total);
  offset += 4 * total;
  const allTfs = new Uint16Array(buffer, offset, total * fieldCount);
  let at = 0;
  lists.forEach((list, t) => {
    counts[t] = list.length;
    const { docs, masks, tfs, start, length } = list;
    for (let i = 0; i < length; i++) allDocs[at + i] = renumber[docs[start + i]!]!;
    allMasks.set(masks.subarray(start, start + length), at);
    allTfs.set(tfs.subarray(start * fieldCount, (start + length) * fieldCount), at * fieldCount);
    at += list.length;
  });
  return out;
}

export type Loaded = { ok: true; index: LocaleIndex } | { ok: false; docs: StoredDoc[] };

/**
 * Rebuilds a locale index from a saved file. When the file was written by another tokenizer version, the
 * documents come back instead, for the caller to index anew.
 */
export function deserialize(locale: Locale, file: Buffer): Loaded {
  if (file.length < 8 || file.readUInt32LE(0) !== magic) throw new Error('not a search index file');
  const headerLength = file.readUInt32LE(4);
  const header = JSON.parse(file.toString('utf8', 8, 8 + headerLength)) as Header;
  if (header.format !== formatVersion || header.tokenizer !== tokenizerVersion) return { ok: false, docs: header.docs.map((d) => d.doc) };
  // A private, aligned copy: typed array views need 4-byte alignment and must outlive Node's buffer pool.
  const start = align4(8 + headerLength);
  const body = new Uint8Array(file.length - start);
  body.set(file.subarray(start));
  const buffer = body.buffer;
  const terms = header.terms;
  const counts = new Int32Array(buffer, 0, terms.length);
  let total = 0;
  for (const c of counts) total += c;
  let offset = 4 * terms.length;
  const allDocs = new Int32Array(buffer, offset, total);
  offset += 4 * total;
  const allMasks = new Int32Array(buffer, offset, total);
  offset += 4 * total;
  const allTfs = new Uint16Array(buffer, offset, total * fieldCount);

  const index = new LocaleIndex(locale);
  let at = 0;
  terms.forEach((term, t) => {
    const n = counts[t]!;
    index.postings.set(term, PostingList.view(allDocs, allMasks, allTfs, at, n));
    index.trie.add(term);
    at += n;
  });
  header.docs.forEach(({ doc, lengths }, num) => index.attach({ num, doc, lengths: Float64Array.from(lengths) }));
  return { ok: true, index };
}

export async function writeAtomically(file: string, data: Buffer): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, data);
  await fs.promises.rename(tmp, file);
}
