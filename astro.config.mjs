import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';

// Server output: articles change at run time (editor saves, git pulls), so pages render per request.
export default defineConfig({
  srcDir: './site',
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [preact()],
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  security: { checkOrigin: true },
  // Hashes every script and style Astro emits into a CSP meta tag, so no inline script can run unannounced.
  experimental: { csp: true },
  vite: {
    ssr: { external: ['better-sqlite3'] },
  },
});
