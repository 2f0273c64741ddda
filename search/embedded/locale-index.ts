import { scan } from '@core/text/analyze.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { Section } from '@core/markdown/extract.ts';
import type { SearchDocument } from '../port.ts';
import { AskedAsField, type AskedAsList } from './asked-as-field.ts';
import { Positions, maxPosition, termSequence, type TermSequence } from './positions.ts';
import { PostingList, sectionBit } from './postings.ts';
import { fieldCount, type FieldIndex } from './ranking.ts';
import type { SectionFile, Span } from './section-file.ts';
import { TermTrie } from './term-trie.ts';

/** What a document keeps in memory for results and filters; its text lives in its sections. */
export type StoredDoc = Omit<SearchDocument, 'body' | 'headings' | 'sections'>;

export interface DocRecord {
  num: number;
  doc: StoredDoc;
  /** Tokens per field. */
  lengths: Float64Array;
  sequence: TermSequence;
  /** The posting lists of its distinct title terms (for the title-match bonus); found on first use after loading. */
  titleLists?: PostingList[];
  /** The sections to index and snip from, in memory until the index is saved... */
  sections?: Section[];
  /** ...and from then on in the index file, one span per section, one after the other, read when needed. */
  stored?: Span[];
}

/** Splits a document into what stays in memory and its sections; a document without any (eval corpora, plain text) is one intro section. */
export function storedForm(input: SearchDocument): { doc: StoredDoc; sections: Section[] } {
  const { body, headings: _headings, sections, ...doc } = input;
  return { doc, sections: sections.length ? sections : [{ anchor: '', heading: '', text: body }] };
}

interface TermStats {
  tf: number[];
  mask: number;
}

/** Calls `visit` for every indexed term of a document with its field, section (-1: none) and position. */
function eachTerm(doc: StoredDoc, sections: Section[], locale: Locale, visit: (term: string, field: FieldIndex, section: number, position: number) => void): void {
  const positions = new Positions();
  const fieldText = (text: string, field: FieldIndex, section: number) => {
    positions.field();
    scan(text, locale, (t) => visit(t.term, field, section, positions.of(t)));
  };
  fieldText(doc.title, 0, -1);
  fieldText([doc.summary, doc.answer, doc.tags.join(' ')].join('\n'), 1, -1);
  sections.forEach((s, i) => {
    fieldText(s.heading, 2, i);
    fieldText(s.text, 3, i);
  });
}

/**
 * The inverted index of one locale (one per locale, as with Meilisearch: each has its own analysis).
 * Documents get ever-growing numbers, so an upsert appends to the posting lists and a removal shifts one
 * entry out of each: an edit is searchable at once, with no rebuild.
 */
export class LocaleIndex {
  readonly postings = new Map<string, PostingList>();
  trie = new TermTrie();
  readonly byId = new Map<string, DocRecord>();
  records: Array<DocRecord | undefined> = [];
  readonly lengthSums = new Float64Array(fieldCount);
  readonly askedAs: AskedAsField;
  /** The number the next new term gets (see PostingList.id). */
  private nextTermId = 0;
  /** The saved file the records' `stored` spans point into. */
  private sectionFile: SectionFile | undefined;
  /** Per document and field, 1 - b + b * length / average length: refreshed lazily after changes. */
  private norms = new Float64Array(0);
  private normsFresh = false;
  private normsB: readonly number[] = [];
  /** Per document, the summed idf of its distinct title terms: refreshed lazily after changes. */
  private titleIdfs = new Float64Array(0);
  private titleIdfsFresh = false;

  constructor(readonly locale: Locale) {
    this.askedAs = new AskedAsField(locale);
  }

  get size(): number {
    return this.byId.size;
  }

