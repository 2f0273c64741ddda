// Vite plugin for the server build: the article parse pool (core/content/parse-pool.ts) runs its worker from a
// file, but a bundler folds every module into chunks and leaves no worker file behind. In the server build
// this emits the worker as a chunk of its own and writes its URL into the pool's code, where
// `__PARSE_WORKER_URL__` stands; Rollup turns `import.meta.ROLLUP_FILE_URL_<ref>` into that chunk's URL
// relative to the chunk that holds the pool, wherever it lands.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const workerEntry = path.join(root, 'core/content/parse-worker.ts');
const poolModule = path.join(root, 'core/content/parse-pool.ts');

/** @returns {import('vite').Plugin} */
export function parseWorkerPlugin() {
  let ssr = false;
  /** @type {string | undefined} */
  let ref;
  return {
    name: 'kb-parse-worker',
    apply: 'build',
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    buildStart() {
      ref = ssr ? this.emitFile({ type: 'chunk', id: workerEntry, name: 'parse-worker' }) : undefined;
    },
    transform(code, id) {
      if (!ref || id.split('?')[0] !== poolModule) return undefined;
      return { code: code.replaceAll('__PARSE_WORKER_URL__', `import.meta.ROLLUP_FILE_URL_${ref}`), map: null };
    },
  };
}
