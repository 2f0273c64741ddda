import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedPackages, pipelineVersion } from '@core/content/parse-cache.ts';
import { PIPELINE_SOURCES_SHA256, pipelinePackages } from '@core/markdown/pipeline-version.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The files whose code shapes what parseArticle() returns (see core/markdown/pipeline-version.ts). */
function pipelineSources(): string[] {
  const markdown = fs
    .readdirSync(path.join(root, 'core/markdown'))
    .filter((f) => f.endsWith('.ts') && f !== 'pipeline-version.ts')
    .map((f) => `core/markdown/${f}`);
  return [...markdown, 'core/content/parse-article.ts', 'core/content/schema.ts'].sort();
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of pipelineSources()) hash.update(`${file}\0${fs.readFileSync(path.join(root, file), 'utf8').replace(/\r\n/g, '\n')}\0`);
  return hash.digest('hex');
}

describe('pipeline version', () => {
  it('is recorded for the current pipeline code', () => {
    const now = sourcesHash();
    // Fails after any edit to the pipeline's code. Set PIPELINE_SOURCES_SHA256 in
    // core/markdown/pipeline-version.ts to the value printed here: that invalidates cached parse results.
    expect(PIPELINE_SOURCES_SHA256, `set PIPELINE_SOURCES_SHA256 in core/markdown/pipeline-version.ts to '${now}'`).toBe(now);
  });

  it('lists every package the pipeline imports at run time', () => {
    const imported = new Set<string>();
    for (const file of pipelineSources()) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^'.][^']*)'/gm)) {
        if (m[1]) continue;
        const spec = m[2]!;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect([...imported].filter((p) => !p.startsWith('node:') && !(pipelinePackages as readonly string[]).includes(p))).toEqual([]);
  });

  it('includes the installed versions of the pipeline packages and their dependencies', () => {
    const packages = installedPackages(pipelinePackages);
    const unifiedVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/unified/package.json'), 'utf8')) as { version: string }).version;
    expect(packages).toContain(`unified@${unifiedVersion}`);
    // Dependencies of dependencies count too: remark-rehype does its work through mdast-util-to-hast.
    expect(packages.some((p) => p.startsWith('mdast-util-to-hast@'))).toBe(true);
    expect(() => installedPackages(['no-such-package-kb'])).toThrow(/no-such-package-kb/);
    expect(pipelineVersion()).toMatch(/^[0-9a-f]{64}$/);
    expect(pipelineVersion()).toBe(pipelineVersion());
  });
});