  add(input: SearchDocument): void {
    this.remove(input.id);
    const { doc, sections } = storedForm(input);
    const num = this.records.length;
    const lengths = new Float64Array(fieldCount);
    const terms = new Map<string, TermStats>();
    const titleLists: PostingList[] = [];
    const sequenceTerms: string[] = [];
    const sequencePositions: number[] = [];
    eachTerm(doc, sections, this.locale, (term, field, section, position) => {
      if (position <= maxPosition) {
        sequenceTerms.push(term);
        sequencePositions.push(position);
      }
      let stats = terms.get(term);
      if (!stats) {
        stats = { tf: [0, 0, 0, 0], mask: 0 };
        terms.set(term, stats);
      }
      stats.tf[field]!++;
      if (section >= 0) stats.mask |= sectionBit(section);
      lengths[field]!++;
    });
    for (const [term, stats] of terms) {
      let list = this.postings.get(term);
      if (!list) {
        list = new PostingList();
        this.addTerm(term, list);
      }
      list.add(num, stats.tf, stats.mask);
      if (stats.tf[0]) titleLists.push(list);
    }
    const sequence = termSequence(sequenceTerms.map((term) => this.postings.get(term)!.id), sequencePositions);
    this.attach({ num, doc, lengths, sequence, titleLists, sections });
  }

  /** Registers a new term with its list, numbering it in the order terms arrive (loading keeps the saved order). */
  addTerm(term: string, list: PostingList): void {
    list.id = this.nextTermId++;
    this.postings.set(term, list);
    this.trie.add(term);
  }

  /** How many term numbers are in use, removed terms included. */
  get termIdCount(): number {
    return this.nextTermId;
  }

  /** Registers a record whose postings are already in place (used by add and by loading). */
  attach(record: DocRecord): void {
    this.records[record.num] = record;
    this.byId.set(record.doc.id, record);
    for (let f = 0; f < fieldCount; f++) this.lengthSums[f] = this.lengthSums[f]! + record.lengths[f]!;
    this.normsFresh = false;
    this.titleIdfsFresh = false;
    this.askedAs.invalidate();
  }

  remove(id: string): boolean {
    const record = this.byId.get(id);
    if (!record) return false;
    let sections: Section[] | undefined;
    try {
      sections = this.sectionsOf(record);
    } catch (error) {
      console.warn(`[search] stored text of ${id} unreadable, removing it the slow way:`, error instanceof Error ? error.message : error);
    }
    if (sections) {
      // Analysis is deterministic, so the document's own terms say which lists hold it.
      const seen = new Set<string>();
      eachTerm(record.doc, sections, this.locale, (term) => {
        if (seen.has(term)) return;
        seen.add(term);
        this.postings.get(term)?.remove(record.num);
      });
    } else {
      for (const list of this.postings.values()) list.remove(record.num);
    }
    this.byId.delete(id);
    this.records[record.num] = undefined;
    for (let f = 0; f < fieldCount; f++) this.lengthSums[f] = this.lengthSums[f]! - record.lengths[f]!;
    this.normsFresh = false;
    this.titleIdfsFresh = false;
    this.askedAs.invalidate();
    return true;
  }

  sectionCount(record: DocRecord): number {
    return record.sections?.length ?? record.stored?.length ?? 0;
  }

  /** One section of a document, from memory or from the saved file (a snippet needs only one). */
  section(record: DocRecord, i: number): Section | undefined {
    if (record.sections) return record.sections[i];
    const span = record.stored?.[i];
    return span ? this.file(record).read(span) : undefined;
  }

  sectionsOf(record: DocRecord): Section[] {
    return record.sections ?? (record.stored ?? []).map((span) => this.file(record).read(span));
  }

  /** Bytes of the saved file (a save copies the sections of documents already saved from there). */
  storedBytes(span: Span): Buffer {
    if (!this.sectionFile) throw new Error('no saved index file');
    return this.sectionFile.readBytes(span);
  }

  private file(record: DocRecord): SectionFile {
    if (!this.sectionFile) throw new Error(`no stored text for ${record.doc.id}`);
    return this.sectionFile;
  }

  /**
   * Switches to a newly saved file: records written to it read their sections from there and drop their
   * copy in memory; records added since keep theirs until the next save.
   */
  useSectionFile(file: SectionFile, spans: ReadonlyMap<DocRecord, Span[]>): void {
    for (const [record, span] of spans) {
      if (this.records[record.num] !== record) continue;
      record.stored = span;
      delete record.sections;
    }
    this.sectionFile?.close();
    this.sectionFile = file;
  }

