import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import type { SearchEngine, SearchHit } from '@search/port.ts';
import { corpusDocument, evaluateSet, type Scores } from '../eval/search-eval.ts';

/** The harness's own small set (en + es), written for these tests; the shared development sets are never needed. */
const mini = path.resolve(import.meta.dirname, '../fixtures/eval-mini');
const embedded = (dir: string) => new EmbeddedEngine({ dir });

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** A set in a temporary directory: the mini corpus with other queries. */
function setWith(queries: Array<{ qid: string; locale: string; query: string; relevant: string[] }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-eval-set-'));
  temps.push(dir);
  fs.copyFileSync(path.join(mini, 'corpus.jsonl'), path.join(dir, 'corpus.jsonl'));
  fs.writeFileSync(path.join(dir, 'queries.jsonl'), queries.map((q) => JSON.stringify(q)).join('\n') + '\n');
  return dir;
}

function expectWellFormed(s: Scores): void {
  for (const v of [s.mrr10, s.recall1, s.recall10]) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  expect(s.recall10).toBeGreaterThanOrEqual(s.recall1);
  // The first relevant hit is at rank 1 (1/1), or somewhere in 2..10 (at most 1/2 each), or nowhere.
  expect(s.mrr10).toBeGreaterThanOrEqual(s.recall1);
  expect(s.mrr10).toBeLessThanOrEqual(s.recall10);
}

/** An engine whose answers are fixed: each query returns the listed ids in order, so the metrics are known exactly. */
function scripted(answers: Record<string, string[]>): () => SearchEngine {
  return () => ({
    name: 'embedded',
    init: async () => {},
    upsert: async () => {},
    remove: async () => {},
    replaceAll: async () => {},
    setAskedAs: async () => {},
    count: async () => 0,
    close: async () => {},
    search: async (q) => {
      const hits = (answers[q.q] ?? []).slice(0, q.limit).map(
        (id): SearchHit => ({ id, slug: id, locale: q.locale, title: id, url: `/${q.locale}/articles/${id}`, category: 'faq', snippet: '', score: 1 }),
      );
      return { total: hits.length, hits, facets: { category: {}, product: {} } };
    },
  });
}

describe('search evaluation harness', () => {
  it('scores the mini fixture through the real embedded engine, overall and per locale', async () => {
    const { all, locales } = await evaluateSet(mini, embedded);
    expect(all.queries).toBe(10);
    expect(Object.keys(locales).sort()).toEqual(['en', 'es']);
    expect(locales.en?.queries).toBe(6);
    expect(locales.es?.queries).toBe(4);
    for (const s of [all, ...Object.values(locales)]) expectWellFormed(s);
    // A relevance regression guard: these questions share plain words with their articles.
    expect(all.mrr10).toBeGreaterThanOrEqual(0.9);
    expect(all.recall10).toBe(1);
  });

  it('ranks the article an obvious query was written from first', async () => {
    const dir = setWith([
      { qid: 'obvious-en', locale: 'en', query: 'Descaling the coffee machine', relevant: ['en-descale'] },
      { qid: 'obvious-es', locale: 'es', query: 'tambor de la lavadora', relevant: ['es-tambor'] },
    ]);
    const { all } = await evaluateSet(dir, embedded);
    expect(all).toEqual({ queries: 2, mrr10: 1, recall1: 1, recall10: 1 });
  });

  it('scores zero for a query whose relevant article is not found', async () => {
    const dir = setWith([{ qid: 'none', locale: 'en', query: 'descaling', relevant: ['not-in-the-corpus'] }]);
    expect((await evaluateSet(dir, embedded)).all).toEqual({ queries: 1, mrr10: 0, recall1: 0, recall10: 0 });
  });

  it('computes MRR@10, recall@1 and recall@10 from the rank of the first relevant hit', async () => {
    const dir = setWith([
      { qid: 'a', locale: 'en', query: 'first', relevant: ['x'] },
      { qid: 'b', locale: 'en', query: 'second', relevant: ['x', 'y'] },
      { qid: 'c', locale: 'es', query: 'fourth', relevant: ['x'] },
      { qid: 'd', locale: 'es', query: 'missing', relevant: ['x'] },
    ]);
    const others = (n: number) => Array.from({ length: n }, (_, i) => `other-${i}`);
    const engine = scripted({
      first: ['x', ...others(5)],
      // y counts: any relevant id is a hit, the first one decides the rank.
      second: ['other-a', 'y', 'x'],
      fourth: [...others(3), 'x'],
      // Rank 11 is outside the top 10 the harness asks for.
      missing: [...others(10), 'x'],
    });
    const { all, locales } = await evaluateSet(dir, engine);
    expect(all).toEqual({ queries: 4, mrr10: Math.round(((1 + 1 / 2 + 1 / 4 + 0) / 4) * 1000) / 1000, recall1: 0.25, recall10: 0.75 });
    expect(locales.en).toEqual({ queries: 2, mrr10: 0.75, recall1: 0.5, recall10: 1 });
    expect(locales.es).toEqual({ queries: 2, mrr10: 0.125, recall1: 0, recall10: 0.5 });
  });

  it('indexes a corpus item as a public article of its locale', () => {
    const doc = corpusDocument({ id: 'es-tambor', locale: 'es', title: 'El tambor', body: 'No gira.' });
    expect(doc).toMatchObject({ id: 'es-tambor', locale: 'es', title: 'El tambor', body: 'No gira.', audience: 'public' });
    expect(() => corpusDocument({ id: 'x', locale: 'xx', title: 't', body: 'b' })).toThrow(/unsupported locale/);
  });
});
