import type { Audience } from '@core/content/schema.ts';
import type { Category } from '@core/content/categories.ts';
import type { Section } from '@core/markdown/extract.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { AskedAs } from './asked-as/asked-as.ts';

/** What search knows of one article; built from the rendered article by `documents.ts`. */
export interface SearchDocument {
  /** `<locale>/<slug>`, the article id. */
  id: string;
  locale: Locale;
  slug: string;
  url: string;
  title: string;
  summary: string;
  answer: string;
  headings: string[];
  body: string;
  sections: Section[];
  category: Category;
  audience: Audience;
  product?: string;
  tags: string[];
  updated: string;
}

export interface SearchQuery {
  q: string;
  locale: Locale;
  /** Which audiences the caller may see; the server sets it from the session, never the client. */
  audiences: Audience[];
  category?: Category;
  product?: string;
  /** 1-based. */
  page: number;
  limit: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  /** Article URL, with `#anchor` when the best match is under a heading. */
  url: string;
  category: Category;
  product?: string;
  /** HTML: everything escaped except the `<mark>` around matched words. */
  snippet: string;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Counts over all matches (not just this page), for the filters a customer can apply. */
  facets: { category: Partial<Record<Category, number>>; product: Record<string, number> };
}

/** The one search port; every engine passes the same contract tests (tests/search/contract). */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  /** Loads persisted state or applies settings; idempotent. */
  init(): Promise<void>;
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Replaces the whole index with these documents. */
  replaceAll(docs: SearchDocument[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Replaces every article's learned "asked as" phrases (search/asked-as/); articles left out have none. */
  setAskedAs(entries: AskedAs[]): Promise<void>;
  /**
   * "Did you mean": the query with its unknown words replaced by close words of articles the audiences
   * may see, only when that query finds something; engines without their own term list leave it out.
   */
  suggestSpelling?(query: Pick<SearchQuery, 'q' | 'locale' | 'audiences'>): Promise<string | undefined>;
  /** Number of indexed documents (for health and progress). */
  count(): Promise<number>;
  close(): Promise<void>;
}
