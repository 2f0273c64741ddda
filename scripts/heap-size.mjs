// Prints the V8 heap limit in MB (for --max-old-space-size) that `npm start` gives the server: KB_HEAP_MB
// when set, otherwise derived from the size of the article files under KB_CONTENT_DIR (./content).
// The server keeps every article's parsed text, HTML and search postings in memory: the benchmark's 5,000
// articles (27 MB of text) peaked at 646 MB of RSS during their first start, so about 10 bytes of heap per
// byte of text leaves room (docs/performance.md). Below 512 MB V8's collector runs too often; above 4 GB
// the machine's other work suffers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const minHeapMb = 512;
const maxHeapMb = 4096;
const heapBytesPerContentByte = 10;

/** @param {string} dir @returns {number} */
function articleBytes(dir) {
  let total = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += articleBytes(full);
    else if (/\.mdx?$/.test(entry.name)) total += fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

/** The heap limit for a knowledge base in `contentDir`, in MB. @param {string} contentDir @returns {number} */
export function heapMbFor(contentDir) {
  const derived = Math.ceil((articleBytes(contentDir) * heapBytesPerContentByte) / (1024 * 1024));
  return Math.min(maxHeapMb, Math.max(minHeapMb, derived));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fixed = Number(process.env.KB_HEAP_MB);
  console.log(Number.isInteger(fixed) && fixed > 0 ? fixed : heapMbFor(process.env.KB_CONTENT_DIR ?? './content'));
}
