import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { pipelineSourcesHash } from './core/markdown/pipeline-sources.mjs';
import { parseWorkerPlugin } from './scripts/parse-worker-plugin.mjs';
import { roomAliases } from './scripts/rooms.mjs';

// Server output: articles change at run time (editor saves, git pulls), so pages render per request.
export default defineConfig({
  srcDir: './site',
  output: 'server',
  // Middleware mode: scripts/start.mjs runs the server and serves the built static files itself (decision 0110).
  adapter: node({ mode: 'middleware' }),
  integrations: [preact()],
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  // allowedDomains: Astro builds request URLs only from Host headers it is told to trust; with none it uses
  // http://localhost (no port), and the origin check then rejects every same-site form post on any other
  // port or host. `{}` trusts the Host header: CSRF safety holds because Origin and Host come from the same
  // browser request. Absolute links use SITE_URL, never the Host header. See docs/decisions/0003.
  security: { checkOrigin: true, allowedDomains: [{}] },
  // Hashes every script and style Astro emits into a CSP meta tag, so no inline script can run unannounced.
  experimental: { csp: true },
  vite: {
    resolve: { alias: roomAliases },
    ssr: { external: ['better-sqlite3'] },
    plugins: [parseWorkerPlugin()],
    // The built server has no pipeline sources beside it to hash; see core/markdown/pipeline-version.ts.
    define: { __PIPELINE_SOURCES_SHA256__: JSON.stringify(pipelineSourcesHash()) },
  },
});
