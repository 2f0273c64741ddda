import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkedWriter } from '@search/embedded/chunked-writer.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-chunked-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ChunkedWriter', () => {
  it('writes pieces small and larger than its buffer, and typed-array ranges, in order', () => {
    const file = path.join(dir, 'out.bin');
    const pieces = [Buffer.from('head'), Buffer.alloc((1 << 20) - 2, 1), Buffer.from('xy'), Buffer.alloc(3 << 20, 2), Buffer.from('tail')];
    const ints = Int32Array.from([10, 20, 30, 40, 50]);
    const fd = fs.openSync(file, 'w');
    const out = new ChunkedWriter(fd);
    for (const piece of pieces) out.write(piece);
    out.writeArray(ints, 1, 3);
    out.flush();
    fs.closeSync(fd);
    const expected = Buffer.concat([...pieces, Buffer.from(ints.buffer, 4, 12)]);
    expect(out.position).toBe(expected.length);
    expect(fs.readFileSync(file).equals(expected)).toBe(true);
  });
});
