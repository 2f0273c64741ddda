import fs from 'node:fs';

/**
 * Writes a file through one reusable 1 MB buffer, so saving an index never builds the whole file in
 * memory (at 5,000 articles a locale's file is 10-20 MB, and large short-lived buffers inflate the
 * process's resident memory long after they are freed).
 */
export class ChunkedWriter {
  private readonly chunk = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** Bytes written so far, buffered ones included. */
  position = 0;

  constructor(private readonly fd: number) {}

  write(bytes: Uint8Array): void {
    this.position += bytes.length;
    if (bytes.length > this.chunk.length - this.used) this.flush();
    if (bytes.length >= this.chunk.length) {
      this.writeAll(bytes);
      return;
    }
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** The bytes of a typed array as they are in memory (little-endian on every platform Node runs on here). */
  writeArray(array: Int32Array | Uint16Array, start: number, length: number): void {
    const size = array.BYTES_PER_ELEMENT;
    this.write(new Uint8Array(array.buffer, array.byteOffset + start * size, length * size));
  }

  flush(): void {
    if (this.used) this.writeAll(this.chunk.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done);
  }
}
