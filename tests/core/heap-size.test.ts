import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/heap-size.mjs');
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function heapFor(files: Record<string, number>, env: Record<string, string> = {}): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-heap-'));
  temps.push(dir);
  for (const [file, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    // Sparse files: the size is what counts, nothing is written.
    fs.writeFileSync(path.join(dir, file), '');
    fs.truncateSync(path.join(dir, file), bytes);
  }
  return Number(execFileSync(process.execPath, [script], { env: { ...process.env, KB_HEAP_MB: '', KB_CONTENT_DIR: dir, ...env }, encoding: 'utf8' }).trim());
}

const mb = 1024 * 1024;

describe('the heap limit npm start gives the server', () => {
  it('grows with the article files, 10 MB per MB of articles, between 512 MB and 4 GB', () => {
    expect(heapFor({ 'en/faq/a.mdx': 2 * mb })).toBe(512);
    expect(heapFor({ 'en/faq/a.mdx': 100 * mb, 'fi/faq/b.md': 50 * mb, 'en/notes.txt': 500 * mb, 'en/.hidden/c.mdx': 500 * mb })).toBe(1500);
    expect(heapFor({ 'en/faq/a.mdx': 1000 * mb })).toBe(4096);
  });

  it('takes KB_HEAP_MB as it is when set', () => {
    expect(heapFor({ 'en/faq/a.mdx': 100 * mb }, { KB_HEAP_MB: '700' })).toBe(700);
  });
});
