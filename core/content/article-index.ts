import type { Locale } from '../i18n/locales.ts';
import { canView, type Article, type Viewer } from './article.ts';
import type { Category } from './categories.ts';

/** A map of sets that forgets a key once its set is empty. */
class Buckets<K> {
  private readonly map = new Map<K, Set<Article>>();

  add(key: K, article: Article): void {
    let set = this.map.get(key);
    if (!set) this.map.set(key, (set = new Set()));
    set.add(article);
  }

  remove(key: K, article: Article): void {
    const set = this.map.get(key);
    if (!set) return;
    set.delete(article);
    if (!set.size) this.map.delete(key);
  }

  get(key: K): ReadonlySet<Article> {
    return this.map.get(key) ?? empty;
  }
}

const empty: ReadonlySet<Article> = new Set();

/**
 * The articles by the fields pages look them up by, kept as articles come and go, so no request scans
 * the whole knowledge base. Lists and related articles are remembered per viewer until the next change:
 * content changes are rare, reads are every page view.
 */
export class ArticleIndex {
  private readonly byKey = new Buckets<string>();
  private readonly byLocale = new Buckets<Locale>();
  private readonly byProduct = new Buckets<string>();
  private readonly byTag = new Buckets<string>();
  private readonly byCategory = new Buckets<string>();
  private readonly remembered = new Map<string, Article[]>();

  add(article: Article): void {
    this.each(article, (buckets, key) => buckets.add(key, article));
    this.remembered.clear();
  }

  remove(article: Article): void {
    this.each(article, (buckets, key) => buckets.remove(key, article));
    this.remembered.clear();
  }

  private each(article: Article, visit: (buckets: Buckets<string>, key: string) => void): void {
    const { locale, meta } = article;
    visit(this.byKey, meta.translationKey);
    visit(this.byLocale as Buckets<string>, locale);
    visit(this.byCategory, `${locale}\u0000${meta.category}`);
    if (meta.product) visit(this.byProduct, `${locale}\u0000${meta.product}`);
    for (const tag of new Set(meta.tags)) visit(this.byTag, `${locale}\u0000${tag}`);
  }

  /** The article of this translation key in this locale, whoever may see it. */
  inLocale(translationKey: string, locale: Locale): Article | undefined {
    for (const a of this.byKey.get(translationKey)) if (a.locale === locale) return a;
    return undefined;
  }

  /** Every article of this translation key, whoever may see it. */
  versions(translationKey: string): Article[] {
    return [...this.byKey.get(translationKey)];
  }

  translations(article: Article, viewer: Viewer): Article[] {
    return [...this.byKey.get(article.meta.translationKey)].filter((a) => a.id !== article.id && canView(a, viewer));
  }

  /** A fresh array each time: callers sort what they get. */
  list(locale: Locale | undefined, category: Category | undefined, viewer: Viewer, all: () => Iterable<Article>): Article[] {
    return this.remember(`list\u0000${locale ?? ''}\u0000${category ?? ''}\u0000${viewer.kind}`, () => {
      const pool = locale && category ? this.byCategory.get(`${locale}\u0000${category}`) : locale ? this.byLocale.get(locale) : all();
      return [...pool].filter((a) => (!category || a.meta.category === category) && canView(a, viewer));
    }).slice();
  }

  /** Articles sharing product, tags or category, best match first; only those can score above zero. */
  related(article: Article, viewer: Viewer, limit: number): Article[] {
    const { locale, meta } = article;
    // Only the first `limit` are kept: every article's full candidate list would cost megabytes at scale.
    const ranked = this.remember(`related\u0000${article.id}\u0000${viewer.kind}\u0000${limit}`, () => {
      const scores = new Map<Article, number>();
      const score = (pool: ReadonlySet<Article>, points: number) => {
        for (const a of pool) if (a !== article && canView(a, viewer)) scores.set(a, (scores.get(a) ?? 0) + points);
      };
      if (meta.product) score(this.byProduct.get(`${locale}\u0000${meta.product}`), 3);
      for (const tag of new Set(meta.tags)) score(this.byTag.get(`${locale}\u0000${tag}`), 2);
      score(this.byCategory.get(`${locale}\u0000${meta.category}`), 1);
      return [...scores]
        .sort(([a, x], [b, y]) => y - x || a.meta.title.localeCompare(b.meta.title))
        .slice(0, limit)
        .map(([a]) => a);
    });
    return ranked.slice();
  }

  private remember(key: string, compute: () => Article[]): Article[] {
    let value = this.remembered.get(key);
    if (!value) this.remembered.set(key, (value = compute()));
    return value;
  }
}
