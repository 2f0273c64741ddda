// Starts the built portal, then loads the knowledge base at once, so content problems and a bad
// configuration are reported at start-up rather than on the first visitor's request.
//
// This script owns the HTTP server instead of letting @astrojs/node start its own: the adapter turns the
// left-most X-Forwarded-For entry into Astro.clientAddress, so a client could pick its own address, and a
// page cannot reach the socket. For every request we write the socket's remote address into a header of
// our own (replacing whatever a client sent under that name) and publish the header's name on globalThis;
// core/http/client-address.ts reads it (docs/decisions/0007-client-address.md). The header name and the
// symbol are repeated there; keep this file self-contained (the benchmarks copy it alone).
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';

const socketAddressHeader = 'x-kb-socket-address';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import('../dist/server/entry.mjs');
globalThis[Symbol.for('kb.socketAddressHeader')] = socketAddressHeader;

function listener(req, res) {
  const address = req.socket.remoteAddress;
  if (address) req.headers[socketAddressHeader] = address;
  else delete req.headers[socketAddressHeader];
  handler(req, res);
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
  console.error(`[kb] cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});

const probeHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const scheme = server instanceof https.Server ? 'https' : 'http';
const url = `${scheme}://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}`;

for (let attempt = 0; attempt < 50; attempt++) {
  const response = await fetch(`${url}/healthz`).catch(() => undefined);
  if (response?.ok) {
    console.info(`[kb] ready: ${url}/`);
    break;
  }
  if (response) {
    console.error(`[kb] start-up check failed: HTTP ${response.status}`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
