/**
 * What the version of the article pipeline is made of. Parse results are cached on disk under a key
 * that includes this version (`core/content/parse-cache.ts`), so anything that can change what
 * `parseArticle()` returns for the same text must change the version. The rule:
 *
 * - Our own code: `PIPELINE_SOURCES_SHA256` is the hash of every file in `core/markdown/` (except this
 *   one) plus `core/content/parse-article.ts` and `core/content/schema.ts`. `tests/core/pipeline-version.test.ts`
 *   fails when those files change and prints the new hash; putting it here is what invalidates the cache.
 *   Edits that cannot change the output (comments, formatting) cost one full parse at the next start.
 * - `PIPELINE_REVISION`: bump by hand when the output changes for a reason outside those files
 *   (for example a helper moved elsewhere that the pipeline calls).
 * - Packages: the installed versions of `pipelinePackages` and everything they depend on are read from
 *   their package.json at start-up, so `npm update` invalidates the cache by itself. The same test fails
 *   when a file above imports a package that is missing from the list.
 * - Data: callout labels of every locale, the locales, categories and product ids are read at start-up.
 *   The tokenizer is not part of it: parsing does not tokenize (search keeps its own index version).
 */
export const PIPELINE_REVISION = 1;

export const PIPELINE_SOURCES_SHA256 = '0627360ddf1df897412878d2a4c456d1ef9cd41070ebb384f4049c92bc52b87f';

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
