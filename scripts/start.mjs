// Starts the built portal, then loads the knowledge base at once, so content problems and a bad
// configuration are reported at start-up rather than on the first visitor's request.
//
// This script owns the HTTP server instead of letting @astrojs/node start its own: the adapter turns the
// left-most X-Forwarded-For entry into Astro.clientAddress, so a client could pick its own address, and a
// page cannot reach the socket. For every request we write the socket's remote address into a header of
// our own (replacing whatever a client sent under that name) and publish the header's name on globalThis;
// core/http/client-address.ts reads it (docs/decisions/0007-client-address.md). The header name and the
// symbol are repeated there; keep this file self-contained (the benchmarks copy it alone, beside a link to node_modules).
//
// It also caps every request body while it is read (whatever the route, content type or headers) and
// compresses HTML, CSS, JS, JSON and SVG answers with brotli or gzip (the `compression` package).
//
// Static files are served from the set of files the build wrote, listed once at start: the adapter's own
// standalone server asked the disk on every request, pages and API calls included (docs/decisions/0110).
// Before the app, a page the app has already rendered for everyone may be answered at once: the app
// publishes that function on globalThis under Symbol.for('kb.cachedPage') (site/lib/fast-page.ts).
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import send from 'send';

const socketAddressHeader = 'x-kb-socket-address';

/** One JSON line, as core/log/log.ts writes them (repeated here: this file stays self-contained). */
function logEvent(level, event, fields) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
// Repeated in core/http/limited-body.ts, which publishes the configured limit and recognises the error.
const maxBodyBytesKey = Symbol.for('kb.maxBodyBytes');
const bodyTooLargeCode = 'KB_BODY_TOO_LARGE';

function bodyTooLarge(limit) {
  return Object.assign(new Error(`The request body is larger than ${limit} bytes.`), { name: 'BodyTooLarge', code: bodyTooLargeCode, limit });
}

/**
 * The request body as the app sees it: counted chunk by chunk and failed as soon as it passes the limit,
 * so an oversized body is never buffered. The limit is read when the app first pulls the body, after the
 * middleware has loaded the configuration; before that nothing may be read at all.
 */
async function* limitedBody(req) {
  const limit = globalThis[maxBodyBytesKey] ?? 0;
  if (Number(req.headers['content-length'] ?? 0) > limit) throw bodyTooLarge(limit);
  let size = 0;
  // Keeps the socket open when we stop reading, so the 413 answer still reaches the client.
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    size += chunk.byteLength;
    if (size > limit) {
      // The rest is read and dropped, never kept: unread data at close would make the kernel reset the
      // connection, and the client could lose the 413 before reading it.
      req.resume();
      throw bodyTooLarge(limit);
    }
    yield chunk;
  }
}

// Brotli is preferred when the client accepts it, at quality 4 (the package's default: per-request cost
// close to gzip's).
const compress = compression();

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler, options: adapterOptions } = await import('../dist/server/entry.mjs');
globalThis[Symbol.for('kb.socketAddressHeader')] = socketAddressHeader;
const cachedPageKey = Symbol.for('kb.cachedPage');

const clientDir = fileURLToPath(new URL('../dist/client/', import.meta.url));
// Content-hashed build output: a file under this folder never changes, so browsers may keep it for good.
const immutablePrefix = `/${adapterOptions?.assets ?? '_astro'}/`;

/** URL path (decoded) of every file the build put in dist/client, to the path `send` is given; a folder's index.html also answers for the folder. */
function listStaticFiles(root) {
  const files = new Map();
  const walk = (dir, prefix) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      // Dot-files stay private, as with the adapter's own server, except /.well-known/.
      if (entry.name.startsWith('.') && !(prefix === '' && entry.name === '.well-known')) continue;
      const urlPath = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), urlPath);
      else if (entry.isFile()) {
        files.set(urlPath, urlPath);
        if (entry.name === 'index.html') {
          files.set(prefix || '/', urlPath);
          if (prefix) files.set(`${prefix}/`, urlPath);
        }
      }
    }
  };
  if (fs.existsSync(root)) walk(root, '');
  return files;
}
const staticFiles = listStaticFiles(clientDir);

function serveStatic(req, res, file) {
  const stream = send(req, file, { root: clientDir, dotfiles: 'allow' });
  stream.on('headers', (response) => {
    if (file.startsWith(immutablePrefix)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  });
  // The file was listed at start; if it has gone since, the app answers (its 404 page).
  stream.on('error', () => {
    if (res.headersSent) res.destroy();
    else handler(req, res);
  });
  stream.pipe(res);
}

function route(req, res) {
  const urlPath = req.url.split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400);
    res.end('Bad request.');
    return;
  }
  const file = req.method === 'GET' || req.method === 'HEAD' ? staticFiles.get(decoded) : undefined;
  if (file) serveStatic(req, res, file);
  else if (!globalThis[cachedPageKey]?.(req, res)) handler(req, res);
}

function listener(req, res) {
  const address = req.socket.remoteAddress;
  if (address) req.headers[socketAddressHeader] = address;
  else delete req.headers[socketAddressHeader];
  if (req.method !== 'GET' && req.method !== 'HEAD') req.body = limitedBody(req);
  compress(req, res, () => route(req, res));
}

const port = process.env.PORT ?? '4321';
const host = process.env.HOST ?? 'localhost';
// As the adapter's own server: HTTPS when given a certificate and key.
const server =
  process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH
    ? https.createServer({ cert: fs.readFileSync(process.env.SERVER_CERT_PATH), key: fs.readFileSync(process.env.SERVER_KEY_PATH) }, listener)
    : http.createServer(listener);
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(Number(port), host, () => {
    server.off('error', reject);
    resolve(undefined);
  });
}).catch((error) => {
  logEvent('error', 'server.listen_failed', { host, port: Number(port), error: error.message, message: `[kb] cannot listen on ${host}:${port}` });
  process.exit(1);
});

const probeHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const scheme = server instanceof https.Server ? 'https' : 'http';
const url = `${scheme}://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}`;

for (let attempt = 0; attempt < 50; attempt++) {
  const response = await fetch(`${url}/healthz`).catch(() => undefined);
  if (response?.ok) {
    logEvent('info', 'server.ready', { url: `${url}/`, ms: Math.round(process.uptime() * 1000), message: `[kb] ready: ${url}/` });
    break;
  }
  if (response) {
    logEvent('error', 'server.start_check_failed', { status: response.status, message: `[kb] start-up check failed: HTTP ${response.status}` });
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
