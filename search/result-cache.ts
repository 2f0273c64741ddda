import { LRUCache } from 'lru-cache';
import type { SynonymGroups } from '@core/content/synonym-file.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { AskedAs } from './asked-as/asked-as.ts';
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from './port.ts';

export interface ResultCacheOptions {
  /** Bytes of results kept, roughly (least recently used forgotten first); 0 passes every search through. */
  maxBytes: number;
  /** The synonyms the engine applies: a result is only reused while its locale's groups are the same array. */
  synonyms?: (locale: Locale) => SynonymGroups;
}

interface Entry<T> {
  value: T;
  synonyms: SynonymGroups | undefined;
}

/**
 * The engine's answers to identical questions, kept until the index changes. Customers ask the same few
 * questions over and over (the head of the query log), and search as you type asks each prefix again. The
 * audiences are part of the key, so an answer computed for staff is never given to the public. Any change to
 * the index (articles, "asked as" phrases) empties it and moves the generation, so an answer computed while
 * a change was under way is never kept.
 */
export class CachingSearchEngine implements SearchEngine {
  readonly name: SearchEngine['name'];
  private readonly results: LRUCache<string, Entry<SearchResult>> | undefined;
  private readonly spellings: LRUCache<string, Entry<{ suggestion: string | undefined }>> | undefined;
  private generation = 0;
  suggestSpelling?: SearchEngine['suggestSpelling'];

  constructor(
    private readonly inner: SearchEngine,
    private readonly options: ResultCacheOptions,
  ) {
    this.name = inner.name;
    if (options.maxBytes > 0) {
      this.results = new LRUCache({ maxSize: options.maxBytes, sizeCalculation: (entry) => resultBytes(entry.value) });
      this.spellings = new LRUCache({ maxSize: options.maxBytes, sizeCalculation: () => entryBytes });
    }
    if (inner.suggestSpelling) {
      this.suggestSpelling = (query) =>
        this.cached(this.spellings, query.locale, keyOf(['spelling', query.q, query.locale, [...query.audiences].sort()]), async () => ({
          suggestion: await inner.suggestSpelling!(query),
        })).then((r) => r.suggestion);
    }
  }

  search(query: SearchQuery): Promise<SearchResult> {
    const key = keyOf([query.q, query.locale, [...query.audiences].sort(), query.category ?? '', query.product ?? '', query.page, query.limit]);
    return this.cached(this.results, query.locale, key, async () => frozen(await this.inner.search(query)));
  }

  private async cached<T>(cache: LRUCache<string, Entry<T>> | undefined, locale: Locale, key: string, compute: () => Promise<T>): Promise<T> {
    if (!cache) return compute();
    const synonyms = this.options.synonyms?.(locale);
    const known = cache.get(key);
    if (known && known.synonyms === synonyms) return known.value;
    const generation = this.generation;
    const value = await compute();
    if (generation === this.generation) cache.set(key, { value, synonyms });
    return value;
  }

  /** Moved before and after every change, so a search that overlapped it is never kept. */
  private async changing(change: () => Promise<void>): Promise<void> {
    this.invalidate();
    try {
      await change();
    } finally {
      this.invalidate();
    }
  }

  private invalidate(): void {
    this.generation++;
    this.results?.clear();
    this.spellings?.clear();
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  upsert(docs: SearchDocument[]): Promise<void> {
    return this.changing(() => this.inner.upsert(docs));
  }

  remove(ids: string[]): Promise<void> {
    return this.changing(() => this.inner.remove(ids));
  }

  replaceAll(docs: SearchDocument[]): Promise<void> {
    return this.changing(() => this.inner.replaceAll(docs));
  }

  setAskedAs(entries: AskedAs[]): Promise<void> {
    return this.changing(() => this.inner.setAskedAs(entries));
  }

  count(): Promise<number> {
    return this.inner.count();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** What an entry and its key take besides the hits, roughly. */
const entryBytes = 512;

function resultBytes(result: SearchResult): number {
  let bytes = entryBytes;
  for (const hit of result.hits) bytes += 128 + 2 * (hit.id.length + hit.title.length + hit.url.length + hit.snippet.length);
  return bytes;
}

/** JSON of the parts: no separator inside a query can make two different questions one key. */
function keyOf(parts: unknown[]): string {
  return JSON.stringify(parts);
}

/** A cached result is shared by every caller that asks the same: frozen, so none can change it for the others. */
function frozen(result: SearchResult): SearchResult {
  for (const hit of result.hits) Object.freeze(hit);
  Object.freeze(result.hits);
  Object.freeze(result.facets.category);
  Object.freeze(result.facets.product);
  Object.freeze(result.facets);
  return Object.freeze(result);
}
