import { pipelineSourcesHash } from './pipeline-sources.mjs';

/**
 * What the version of the article pipeline is made of. Parse results are cached on disk under a key
 * that includes this version (`core/content/parse-cache.ts`), so anything that can change what
 * `parseArticle()` returns for the same text must change the version. The rule:
 *
 * - Our own code: `pipelineSourcesSha256()` is the hash of every .ts file in `core/markdown/` (except
 *   this one) plus `core/content/parse-article.ts` and `core/content/schema.ts`; the list and the hashing
 *   are in `pipeline-sources.mjs`. No one keeps it by hand: running from sources (Vitest, the tsx tools) it is
 *   computed from the files when the cache opens; under Astro (`astro build`, `astro dev`) astro.config.mjs
 *   computes it the same way and Vite writes the value into the code, so the built server, which has no
 *   sources beside it, carries the hash of the sources it was built from. Any edit to those files,
 *   comments and formatting included, costs one full parse at the next start.
 * - `PIPELINE_REVISION`: bump by hand when the output changes for a reason outside those files
 *   (for example a helper moved elsewhere that the pipeline calls).
 * - Packages: the installed versions of `pipelinePackages` and everything they depend on are read from
 *   their package.json at start-up, so `npm update` invalidates the cache by itself.
 *   `tests/core/pipeline-version.test.ts` fails when a file above imports a package missing from the list.
 * - Data: callout labels of every locale, the locales, categories and product ids are read at start-up.
 *   The tokenizer is not part of it: parsing does not tokenize (search keeps its own index version).
 */
export const PIPELINE_REVISION = 1;

/** Set by astro.config.mjs (a Vite `define`) in the code Astro builds or serves; absent under Vitest and tsx. */
declare const __PIPELINE_SOURCES_SHA256__: string | undefined;

/** Throws when running from sources that cannot be read; the parse cache then stays off. */
export function pipelineSourcesSha256(): string {
  return typeof __PIPELINE_SOURCES_SHA256__ === 'string' ? __PIPELINE_SOURCES_SHA256__ : pipelineSourcesHash();
}

/** Packages the pipeline calls at run time (type-only imports need not be listed). */
export const pipelinePackages = [
  'github-slugger',
  'hast-util-to-string',
  'rehype-sanitize',
  'rehype-stringify',
  'remark-gfm',
  'remark-mdx',
  'remark-parse',
  'remark-rehype',
  'unified',
  'unist-util-visit',
  'yaml',
  'zod',
] as const;
