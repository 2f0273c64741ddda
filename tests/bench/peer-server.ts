/**
 * The bare peers the scale benchmark measures the portal against, each the least a server can do for the
 * same request, run as a process of its own:
 *
 *   static <port> <dir>        GET: the file under <dir> for the path (article pages saved from the portal)
 *   fts5 <port> <sqlite file>  GET /search?q&locale: FTS5 BM25 over Intl.Segmenter words, ten hits as JSON
 *   insert <port> <sqlite file> POST: one row per request, WAL with synchronous=NORMAL (the portal's durability)
 *
 * Prints "ready" once listening.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ftsQuery } from './fts5-corpus.ts';

const [kind, portText, target] = process.argv.slice(2);
if (!kind || !portText || !target) throw new Error('usage: peer-server.ts static|fts5|insert <port> <path>');

function staticHandler(root: string): http.RequestListener {
  return (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(root, path.normalize(pathname), 'index.html');
    if (!file.startsWith(root)) return void response.writeHead(400).end();
    fs.readFile(file, (error, body) => {
      if (error) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
    });
  };
}

function ftsHandler(file: string): http.RequestListener {
  const db = new Database(file, { readonly: true });
  const search = db.prepare('SELECT id, title FROM docs WHERE docs MATCH ? AND locale = ? ORDER BY bm25(docs, 0, 0, 10, 1) LIMIT 10');
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const match = ftsQuery(url.searchParams.get('q') ?? '');
    const hits = match ? search.all(match, url.searchParams.get('locale') ?? 'en') : [];
    const body = JSON.stringify({ hits });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  };
}

function insertHandler(file: string): http.RequestListener {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS complaints (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO complaints (body, created) VALUES (?, ?)');
  return (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        JSON.parse(body);
      } catch {
        return void response.writeHead(400).end();
      }
      const id = insert.run(body, new Date().toISOString()).lastInsertRowid;
      const answer = JSON.stringify({ id: Number(id) });
      response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
    });
  };
}

const handler = kind === 'static' ? staticHandler(path.resolve(target)) : kind === 'fts5' ? ftsHandler(target) : kind === 'insert' ? insertHandler(target) : undefined;
if (!handler) throw new Error(`unknown peer ${kind}`);
const server = http.createServer({ keepAliveTimeout: 30_000 }, handler);
server.listen(Number(portText), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
