/**
 * Relevance of the search engine on evaluation sets: `npm run eval:search -- DIR [DIR...]`, where each DIR
 * holds corpus.jsonl ({id, locale, title, body}) and queries.jsonl ({qid, locale, query, relevant}).
 * Corpus items go through the production path (SearchDocument -> EmbeddedEngine: same tokenizer, fields
 * and ranking). Prints MRR@10, recall@1 and recall@10 per set (and per locale when a set has several);
 * the last line is one JSON object with every figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { locales, type Locale } from '@core/i18n/locales.ts';
import { SynonymCatalog } from '@core/content/synonyms.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import type { SearchDocument, SearchEngine } from '@search/port.ts';
import { config } from '@core/config/config.ts';
import { learnAskedAs, type LearnOptions } from '@search/asked-as/asked-as.ts';
import { closestAnalyzer } from './closest-locale.ts';
import { learnSplit, pastUses } from './learn-split.ts';

interface CorpusItem {
  id: string;
  locale: string;
  title: string;
  body: string;
}

interface QueryItem {
  qid: string;
  locale: string;
  query: string;
  relevant: string[];
}

export interface Scores {
  queries: number;
  mrr10: number;
  recall1: number;
  recall10: number;
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** A set in a language the portal has no analyzer for: reported, not measured. */
export class UnsupportedLocale extends Error {
  constructor(readonly tag: string) {
    super(`unsupported locale ${JSON.stringify(tag)}: no served analyzer speaks it (served: ${locales.join(', ')})`);
  }
}

const notes = new Set<string>();

function checkedLocale(value: string): Locale {
  const choice = closestAnalyzer(value);
  if (!choice) throw new UnsupportedLocale(value);
  if (choice.note) notes.add(choice.note);
  return choice.locale;
}

/** An eval article as the portal would index it: a title and a plain-text body, public, in one category. */
export function corpusDocument(item: CorpusItem): SearchDocument {
  const locale = checkedLocale(item.locale);
  return {
    id: item.id,
    locale,
    slug: item.id,
    url: `/${locale}/articles/${encodeURIComponent(item.id)}`,
    title: item.title,
    summary: '',
    answer: '',
    headings: [],
    body: item.body,
    sections: [],
    category: 'faq',
    audience: 'public',
    tags: [],
    updated: '',
  };
}

function summarize(ranks: Array<number | undefined>): Scores {
  const n = ranks.length || 1;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    queries: ranks.length,
    mrr10: round(ranks.reduce<number>((s, r) => s + (r !== undefined && r <= 10 ? 1 / r : 0), 0) / n),
    recall1: round(ranks.filter((r) => r === 1).length / n),
    recall10: round(ranks.filter((r) => r !== undefined && r <= 10).length / n),
  };
}

export type EngineFactory = (dir: string) => SearchEngine;

/** Learning from past use: a share of the queries (with their relevant articles) becomes past clicks, the rest the test. */
export interface LearnSetting {
  share: number;
  seed: number;
  options: LearnOptions;
}

/**
 * Indexes one set and runs its queries; returns the scores overall and per locale. With `learn`, part of the
 * queries are fed to the "asked as" learner as past use first and only the others are scored.
 */
