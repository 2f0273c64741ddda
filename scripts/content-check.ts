import path from 'node:path';
import { ContentStore } from '../core/content/store.ts';
import { formatDiagnostic } from '../core/markdown/diagnostic.ts';

/** Checks every article under a content directory; exits non-zero if any has a problem. */
const root = path.resolve(process.argv[2] ?? process.env.KB_CONTENT_DIR ?? 'content');
const store = new ContentStore(root).loadAll();
const articles = store.all();

let problemCount = 0;
for (const [file, diagnostics] of [...store.problems].sort(([a], [b]) => a.localeCompare(b))) {
  for (const d of diagnostics) {
    problemCount++;
    console.error(formatDiagnostic(path.join(path.relative(process.cwd(), root) || '.', file), d));
  }
}

const counts = new Map<string, number>();
for (const a of articles) {
  const key = `${a.locale}\t${a.meta.category}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
console.log(`${articles.length} articles OK, ${store.problems.size} files with ${problemCount} problems`);
for (const [key, n] of [...counts].sort()) console.log(`  ${key}\t${n}`);
process.exit(store.problems.size ? 1 : 0);
