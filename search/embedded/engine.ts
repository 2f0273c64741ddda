import type { Category } from '@core/content/categories.ts';
import type { Section } from '@core/markdown/extract.ts';
import { locales, type Locale } from '@core/i18n/locales.ts';
import type { AskedAs } from '../asked-as/asked-as.ts';
import type { SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from '../port.ts';
import { highlightAnalysed } from '../snippet.ts';
import { LocaleIndex, type DocRecord } from './locale-index.ts';
import { matchDetails } from './matches.ts';
import { indexFile, load, save } from './persist.ts';
import { SectionFile } from './section-file.ts';
import { SnippetTexts, type SnippetSource } from './snippet-texts.ts';
import { parseQuery, type QueryGroup } from './query.ts';
import { defaultRanking, type Ranking } from './ranking.ts';
import { Scorer } from './scorer.ts';
import { compileSynonyms } from './synonyms.ts';
import { spellingSuggestion } from './spelling.ts';
import type { SynonymGroups } from '@core/content/synonym-file.ts';

export interface EmbeddedOptions {
  /** Where the index is kept between runs, e.g. `${DATA_DIR}/search`. */
  dir: string;
  ranking?: Ranking;
  /** Quiet time after the last change before the index is written (default 1 s). */
  saveDelayMs?: number;
  /** Longest a change waits to be written while changes keep coming (default 10 s). */
  maxSaveDelayMs?: number;
  /** Bytes of analysed section texts kept for snippets (default 32 MiB; see SnippetTexts). */
  snippetCacheBytes?: number;
  /** The locale's synonyms, asked for on every query, so an edited file applies with no re-index (see SynonymCatalog). */
  synonyms?: (locale: Locale) => SynonymGroups;
}

/**
 * The default engine: an in-process inverted index per locale with BM25F ranking, prefix and typo
 * matching, kept on disk so a restart loads it instead of re-analysing every article.
 * Chosen over lunr on measured figures: see docs/decisions/ and docs/search.md.
 */
export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded' as const;
  private readonly indexes = new Map<Locale, LocaleIndex>(locales.map((l) => [l, new LocaleIndex(l)]));
  private readonly ranking: Ranking;
  private readonly scorer: Scorer;
  private initialized: Promise<void> | undefined;
  private readonly dirty = new Set<Locale>();
  private saveTimer: NodeJS.Timeout | undefined;
  private firstUnsaved = 0;
  private saving: Promise<void> = Promise.resolve();
  private readonly snippets: SnippetTexts;

  constructor(private readonly options: EmbeddedOptions) {
    this.ranking = options.ranking ?? defaultRanking;
    this.scorer = new Scorer(this.ranking);
    this.snippets = new SnippetTexts(options.snippetCacheBytes ?? 32 * 1024 * 1024);
  }

  init(): Promise<void> {
    this.initialized ??= this.load();
    return this.initialized;
  }

  private async load(): Promise<void> {
    for (const locale of locales) {
      const path = indexFile(this.options.dir, locale);
      let file: SectionFile;
      try {
        file = SectionFile.open(path);
      } catch {
        continue;
      }
      try {
        const loaded = load(locale, file);
        if (loaded.ok) this.indexes.set(locale, loaded.index);
        else {
          // Written by another tokenizer version: analyse the stored documents again, once.
          const index = this.index(locale);
          for (const doc of loaded.docs) index.add(doc);
          this.markDirty(locale);
        }
      } catch (error) {
        file.close();
        // A damaged file only costs a rebuild: the indexer sees the count mismatch and re-indexes.
        console.warn(`[search] ignoring unreadable index ${path}:`, error instanceof Error ? error.message : error);
      }
    }
  }

  private index(locale: Locale): LocaleIndex {
    return this.indexes.get(locale)!;
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    await this.init();
    for (const doc of docs) {
      // An article that moved to another locale must leave the old one.
      for (const [locale, index] of this.indexes) if (locale !== doc.locale && index.remove(doc.id)) this.markDirty(locale);
      this.index(doc.locale).add(doc);
      this.markDirty(doc.locale);
    }
    // A large batch (a first build, a re-index) leaves many lists with small arrays of their own.
    for (const locale of new Set(docs.map((d) => d.locale))) this.index(locale).compactPostings();
  }

  async remove(ids: string[]): Promise<void> {
    await this.init();
    for (const id of ids) for (const [locale, index] of this.indexes) if (index.remove(id)) this.markDirty(locale);
  }

  async replaceAll(docs: SearchDocument[]): Promise<void> {
    await this.init();
    for (const [locale, index] of this.indexes) {
      index.clear();
      this.markDirty(locale);
    }
    await this.upsert(docs);
  }

  async setAskedAs(entries: AskedAs[]): Promise<void> {
    await this.init();
    for (const [locale, index] of this.indexes) index.askedAs.replace(entries.filter((e) => e.locale === locale));
  }

  async count(): Promise<number> {
    await this.init();
    let total = 0;
    for (const index of this.indexes.values()) total += index.size;
    return total;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.init();
    const index = this.index(query.locale);
    const synonyms = this.options.synonyms ? compileSynonyms(this.options.synonyms(query.locale), query.locale) : [];
    const groups = parseQuery(query.q, index, this.ranking, synonyms);
    const { nums, scores } = this.scorer.score(index, groups);
    const audiences = new Set(query.audiences);
    const matches: Array<{ record: DocRecord; score: number }> = [];
    const facets: SearchResult['facets'] = { category: {}, product: {} };
    nums.forEach((num, i) => {
      const record = index.records[num];
      if (!record) return;
      const { doc } = record;
      if (!audiences.has(doc.audience)) return;
      if (query.category && doc.category !== query.category) return;
      if (query.product && doc.product !== query.product) return;
      matches.push({ record, score: scores[i]! });
      facets.category[doc.category] = (facets.category[doc.category] ?? 0) + 1;
      if (doc.product) facets.product[doc.product] = (facets.product[doc.product] ?? 0) + 1;
    });
    matches.sort((a, b) => b.score - a.score || (a.record.doc.id < b.record.doc.id ? -1 : 1));
    const limit = Math.max(1, query.limit);
    const from = (Math.max(1, query.page) - 1) * limit;
    const hits = matches.slice(from, from + limit).map((m) => this.toHit(index, groups, m.record, m.score));
    return { total: matches.length, hits, facets };
  }

  async suggestSpelling(query: Pick<SearchQuery, 'q' | 'locale' | 'audiences'>): Promise<string | undefined> {
    await this.init();
    const suggestion = spellingSuggestion(this.index(query.locale), query.q, query.audiences);
    if (!suggestion || suggestion === query.q.trim()) return undefined;
    const { total } = await this.search({ ...query, q: suggestion, page: 1, limit: 1 });
    return total > 0 ? suggestion : undefined;
  }

  private toHit(index: LocaleIndex, groups: QueryGroup[], record: DocRecord, score: number): SearchHit {
    const { doc } = record;
    const { terms, section } = matchDetails(index, groups, record.num);
    const count = index.sectionCount(record);
    const sectionText = (i: number) => this.snippets.get(index, record, i, () => this.section(index, record, i));
    const summary = () => this.snippets.get(index, record, 'summary', () => ({ anchor: '', text: doc.summary }))!;
    const withText = (source: SnippetSource | undefined) => (source?.analysed.text ? source : undefined);
    const matched = section >= 0 ? sectionText(Math.min(section, count - 1)) : undefined;
    const source = withText(matched) ?? (section < 0 && doc.summary ? summary() : undefined) ?? withText(sectionText(0)) ?? summary();
    return {
      id: doc.id,
      slug: doc.slug,
      locale: doc.locale,
      title: doc.title,
      url: matched?.anchor ? `${doc.url}#${matched.anchor}` : doc.url,
      category: doc.category as Category,
      ...(doc.product ? { product: doc.product } : {}),
      snippet: highlightAnalysed(source.analysed, terms),
      score,
    };
  }

  /** A hit whose text cannot be read (a damaged file) still shows, with its summary as the snippet. */
  private section(index: LocaleIndex, record: DocRecord, i: number): Section | undefined {
    try {
      return index.section(record, i);
    } catch (error) {
      console.warn(`[search] stored text of ${record.doc.id} unreadable:`, error instanceof Error ? error.message : error);
      return undefined;
    }
  }

  private markDirty(locale: Locale): void {
    this.dirty.add(locale);
    const now = Date.now();
    if (!this.saveTimer) this.firstUnsaved = now;
    clearTimeout(this.saveTimer);
    const overdue = now - this.firstUnsaved >= (this.options.maxSaveDelayMs ?? 10_000);
    this.saveTimer = setTimeout(() => void this.flush(), overdue ? 0 : (this.options.saveDelayMs ?? 1000));
  }

  /** Writes every changed locale now; resolves when it is on disk. */
  flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const locales = [...this.dirty];
    this.dirty.clear();
    this.saving = this.saving.then(() => {
      for (const locale of locales) {
        try {
          save(this.index(locale), indexFile(this.options.dir, locale));
        } catch (error) {
          // The index in memory is intact; the next change tries again, and a restart re-syncs from content.
          this.dirty.add(locale);
          console.error(`[search] could not save the ${locale} index:`, error instanceof Error ? error.message : error);
        }
      }
    });
    return this.saving;
  }

  /** Saves what changed and closes the index files; the engine is not to be used afterwards. */
  async close(): Promise<void> {
    await this.flush();
    for (const index of this.indexes.values()) index.close();
  }
}
