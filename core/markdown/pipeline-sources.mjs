// Which files make up the article pipeline's own code, and their hash. One implementation for both users:
// astro.config.mjs fixes the value into the built server, core/markdown/pipeline-version.ts computes it
// when running from sources (Vitest, the tsx command-line tools).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository, as seen from this file's place in it (core/markdown/). */
const sourceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The files whose code shapes what parseArticle() returns, relative to `root`, sorted: every .ts file in
 * core/markdown/ (a new one counts by itself) except pipeline-version.ts, whose constants go into the
 * version on their own, plus core/content/parse-article.ts, the schema and the vocabularies the schema and
 * the placeholder check use.
 * @param {string} [root]
 * @returns {string[]}
 */
export function pipelineSourceFiles(root = sourceRoot) {
  const markdown = fs
    .readdirSync(path.join(root, 'core/markdown'))
    .filter((f) => f.endsWith('.ts') && f !== 'pipeline-version.ts')
    .map((f) => `core/markdown/${f}`);
  return [...markdown, 'core/content/parse-article.ts', 'core/content/schema.ts', 'core/content/placeholders.ts', 'core/content/complaint-categories.ts'].sort();
}

/**
 * sha256 of those files' names and texts. Line endings are normalised: a checkout with CRLF is the same code.
 * @param {string} [root]
 * @returns {string}
 */
export function pipelineSourcesHash(root = sourceRoot) {
  const hash = createHash('sha256');
  for (const file of pipelineSourceFiles(root)) hash.update(`${file}\0${fs.readFileSync(path.join(root, file), 'utf8').replace(/\r\n/g, '\n')}\0`);
  return hash.digest('hex');
}
