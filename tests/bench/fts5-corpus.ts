import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';

const han = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });

/** Chinese text as words separated by spaces, which FTS5's unicode61 tokenizer then takes as tokens. */
function words(text: string): string {
  if (!han.test(text)) return text;
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment).join(' ');
}

/** An FTS5 query for what a customer typed: every word required, the last one as a prefix (search as you type). */
export function ftsQuery(q: string): string {
  const terms = words(q.normalize('NFKC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 && !han.test(t) ? '*' : ''}`).join(' ');
}

/**
 * Indexes the published public articles of a content directory in an FTS5 table: id and locale stored,
 * title and body searched (BM25 weights 10 and 1).
 */
export function buildFtsIndex(contentDir: string, file: string, articles: Array<{ file: string; id: string; locale: string }>): number {
  const db = new Database(file);
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, locale UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO docs (id, locale, title, body) VALUES (?, ?, ?, ?)');
  let count = 0;
  db.transaction(() => {
    for (const article of articles) {
      const source = fs.readFileSync(path.join(contentDir, article.file), 'utf8');
      const end = source.indexOf('\n---', 4);
      const meta = parse(source.slice(4, end)) as { title: string };
      insert.run(article.id, article.locale, words(meta.title), words(source.slice(end + 4)));
      count++;
    }
  })();
  db.close();
  return count;
}