export async function evaluateSet(dir: string, makeEngine: EngineFactory, learn?: LearnSetting): Promise<{ all: Scores; locales: Record<string, Scores>; notes: string[]; unlearned?: Scores }> {
  notes.clear();
  const corpus = readJsonl<CorpusItem>(path.join(dir, 'corpus.jsonl'));
  const queries = readJsonl<QueryItem>(path.join(dir, 'queries.jsonl'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'search-eval-'));
  const engine = makeEngine(tmp);
  try {
    await engine.init();
    const docs = corpus.map(corpusDocument);
    await engine.replaceAll(docs);
    const run = async (items: QueryItem[]) => {
      const ranks: Array<number | undefined> = [];
      const byLocale = new Map<string, Array<number | undefined>>();
      for (const q of items) {
        const locale = checkedLocale(q.locale);
        const result = await engine.search({ q: q.query, locale, audiences: ['public'], page: 1, limit: 10 });
        const relevant = new Set(q.relevant);
        const index = result.hits.findIndex((h) => relevant.has(h.id));
        const rank = index >= 0 ? index + 1 : undefined;
        ranks.push(rank);
        byLocale.set(locale, [...(byLocale.get(locale) ?? []), rank]);
      }
      return { all: summarize(ranks), locales: Object.fromEntries([...byLocale].map(([l, r]) => [l, summarize(r)])) };
    };
    if (!learn) return { ...(await run(queries)), notes: [...notes] };
    const { past, test } = learnSplit(queries, learn.share, learn.seed);
    const unlearned = await run(test);
    const now = new Date();
    const uses = pastUses(past.map((q) => ({ ...q, locale: checkedLocale(q.locale) })), learn.options.minVisitors, now);
    const known = new Set(docs.map((d) => d.id));
    await engine.setAskedAs(learnAskedAs(uses, (id) => (known.has(id) ? 'public' : undefined), learn.options, now));
    notes.add(`learned "asked as" from ${past.length} of ${queries.length} queries as past use (split ${learn.share}, seed ${learn.seed}); scored on the other ${test.length} queries only, which without learning score MRR@10 ${unlearned.all.mrr10.toFixed(3)}`);
    return { ...(await run(test)), notes: [...notes], unlearned: unlearned.all };
  } finally {
    await engine.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function format(name: string, s: Scores): string {
  return `${name.padEnd(24)} MRR@10 ${s.mrr10.toFixed(3)}  R@1 ${s.recall1.toFixed(3)}  R@10 ${s.recall10.toFixed(3)}  (${s.queries} queries)`;
}

/** `--learn-split 0.5 --seed 1`: learn from that share of each set's queries (see LearnSetting). */
function parseArgs(args: string[]): { dirs: string[]; learn?: LearnSetting } {
  const dirs: string[] = [];
  let share: number | undefined;
  let seed = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--learn-split' || arg === '--seed') {
      const value = Number(args[++i]);
      const ok = arg === '--seed' ? Number.isInteger(value) : value > 0 && value < 1;
      if (!ok) {
        console.error(`${arg} needs ${arg === '--seed' ? 'an integer' : 'a share between 0 and 1, e.g. 0.5'}, got ${JSON.stringify(args[i])}`);
        process.exit(2);
      }
      if (arg === '--seed') seed = value;
      else share = value;
    } else if (!arg.startsWith('--')) dirs.push(arg);
  }
  if (share === undefined) return { dirs };
  const c = config();
  const options = { halfLifeDays: c.SEARCH_ASKED_AS_HALF_LIFE_DAYS, maxPhrases: c.SEARCH_ASKED_AS_MAX_PHRASES, minVisitors: c.SEARCH_ASKED_AS_MIN_VISITORS };
  return { dirs, learn: { share, seed, options } };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { dirs, learn } = parseArgs(args);
  const noSynonyms = args.includes('--no-synonyms');
  if (!dirs.length) {
    console.error('usage: npm run eval:search -- [--learn-split SHARE --seed N] [--no-synonyms] DIR [DIR...]   (each DIR holds corpus.jsonl and queries.jsonl)');
    process.exit(2);
  }
  // Measured as served: with the project's synonyms files, unless asked to leave them out for a comparison.
  const catalog = new SynonymCatalog(path.resolve(import.meta.dirname, '../../content'));
  const synonyms = noSynonyms ? undefined : (locale: Locale) => catalog.groups(locale);
  if (noSynonyms) console.log('without the synonyms files (--no-synonyms)');
  const figures: Record<string, (Scores & { locales?: Record<string, Scores>; notes?: string[]; unlearned?: Scores }) | { unsupported: string }> = {};
  for (const dir of dirs) {
    const name = path.basename(path.resolve(dir));
    const started = performance.now();
    let evaluated: Awaited<ReturnType<typeof evaluateSet>>;
    try {
      evaluated = await evaluateSet(dir, (tmp) => new EmbeddedEngine({ dir: tmp, ...(synonyms ? { synonyms } : {}) }), learn);
    } catch (error) {
      if (!(error instanceof UnsupportedLocale)) throw error;
      console.log(`${name.padEnd(24)} not measured: ${error.message}`);
      figures[name] = { unsupported: error.tag };
      continue;
    }
    const { all, locales, notes: said, unlearned } = evaluated;
    for (const note of said) console.log(`${name}: ${note}`);
    console.log(`${format(name, all)}  ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const several = Object.keys(locales).length > 1;
    if (several) for (const [locale, s] of Object.entries(locales)) console.log(format(`  ${locale}`, s));
    figures[name] = { ...all, ...(several ? { locales } : {}), ...(said.length ? { notes: said } : {}), ...(unlearned ? { unlearned } : {}) };
  }
  console.log(JSON.stringify({ engine: 'embedded', sets: figures }));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('search-eval.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
