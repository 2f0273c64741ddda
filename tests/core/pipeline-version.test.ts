import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { installedPackages, pipelineVersion } from '@core/content/parse-cache.ts';
import { pipelineSourceFiles, pipelineSourcesHash } from '@core/markdown/pipeline-sources.mjs';
import { pipelinePackages, pipelineSourcesSha256 } from '@core/markdown/pipeline-version.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Loads a module of the repository that no alias reaches (the root and scripts/). */
async function load<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(root, file)).href)) as T;
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A directory holding a copy of the pipeline's source files, at the same relative paths. */
function copyOfSources(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pipeline-sources-'));
  temps.push(dir);
  for (const file of pipelineSourceFiles(root)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  return dir;
}

describe('pipeline version', () => {
  it('is the hash of the pipeline sources on disk, the value astro.config.mjs gives the build', async () => {
    const sources = pipelineSourcesSha256();
    expect(sources).toMatch(/^[0-9a-f]{64}$/);
    expect(sources).toBe(pipelineSourcesHash(root));
    expect(pipelineSourceFiles(root)).toEqual(expect.arrayContaining(['core/markdown/render.ts', 'core/content/parse-article.ts', 'core/content/schema.ts']));
    expect(pipelineSourceFiles(root)).not.toContain('core/markdown/pipeline-version.ts');
    const config = await load<{ default: { vite?: { define?: Record<string, string> } } }>('astro.config.mjs');
    expect(config.default.vite?.define?.__PIPELINE_SOURCES_SHA256__).toBe(JSON.stringify(sources));
  });

  it('changes when a pipeline source changes or a new one appears, and only then', () => {
    const dir = copyOfSources();
    const original = pipelineSourcesHash(dir);
    expect(original).toBe(pipelineSourcesHash(root));

    // Not counted: the version file itself, code outside the pipeline, CRLF line endings.
    fs.writeFileSync(path.join(dir, 'core/markdown/pipeline-version.ts'), 'export const PIPELINE_REVISION = 2;\n');
    fs.writeFileSync(path.join(dir, 'core/content/store.ts'), '// not the pipeline\n');
    const render = path.join(dir, 'core/markdown/render.ts');
    fs.writeFileSync(render, fs.readFileSync(render, 'utf8').replace(/\n/g, '\r\n'));
    expect(pipelineSourcesHash(dir)).toBe(original);

    for (const file of ['core/markdown/render.ts', 'core/content/schema.ts']) {
      fs.appendFileSync(path.join(dir, file), '// one more line\n');
      expect(pipelineSourcesHash(dir), file).not.toBe(original);
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
      expect(pipelineSourcesHash(dir)).toBe(original);
    }

    fs.writeFileSync(path.join(dir, 'core/markdown/new-step.ts'), 'export const step = 1;\n');
    expect(pipelineSourcesHash(dir)).not.toBe(original);
  });

  it('lists every package the pipeline imports at run time', async () => {
    const { rooms } = await load<{ rooms: string[] }>('scripts/rooms.mjs');
    const imported = new Set<string>();
    for (const file of pipelineSourceFiles(root)) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^'.][^']*)'/gm)) {
        if (m[1]) continue;
        const spec = m[2]!;
        // `@core/...` and the other rooms are our own folders, not packages.
        if (rooms.some((room) => spec.startsWith(`@${room}/`))) continue;
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
