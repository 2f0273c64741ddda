// Starts the built portal, then loads the knowledge base at once, so content problems and a bad
// configuration are reported at start-up rather than on the first visitor's request.
await import('../dist/server/entry.mjs');

const port = process.env.PORT ?? '4321';
const host = process.env.HOST ?? 'localhost';
const probeHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const url = `http://${probeHost}:${port}`;

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
