import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '@core/content/article.ts';
import type { ContentChange, ContentStore } from '@core/content/store.ts';
import { toSearchDocument } from './documents.ts';
import type { SearchEngine } from './port.ts';

function fingerprint(article: Article): string {
  return createHash('sha256').update(JSON.stringify(toSearchDocument(article))).digest('base64url');
}

/** Drafts are never indexed: nobody finds what is not published. */
function indexable(article: Article): boolean {
  return article.meta.status === 'published';
}

/**
 * Keeps a search engine in step with the content store. A manifest of document fingerprints lets a
 * restart index only what changed while the server was down.
 */
export class SearchIndexer {
  private queue: Promise<void> = Promise.resolve();
  private readonly onChange = (change: ContentChange) => this.apply(change);

  constructor(
    private readonly engine: SearchEngine,
    private readonly store: ContentStore,
    private readonly manifestFile: string,
  ) {}

  private readManifest(): Map<string, string> {
    try {
      return new Map(Object.entries(JSON.parse(fs.readFileSync(this.manifestFile, 'utf8')) as Record<string, string>));
    } catch {
      return new Map();
    }
  }

  private writeManifest(manifest: Map<string, string>): void {
    fs.mkdirSync(path.dirname(this.manifestFile), { recursive: true });
    const tmp = `${this.manifestFile}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries(manifest)));
    fs.renameSync(tmp, this.manifestFile);
  }

  /** Brings the index up to date with the store, then follows every change. */
  async start(): Promise<{ indexed: number; removed: number }> {
    await this.engine.init();
    const result = await this.sync();
    this.store.on('change', this.onChange);
    return result;
  }

  stop(): void {
    this.store.off('change', this.onChange);
  }

  /** Resolves when every change seen so far is in the engine (for tests and the benchmark). */
  idle(): Promise<void> {
    return this.queue;
  }

  async sync(onProgress?: (done: number, total: number) => void): Promise<{ indexed: number; removed: number }> {
    const manifest = this.readManifest();
    const current = new Map(this.store.all().filter(indexable).map((a) => [a.id, a] as const));
    const fingerprints = new Map([...current].map(([id, a]) => [id, fingerprint(a)] as const));
    const consistent = manifest.size === (await this.engine.count());
    const changed = [...current.values()].filter((a) => !consistent || manifest.get(a.id) !== fingerprints.get(a.id));
    const removed = consistent ? [...manifest.keys()].filter((id) => !current.has(id)) : [];
    if (!consistent) await this.engine.replaceAll([]);
    const batch = 200;
    for (let i = 0; i < changed.length; i += batch) {
      await this.engine.upsert(changed.slice(i, i + batch).map(toSearchDocument));
      onProgress?.(Math.min(i + batch, changed.length), changed.length);
    }
    if (removed.length) await this.engine.remove(removed);
    this.writeManifest(fingerprints);
    return { indexed: changed.length, removed: removed.length };
  }

  private apply(change: ContentChange): void {
    this.queue = this.queue
      .then(async () => {
        const manifest = this.readManifest();
        const { article } = change;
        const staleId = change.type === 'upsert' && change.previous && change.previous.id !== article.id ? change.previous.id : undefined;
        if (change.type === 'upsert' && indexable(article)) {
          await this.engine.upsert([toSearchDocument(article)]);
          manifest.set(article.id, fingerprint(article));
        } else {
          await this.engine.remove([article.id]);
          manifest.delete(article.id);
        }
        if (staleId) {
          await this.engine.remove([staleId]);
          manifest.delete(staleId);
        }
        this.writeManifest(manifest);
      })
      .catch((error: unknown) => {
        // The article is saved either way; a failed index update is logged and healed by the next sync.
        console.error(`[search] could not index ${change.article.id}:`, error instanceof Error ? error.message : error);
      });
  }
}
