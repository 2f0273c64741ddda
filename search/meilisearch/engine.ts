import { Meilisearch } from 'meilisearch';
import type { Category } from '@core/content/categories.ts';
import { locales, type Locale } from '@core/i18n/locales.ts';
import type { AskedAs } from '../asked-as/asked-as.ts';
import type { SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from '../port.ts';
import { buildFilter, markClose, markedToHtml, markOpen, meiliId, toMeiliArticle, type MeiliArticle } from './documents.ts';
import { indexSettings, indexUid } from './settings.ts';
import type { SynonymGroups } from '@core/content/synonym-file.ts';

export interface MeiliOptions {
  host: string;
  apiKey?: string;
  /** Prefix for index names, so several portals (or test runs) can share one server. */
  prefix?: string;
  /** How long to wait for Meilisearch to apply a write before giving up. */
  taskTimeoutMs?: number;
  /** The locale's synonyms file, sent with the index settings. */
  synonyms?: (locale: Locale) => SynonymGroups;
}

function localeOf(articleId: string): Locale {
  const locale = articleId.split('/')[0];
  const match = locales.find((l) => l === locale);
  if (!match) throw new Error(`article id without a known locale: ${articleId}`);
  return match;
}

function groupByLocale<T>(items: T[], idOf: (item: T) => string): Map<Locale, T[]> {
  const groups = new Map<Locale, T[]>();
  for (const item of items) {
    const locale = localeOf(idOf(item));
    groups.set(locale, [...(groups.get(locale) ?? []), item]);
  }
  return groups;
}

/** The production engine: a Meilisearch server with one index per locale. */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly prefix: string;
  private readonly wait: { timeout: number };
  /** The learned phrases by article id, so an article re-sent after an edit keeps them. */
  private askedAs = new Map<string, string[]>();
  private readonly synonyms: (locale: Locale) => SynonymGroups;

  constructor(options: MeiliOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey });
    this.prefix = options.prefix ?? 'kb_';
    this.wait = { timeout: options.taskTimeoutMs ?? 30_000 };
    this.synonyms = options.synonyms ?? (() => []);
  }

  private index(locale: Locale) {
    return this.client.index<MeiliArticle>(indexUid(this.prefix, locale));
  }

  async init(): Promise<void> {
    for (const locale of locales) {
      const uid = indexUid(this.prefix, locale);
      const created = await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask(this.wait);
      if (created.status === 'failed' && created.error?.code !== 'index_already_exists') {
        throw new Error(`Meilisearch could not create ${uid}: ${created.error?.message}`);
      }
      const updated = await this.index(locale).updateSettings(indexSettings(locale, this.synonyms(locale))).waitTask(this.wait);
      if (updated.status === 'failed') throw new Error(`Meilisearch rejected settings for ${uid}: ${updated.error?.message}`);
    }
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (const [locale, group] of groupByLocale(docs, (d) => d.id)) {
      await this.index(locale).addDocuments(group.map((doc) => toMeiliArticle(doc, this.askedAs.get(doc.id))), { primaryKey: 'id' }).waitTask(this.wait);
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const [locale, group] of groupByLocale(ids, (id) => id)) {
      await this.index(locale).deleteDocuments(group.map(meiliId)).waitTask(this.wait);
    }
  }

  async replaceAll(docs: SearchDocument[]): Promise<void> {
    for (const locale of locales) await this.index(locale).deleteAllDocuments().waitTask(this.wait);
    await this.upsert(docs);
  }

  async setAskedAs(entries: AskedAs[]): Promise<void> {
    const next = new Map(entries.map((e) => [e.id, e.phrases.map((p) => p.text)]));
    const changed: Array<{ id: string; askedAs: string[] }> = [];
    for (const [id, phrases] of next) if (String(this.askedAs.get(id)) !== String(phrases)) changed.push({ id, askedAs: phrases });
    for (const id of this.askedAs.keys()) if (!next.has(id)) changed.push({ id, askedAs: [] });
    this.askedAs = next;
    for (const [locale, group] of groupByLocale(changed, (c) => c.id)) {
      const partial = group.map((c) => ({ id: meiliId(c.id), askedAs: c.askedAs }));
      await this.index(locale).updateDocuments(partial as never, { primaryKey: 'id' }).waitTask(this.wait);
    }
  }

  async count(): Promise<number> {
    let total = 0;
    for (const locale of locales) total += (await this.index(locale).getStats()).numberOfDocuments;
    return total;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const response = await this.index(query.locale).search(query.q, {
      filter: buildFilter(query),
      facets: ['category', 'product'],
      page: query.page,
      hitsPerPage: query.limit,
      attributesToHighlight: ['title', 'sections'],
      attributesToCrop: ['body'],
      cropLength: 30,
      highlightPreTag: markOpen,
      highlightPostTag: markClose,
    });
    const hits: SearchHit[] = response.hits.map((hit, i) => toHit(hit, query.locale, response.hits.length - i));
    const facets = response.facetDistribution ?? {};
    return {
      total: response.totalHits,
      hits,
      facets: { category: (facets.category ?? {}) as Partial<Record<Category, number>>, product: facets.product ?? {} },
    };
  }

  async close(): Promise<void> {}
}

/** Turns one Meilisearch hit into ours: escaped snippet, link to the section where the words matched. */
export function toHit(hit: MeiliArticle & { _formatted?: Partial<MeiliArticle> }, locale: Locale, score: number): SearchHit {
  const formatted = hit._formatted ?? {};
  const sections = formatted.sections ?? [];
  const matched = sections.find((s) => s.text.includes(markOpen) || s.heading.includes(markOpen));
  const anchor = matched?.anchor ? `#${matched.anchor}` : '';
  const snippetSource = matched?.text.includes(markOpen) ? crop(matched.text) : (formatted.body ?? hit.summary);
  return {
    id: hit.articleId,
    slug: hit.slug,
    locale,
    title: hit.title,
    url: `${hit.url}${anchor}`,
    category: hit.category as Category,
    ...(hit.product ? { product: hit.product } : {}),
    snippet: markedToHtml(snippetSource),
    score,
  };
}

/** About 30 words around the first highlighted word. */
function crop(text: string, words = 30): string {
  const tokens = text.split(/\s+/);
  const first = Math.max(0, tokens.findIndex((t) => t.includes(markOpen)));
  const start = Math.max(0, first - Math.floor(words / 3));
  const slice = tokens.slice(start, start + words).join(' ');
  return `${start > 0 ? '…' : ''}${slice}${start + words < tokens.length ? '…' : ''}`;
}
