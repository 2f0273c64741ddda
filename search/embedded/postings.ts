import { fieldCount } from './ranking.ts';

/**
 * The documents one term occurs in, sorted by document number, with its frequency per field and a bit
 * per section (bit i: section i, the last bit shared by every section past 31) for choosing the snippet.
 * Typed arrays keep 5,000 articles' postings in a few tens of megabytes and load straight from disk.
 */
export class PostingList {
  docs: Int32Array;
  masks: Int32Array;
  tfs: Uint16Array;
  length: number;

  constructor(docs = new Int32Array(2), masks = new Int32Array(2), tfs = new Uint16Array(2 * fieldCount), length = 0) {
    this.docs = docs;
    this.masks = masks;
    this.tfs = tfs;
    this.length = length;
  }

  /** Appends a document; numbers only grow, so the list stays sorted. */
  add(doc: number, tf: ArrayLike<number>, mask: number): void {
    if (this.length === this.docs.length) this.grow();
    const i = this.length++;
    this.docs[i] = doc;
    this.masks[i] = mask;
    for (let f = 0; f < fieldCount; f++) this.tfs[i * fieldCount + f] = Math.min(tf[f] ?? 0, 0xffff);
  }

  indexOf(doc: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.docs[mid]!;
      if (d === doc) return mid;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  remove(doc: number): void {
    const i = this.indexOf(doc);
    if (i < 0) return;
    this.docs.copyWithin(i, i + 1, this.length);
    this.masks.copyWithin(i, i + 1, this.length);
    this.tfs.copyWithin(i * fieldCount, (i + 1) * fieldCount, this.length * fieldCount);
    this.length--;
  }

  private grow(): void {
    const capacity = Math.max(4, this.docs.length * 2);
    const docs = new Int32Array(capacity);
    docs.set(this.docs.subarray(0, this.length));
    const masks = new Int32Array(capacity);
    masks.set(this.masks.subarray(0, this.length));
    const tfs = new Uint16Array(capacity * fieldCount);
    tfs.set(this.tfs.subarray(0, this.length * fieldCount));
    this.docs = docs;
    this.masks = masks;
    this.tfs = tfs;
  }
}

export function sectionBit(section: number): number {
  return 1 << Math.min(section, 31);
}
