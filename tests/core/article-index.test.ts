import { describe, expect, it } from 'vitest';
import { canView, publicViewer, type Article, type Viewer } from '@core/content/article.ts';
import { ArticleIndex } from '@core/content/article-index.ts';
import { categories } from '@core/content/categories.ts';
import { locales } from '@core/i18n/locales.ts';
import { productIds } from '@core/content/products.ts';

const staff: Viewer = { kind: 'staff' };

/** A small seeded generator, so a failure names a reproducible run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function article(i: number, pick: <T>(xs: readonly T[]) => T, next: () => number): Article {
  const locale = pick(locales);
  const key = `topic-${Math.floor(next() * 40)}`;
  return {
    id: `${locale}/a-${i}`,
    file: `${locale}/faq/a-${i}.mdx`,
    slug: `a-${i}`,
    locale,
    meta: {
      title: `Title ${Math.floor(next() * 50)}`,
      category: pick(categories),
      audience: next() < 0.2 ? 'internal' : 'public',
      status: next() < 0.1 ? 'draft' : 'published',
      translationKey: key,
      product: next() < 0.3 ? undefined : pick(productIds),
      tags: [pick(['leak', 'noise', 'warranty', 'app', 'filter']), pick(['leak', 'return', 'billing'])],
    },
  } as unknown as Article;
}

/** What the store did before the index: a scan of every article. */
function scanRelated(all: Article[], article: Article, viewer: Viewer, limit: number): Article[] {
  const tags = new Set(article.meta.tags);
  return all
    .filter((a) => a.locale === article.locale && a.id !== article.id && canView(a, viewer))
    .map((a) => ({
      a,
      score:
        [...new Set(a.meta.tags)].filter((t) => tags.has(t)).length * 2 +
        (article.meta.product && a.meta.product === article.meta.product ? 3 : 0) +
        (a.meta.category === article.meta.category ? 1 : 0),
    }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.a.meta.title.localeCompare(y.a.meta.title))
    .slice(0, limit)
    .map((x) => x.a);
}

describe('ArticleIndex', () => {
  it('answers lists, translations and related articles as a full scan would, through adds, edits and removes', () => {
    const next = random(7);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const index = new ArticleIndex();
    const live = new Map<string, Article>();
    for (let i = 0; i < 600; i++) {
      const a = article(i % 400, pick, next);
      const old = live.get(a.id);
      if (old) index.remove(old);
      if (next() < 0.15 && old) {
        live.delete(a.id);
        continue;
      }
      live.set(a.id, a);
      index.add(a);
      // Read between changes, so answers remembered before a change are put to the test after it.
      if (i % 25 === 0) index.related(a, publicViewer, 5);
    }
    const all = [...live.values()];
    for (const a of all.slice(0, 80)) {
      for (const viewer of [publicViewer, staff]) {
        // Articles tied on score and title may come in either order: compare titles, not identities.
        expect(index.related(a, viewer, 5).map((x) => x.meta.title)).toEqual(scanRelated(all, a, viewer, 5).map((x) => x.meta.title));
        expect(index.translations(a, viewer).map((x) => x.id).sort()).toEqual(
          all.filter((x) => x.meta.translationKey === a.meta.translationKey && x.id !== a.id && canView(x, viewer)).map((x) => x.id).sort(),
        );
      }
    }
    for (const locale of locales) {
      for (const category of [undefined, ...categories]) {
        expect(index.list(locale, category, publicViewer, () => all).map((x) => x.id).sort()).toEqual(
          all.filter((x) => x.locale === locale && (!category || x.meta.category === category) && canView(x, publicViewer)).map((x) => x.id).sort(),
        );
      }
    }
  });

  it('forgets what it remembered when an article arrives or leaves', () => {
    const next = random(11);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const index = new ArticleIndex();
    const base = article(1, pick, next);
    const shaped = (i: number, title: string): Article =>
      ({ ...base, id: `${base.locale}/a-${i}`, slug: `a-${i}`, meta: { ...base.meta, status: 'published', audience: 'public', translationKey: `k-${i}`, title } }) as Article;
    const [a, b, c] = [shaped(1, 'M'), shaped(2, 'Z'), shaped(3, 'A')];
    index.add(a);
    index.add(b);
    expect(index.related(a, publicViewer, 5).map((x) => x.id)).toEqual([b.id]);
    expect(index.list(a.locale, undefined, publicViewer, () => []).length).toBe(2);
    index.add(c);
    expect(index.related(a, publicViewer, 5).map((x) => x.id)).toEqual([c.id, b.id]);
    expect(index.list(a.locale, undefined, publicViewer, () => []).length).toBe(3);
    index.remove(b);
    expect(index.related(a, publicViewer, 5).map((x) => x.id)).toEqual([c.id]);
  });

  it('hands out a fresh list each time, so a caller sorting it changes nothing for the next', () => {
    const next = random(3);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const index = new ArticleIndex();
    const items = Array.from({ length: 30 }, (_, i) => article(i, pick, next));
    for (const a of items) index.add(a);
    const first = index.list(undefined, undefined, staff, () => items);
    const order = first.map((a) => a.id);
    first.reverse();
    expect(index.list(undefined, undefined, staff, () => items).map((a) => a.id)).toEqual(order);
  });

  it('finds the article of a translation key in a locale, and forgets it once removed', () => {
    const next = random(5);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const index = new ArticleIndex();
    const a = article(1, pick, next);
    index.add(a);
    expect(index.inLocale(a.meta.translationKey, a.locale)).toBe(a);
    index.remove(a);
    expect(index.inLocale(a.meta.translationKey, a.locale)).toBeUndefined();
  });
});
