import { LRUCache } from 'lru-cache';
import type { ContentStore } from '@core/content/store.ts';

/** A rendered page as it can be sent again to any anonymous visitor. */
export interface CachedPage {
  body: Uint8Array<ArrayBuffer>;
  headers: Array<[string, string]>;
  /** The article shown, so a view served from the cache is still counted. */
  articleId: string;
  /** The body's ETag, hashed once when the page is kept (site/lib/conditional-get.ts). */
  etag: string;
}

/** Rough bytes a page's headers and bookkeeping take beside its body. */
const overheadBytes = 1024;

/**
 * Anonymous article pages by path, least recently used forgotten first once their bytes pass the cap.
 * Every content change empties it: a change can alter other pages too (related articles, translations,
 * the outdated-translation notice), and changes are rare next to page views.
 */
export class PageCache {
  private readonly pages: LRUCache<string, CachedPage> | undefined;
  /** Moves on every clear(), so a page rendered before a change is not stored after it. */
  generation = 0;

  constructor(maxBytes: number, content: Pick<ContentStore, 'on'>) {
    this.pages = maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (page) => page.body.byteLength + overheadBytes }) : undefined;
    content.on('change', () => this.clear());
  }

  get(key: string): CachedPage | undefined {
    return this.pages?.get(key);
  }

  /** Keeps the page unless the content changed since `generation` was read (when rendering began). */
  set(key: string, page: CachedPage, generation: number): void {
    if (generation === this.generation) this.pages?.set(key, page);
  }

  clear(): void {
    this.generation++;
    this.pages?.clear();
  }

  get bytes(): number {
    return this.pages?.calculatedSize ?? 0;
  }

  get size(): number {
    return this.pages?.size ?? 0;
  }
}
