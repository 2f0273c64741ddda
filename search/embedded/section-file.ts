import fs from 'node:fs';
import type { Section } from '@core/markdown/extract.ts';

/** Where one section sits in an index file: UTF-8 JSON, `length` bytes from `offset`. */
export interface Span {
  offset: number;
  length: number;
}

/**
 * A saved index file, kept open. Loading reads its parts straight into their arrays, and the sections of
 * its documents are read one at a time when a snippet or a removal needs them instead of being kept in
 * memory (they are the largest part of a stored document, and the content store holds the same text
 * already). A save that replaces the file by rename cannot move the bytes under an open descriptor; reads
 * come from the page cache.
 */
export class SectionFile {
  private constructor(private fd: number | undefined) {}

  static open(file: string): SectionFile {
    return new SectionFile(fs.openSync(file, 'r'));
  }

  size(): number {
    return fs.fstatSync(this.descriptor()).size;
  }

  /** Fills `target` with the bytes from `offset`; throws when the file ends first. */
  readInto(target: Uint8Array, offset: number): void {
    let done = 0;
    while (done < target.length) {
      const read = fs.readSync(this.descriptor(), target, done, target.length - done, offset + done);
      if (read === 0) throw new Error(`index file ends early (${done} of ${target.length} bytes at ${offset})`);
      done += read;
    }
  }

  readBytes(span: Span): Buffer {
    const bytes = Buffer.allocUnsafe(span.length);
    this.readInto(bytes, span.offset);
    return bytes;
  }

  read(span: Span): Section {
    return JSON.parse(this.readBytes(span).toString('utf8')) as Section;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private descriptor(): number {
    if (this.fd === undefined) throw new Error('index file already closed');
    return this.fd;
  }
}
