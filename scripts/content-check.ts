import fs from 'node:fs';
import path from 'node:path';
import { checkTrackArticles, TrackCatalog } from '@admin/onboarding/tracks.ts';
import { checkLinks } from '@core/content/links.ts';
import { checkGlossary, messageFiles } from '@core/i18n/glossary/check.ts';
import { locales } from '@core/i18n/locales.ts';
import { ContentStore } from '@core/content/store.ts';
import { SynonymCatalog } from '@core/content/synonyms.ts';
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

// Each locale's glossary: the articles and the UI strings must not mix up the terms it keeps apart.
const messagesDir = path.resolve(import.meta.dirname, '../core/i18n/messages');
let glossaryProblems = 0;
const reportGlossary = (file: string, text: string, locale: (typeof locales)[number], complaintStrings = false) => {
  for (const d of checkGlossary(text, locale, { complaintStrings })) {
    glossaryProblems++;
    console.error(formatDiagnostic(file, d));
  }
};
for (const a of [...articles].sort((x, y) => x.file.localeCompare(y.file))) reportGlossary(shown(a.file), fs.readFileSync(path.join(root, a.file), 'utf8'), a.locale);
for (const locale of locales) {
  for (const { file, complaintStrings } of messageFiles(locale)) {
    const full = path.join(messagesDir, file);
    reportGlossary(path.relative(process.cwd(), full), fs.readFileSync(full, 'utf8'), locale, complaintStrings);
  }
}

// Synonyms files: their shape, and each word in one group only.
const synonymProblems = [...new SynonymCatalog(root).problems()].flatMap(([file, diagnostics]) => diagnostics.map((d) => formatDiagnostic(shown(file), d)));
for (const line of synonymProblems) console.error(line);

const counts = new Map<string, number>();
for (const a of articles) {
  const key = `${a.locale}\t${a.meta.category}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
console.log(`${articles.length} articles OK, ${store.problems.size} files with ${problemCount} problems, ${linkProblems.length} broken links, ${glossaryProblems} glossary problems; ${trackLoad.tracks.length} onboarding tracks, ${trackProblemCount} track problems, ${synonymProblems.length} synonym problems`);
for (const [key, n] of [...counts].sort()) console.log(`  ${key}\t${n}`);
process.exit(store.problems.size || linkProblems.length || glossaryProblems || trackProblemCount || synonymProblems.length ? 1 : 0);
