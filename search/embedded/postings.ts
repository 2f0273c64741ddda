import { fieldCount } from './ranking.ts';

/**
 * The documents one term occurs in, sorted by document number, with its frequency per field and a bit
 * per section (bit i: section i, the last bit shared by every section past 31) for choosing the snippet.
 *
 * Entry i lives at `start + i` of `docs` and `masks` (and `(start + i) * fieldCount + f` of `tfs`). A
 * loaded index keeps every list of a locale in three shared arrays, so a term costs one small object
 * instead of three typed-array views (measured at 5,000 articles: about 50 MB less). A shared list is
 * copied into arrays of its own the first time a change touches it.
 */
export class PostingList {
  docs: Int32Array;
  masks: Int32Array;
  tfs: Uint16Array;
  start: number;
  length: number;
  /** The term's number within its locale index, which the documents' term sequences refer to. */
  id = -1;
  private shared: boolean;

  constructor(docs: Int32Array = new Int32Array(2), masks: Int32Array = new Int32Array(2), tfs: Uint16Array = new Uint16Array(2 * fieldCount), start = 0, length = 0, shared = false) {
    this.docs = docs;
    this.masks = masks;
    this.tfs = tfs;
    this.start = start;
    this.length = length;
    this.shared = shared;
  }

  /** A list over `length` entries of arrays that other lists share, from entry `start`. */
  static view(docs: Int32Array, masks: Int32Array, tfs: Uint16Array, start: number, length: number): PostingList {
    return new PostingList(docs, masks, tfs, start, length, true);
  }

  /** Whether the list reads from arrays other lists share. */
  get isShared(): boolean {
    return this.shared;
  }

  /** Copies the entries into shared arrays from entry `at` and reads from there on. */
  moveTo(docs: Int32Array, masks: Int32Array, tfs: Uint16Array, at: number): void {
    const { start, length } = this;
    docs.set(this.docs.subarray(start, start + length), at);
    masks.set(this.masks.subarray(start, start + length), at);
    tfs.set(this.tfs.subarray(start * fieldCount, (start + length) * fieldCount), at * fieldCount);
    this.docs = docs;
    this.masks = masks;
    this.tfs = tfs;
    this.start = at;
    this.shared = true;
  }

  /** Appends a document; numbers only grow, so the list stays sorted. */
  add(doc: number, tf: ArrayLike<number>, mask: number): void {
    if (this.shared || this.length === this.docs.length) this.reallocate(Math.max(4, this.length * 2));
    const i = this.length++;
    this.docs[i] = doc;
    this.masks[i] = mask;
    for (let f = 0; f < fieldCount; f++) this.tfs[i * fieldCount + f] = Math.min(tf[f] ?? 0, 0xffff);
  }

  /** Position of `doc` in the list (0 to length - 1), or -1. */
  indexOf(doc: number): number {
    const { docs, start } = this;
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = docs[start + mid]!;
      if (d === doc) return mid;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  remove(doc: number): void {
    const i = this.indexOf(doc);
    if (i < 0) return;
    if (this.shared) this.reallocate(this.length);
    this.docs.copyWithin(i, i + 1, this.length);
    this.masks.copyWithin(i, i + 1, this.length);
    this.tfs.copyWithin(i * fieldCount, (i + 1) * fieldCount, this.length * fieldCount);
    this.length--;
  }

  /** Moves the entries into arrays of its own with room for `capacity`. */
  private reallocate(capacity: number): void {
    const { start, length } = this;
    const docs = new Int32Array(capacity);
    docs.set(this.docs.subarray(start, start + length));
    const masks = new Int32Array(capacity);
    masks.set(this.masks.subarray(start, start + length));
    const tfs = new Uint16Array(capacity * fieldCount);
    tfs.set(this.tfs.subarray(start * fieldCount, (start + length) * fieldCount));
    this.docs = docs;
    this.masks = masks;
    this.tfs = tfs;
    this.start = 0;
    this.shared = false;
  }
}

export function sectionBit(section: number): number {
  return 1 << Math.min(section, 31);
}