  /** Closes the saved file; records without sections in memory can no longer be read. */
  close(): void {
    this.sectionFile?.close();
    this.sectionFile = undefined;
  }

  clear(): void {
    this.postings.clear();
    this.byId.clear();
    this.records = [];
    this.lengthSums.fill(0);
    this.normsFresh = false;
    this.titleIdfsFresh = false;
    this.askedAs.invalidate();
    this.trie = new TermTrie();
    this.nextTermId = 0;
  }

  /**
   * Moves every posting list into one set of arrays when many have arrays of their own, as after building
   * an index in this process: each list's three arrays with room to grow cost several times its entries
   * (measured at 5,000 articles: hundreds of megabytes right after the first build). Called after each
   * batch of upserts and after saves; a few edits since the last load do not trigger it.
   */
  compactPostings(): void {
    let total = 0;
    let owned = 0;
    for (const list of this.postings.values()) {
      total += list.length;
      if (!list.isShared) owned++;
    }
    if (owned < Math.max(1000, this.postings.size / 10)) return;
    const docs = new Int32Array(total);
    const masks = new Int32Array(total);
    const tfs = new Uint16Array(total * fieldCount);
    let at = 0;
    for (const list of this.postings.values()) {
      list.moveTo(docs, masks, tfs, at);
      at += list.length;
    }
  }

  /** The learned "asked as" frequencies of a term, by document number; undefined when nothing was learned for it. */
  askedAsList(term: string): AskedAsList | undefined {
    return this.askedAs.list(term, (id) => this.byId.get(id)?.num);
  }

  /** Live documents a term occurs in. */
  df(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** Inverse document frequency as in BM25, always positive. */
  idf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * Per document number, the idf of its distinct title terms added up: how much its title says, for the
   * title-match bonus. Each idf is rounded to a multiple of 2^-32, so the sums are exact and do not depend
   * on the order of the terms (which follows the index's history).
   */
  titleIdfSums(): Float64Array {
    if (this.titleIdfsFresh && this.titleIdfs.length === this.records.length) return this.titleIdfs;
    const scale = 2 ** 32;
    const sums = new Float64Array(this.records.length);
    let missing = false;
    for (const record of this.byId.values()) if (!record.titleLists) missing = true;
    if (missing) this.findTitleLists();
    // idf depends on df alone: work each one out once.
    const byDf = new Float64Array(this.size + 1);
    for (const record of this.byId.values()) {
      let sum = 0;
      for (const { length: df } of record.titleLists!) sum += byDf[df] ||= Math.round(this.idf(df) * scale);
      sums[record.num] = sum / scale;
    }
    this.titleIdfs = sums;
    this.titleIdfsFresh = true;
    return sums;
  }

  /** Gives loaded records their title lists, in one pass over the postings. */
  private findTitleLists(): void {
    for (const record of this.byId.values()) record.titleLists ??= [];
    const lists: Array<PostingList[] | undefined> = this.records.map((r) => (r && r.titleLists!.length === 0 ? r.titleLists : undefined));
    for (const list of this.postings.values()) {
      const { docs, tfs, start } = list;
      for (let i = start; i < start + list.length; i++) if (tfs[i * fieldCount]) lists[docs[i]!]?.push(list);
    }
  }

  lengthNorms(b: readonly number[]): Float64Array {
    if (this.normsFresh && this.normsB === b && this.norms.length === this.records.length * fieldCount) return this.norms;
    const n = Math.max(1, this.size);
    const averages = Array.from(this.lengthSums, (sum) => Math.max(sum / n, 1));
    const norms = new Float64Array(this.records.length * fieldCount);
    for (const record of this.byId.values()) {
      for (let f = 0; f < fieldCount; f++) {
        const bf = b[f]!;
        norms[record.num * fieldCount + f] = 1 - bf + (bf * record.lengths[f]!) / averages[f]!;
      }
    }
    this.norms = norms;
    this.normsFresh = true;
    this.normsB = b;
    return norms;
  }
}
