import path from 'node:path';
import { checkTrackArticles, TrackCatalog } from '@admin/onboarding/tracks.ts';
import { checkLinks } from '@core/content/links.ts';
import { ContentStore } from '@core/content/store.ts';
import { formatDiagnostic } from '@core/markdown/diagnostic.ts';

/** Checks every article under a content directory; exits non-zero if any has a problem. */
const root = path.resolve(process.argv[2] ?? process.env.KB_CONTENT_DIR ?? 'content');
const store = new ContentStore(root).loadAll();
const articles = store.all();

const shown = (file: string) => path.join(path.relative(process.cwd(), root) || '.', file);
let problemCount = 0;
for (const [file, diagnostics] of [...store.problems].sort(([a], [b]) => a.localeCompare(b))) {
  for (const d of diagnostics) {
    problemCount++;
    console.error(formatDiagnostic(shown(file), d));
  }
}
// Valid files can still point readers at a dead end; those links are problems too.
const linkProblems = checkLinks(articles);
for (const { file, diagnostic } of linkProblems) console.error(formatDiagnostic(shown(file), diagnostic));

// Onboarding tracks: their own shape, and every step must name a published article.
const trackLoad = new TrackCatalog(root).load();
let trackProblemCount = 0;
for (const [file, diagnostics] of trackLoad.problems) {
  for (const d of diagnostics) {
    trackProblemCount++;
    console.error(formatDiagnostic(shown(file), d));
  }
}
const trackArticleProblems = checkTrackArticles(trackLoad.tracks, articles);
for (const { file, diagnostic } of trackArticleProblems) console.error(formatDiagnostic(shown(file), diagnostic));
trackProblemCount += trackArticleProblems.length;

const counts = new Map<string, number>();
for (const a of articles) {
  const key = `${a.locale}\t${a.meta.category}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
console.log(`${articles.length} articles OK, ${store.problems.size} files with ${problemCount} problems, ${linkProblems.length} broken links; ${trackLoad.tracks.length} onboarding tracks, ${trackProblemCount} track problems`);
for (const [key, n] of [...counts].sort()) console.log(`  ${key}\t${n}`);
process.exit(store.problems.size || linkProblems.length || trackProblemCount ? 1 : 0);
