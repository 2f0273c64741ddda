import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { categories, templateCategory, type Category } from '@core/content/categories.ts';
import { productIds, products } from '@core/content/products.ts';
import { locales, type Locale } from '@core/i18n/locales.ts';
import { Random, Zipf } from './prng.ts';
import { simplifiedQueries, vocabularies, type LocaleVocabulary } from './vocabulary.ts';

/** Distinct words each locale can draw from; the Zipf tail means larger corpora see more of them. */
const lexiconSize = 40_000;
/** Leading entries of each word list that are function words (titles and queries skip them). */
const functionWords: Record<Locale, number> = { en: 45, es: 44, fi: 34, el: 33, 'zh-Hant': 30 };

export interface Lexicon {
  locale: Locale;
  vocabulary: LocaleVocabulary;
  /** Words by frequency rank: the real words first, then synthetic ones. */
  words: string[];
  zipf: Zipf;
  /** Content words (no function words) of the real list: for titles, tags and queries. */
  content: string[];
}

function syntheticWords(vocabulary: LocaleVocabulary, random: Random, count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  const characters = vocabulary.characters ? [...new Set(vocabulary.characters)] : undefined;
  while (out.length < count) {
    let word = '';
    if (characters) {
      const n = random.chance(0.7) ? 2 : 3;
      for (let i = 0; i < n; i++) word += random.pick(characters);
    } else {
      const n = random.int(2, 4);
      for (let i = 0; i < n; i++) word += random.pick(vocabulary.syllables);
    }
    if (taken.has(word)) continue;
    taken.add(word);
    out.push(word);
  }
  return out;
}

export function buildLexicon(locale: Locale, seed: number): Lexicon {
  const vocabulary = vocabularies[locale];
  const real = [...new Set(vocabulary.words)];
  const taken = new Set(real);
  const random = new Random(seed ^ hash(locale));
  const words = [...real, ...syntheticWords(vocabulary, random, lexiconSize - real.length, taken)];
  return { locale, vocabulary, words, zipf: new Zipf(words.length), content: real.slice(functionWords[locale]) };
}

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** Generates text of one locale; counts the words it wrote. */
class Writer {
  words = 0;

  constructor(
    private readonly lexicon: Lexicon,
    private readonly random: Random,
  ) {}

  word(): string {
    this.words++;
    return this.lexicon.words[this.lexicon.zipf.sample(this.random)]!;
  }

  contentWord(): string {
    this.words++;
    return this.random.pick(this.lexicon.content);
  }

  private join(words: string[]): string {
    return words.join(this.lexicon.vocabulary.separator);
  }

  /** A phrase of content words (titles, headings). */
  phrase(min: number, max: number): string {
    const n = this.random.int(min, max);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(i % 2 === 1 && this.random.chance(0.5) ? this.word() : this.contentWord());
    return capitalize(this.join(parts));
  }

  sentence(min = 6, max = 18): string {
    const n = this.random.int(min, max);
    const { clauseBreak, sentenceEnd, separator } = this.lexicon.vocabulary;
    let out = '';
    for (let i = 0; i < n; i++) {
      const w = this.random.chance(0.02) ? products[this.random.pick(productIds)] : this.word();
      if (i > 0) out += i > 3 && i < n - 2 && this.random.chance(0.08) ? `${clauseBreak}${separator || ''}` : separator;
      out += w;
    }
    return capitalize(out) + sentenceEnd;
  }

  paragraph(): string {
    const n = this.random.int(2, 5);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) sentences.push(this.sentence());
    return sentences.join(this.lexicon.vocabulary.separator);
  }
}

export interface GeneratedArticle {
  file: string;
  id: string;
  locale: Locale;
  published: boolean;
  audience: 'public' | 'internal';
  words: number;
}

export interface Corpus {
  dir: string;
  articles: GeneratedArticle[];
  bytes: number;
  words: number;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[,，]$/, '');
}

function article(index: number, lexicon: Lexicon, random: Random): { source: string; meta: Omit<GeneratedArticle, 'file' | 'id'>; category: Category; slug: string } {
  const { locale } = lexicon;
  const w = new Writer(lexicon, random);
  const category = random.pick(categories);
  // Reply templates are for staff and carry the reply agents send, like every other template.
  const template = category === templateCategory;
  const audience = category === 'internal-guide' || template || random.chance(0.05) ? 'internal' : 'public';
  const published = random.chance(0.97);
  const product = random.chance(0.7) ? random.pick(productIds) : undefined;
  const day = new Date(Date.UTC(2025, 0, 1) + random.int(0, 600) * 86_400_000).toISOString().slice(0, 10);
  const tags = [...new Set(Array.from({ length: random.int(1, 5) }, () => random.pick(lexicon.content)))];
  const front: Record<string, unknown> = {
    title: truncate(`${w.phrase(3, 8)}${product && random.chance(0.5) ? ` ${products[product]}` : ''}`, 140),
    summary: truncate(w.sentence(10, 24), 300),
    category,
    audience,
    locale,
    translationKey: `bench-${Math.floor(index / locales.length)}`,
    ...(product ? { product } : {}),
    tags,
    ...((category === 'faq' || category === 'claim-rules') && random.chance(0.4) ? { answer: truncate(`${w.sentence()} ${w.sentence()}`, 1000) } : {}),
    ...(template ? { reply: truncate(`${w.sentence()} ${w.sentence()} ${w.sentence()}`, 5000) } : {}),
    updated: day,
    status: published ? 'published' : 'draft',
  };

  const target = random.int(300, 900);
  const blocks: string[] = [w.paragraph()];
  while (w.words < target) {
    blocks.push(`## ${w.phrase(2, 6)}`);
    const paragraphs = random.int(1, 3);
    for (let p = 0; p < paragraphs && w.words < target + 40; p++) blocks.push(w.paragraph());
    if (random.chance(0.25)) {
      const items = Array.from({ length: random.int(3, 5) }, (_, i) => `${i + 1}. ${w.sentence(4, 10)}`);
      blocks.push(['<Steps>', '', ...items, '', '</Steps>'].join('\n'));
    } else if (random.chance(0.15)) {
      blocks.push(['<Note>', '', w.sentence(), '', '</Note>'].join('\n'));
    } else if (random.chance(0.2)) {
      blocks.push(Array.from({ length: random.int(2, 4) }, () => `- ${w.sentence(3, 8)}`).join('\n'));
    }
  }
  const source = `---\n${stringify(front, { lineWidth: 0 })}---\n\n${blocks.join('\n\n')}\n`;
  return { source, meta: { locale, published, audience, words: w.words }, category, slug: `bench-${String(index).padStart(5, '0')}` };
}

/** Writes `count` articles, spread evenly over the five locales, as MDX files under `dir/<locale>/<category>/`. */
export function generateCorpus(dir: string, count: number, lexicons: Record<Locale, Lexicon>, seed = 20261014): Corpus {
  const random = new Random(seed);
  const articles: GeneratedArticle[] = [];
  let bytes = 0;
  let words = 0;
  for (let i = 0; i < count; i++) {
    const locale = locales[i % locales.length]!;
    const { source, meta, category, slug } = article(i, lexicons[locale], random);
    const file = `${locale}/${category}/${slug}.mdx`;
    fs.mkdirSync(path.join(dir, locale, category), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
    bytes += Buffer.byteLength(source);
    words += meta.words;
    articles.push({ file, id: `${locale}/${slug}`, ...meta });
  }
  return { dir, articles, bytes, words };
}

export type QueryKind = 'word' | 'two-words' | 'prefix' | 'typo' | 'cjk' | 'cjk-simplified';

export interface BenchQuery {
  q: string;
  locale: Locale;
  kind: QueryKind;
}

/** One edit (substitution, deletion, or swap of neighbours) inside the word, never on its first letter. */
function typo(word: string, random: Random, alphabet: string[]): string {
  const chars = [...word];
  const at = random.int(1, chars.length - 2);
  const kind = random.int(0, 2);
  if (kind === 0) chars[at] = random.pick(alphabet.filter((c) => c !== chars[at]));
  else if (kind === 1) chars.splice(at, 1);
  else [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  return chars.join('');
}

/**
 * A fixed mix of what customers type, per locale: whole words, two-word queries, unfinished words
 * (search as you type), words with one typo, and for Chinese words, phrases, single characters and
 * Simplified-script spellings.
 */
export function buildQueries(lexicons: Record<Locale, Lexicon>, perLocale = 60, seed = 7): BenchQuery[] {
  const random = new Random(seed);
  const out: BenchQuery[] = [];
  for (const locale of locales) {
    const lex = lexicons[locale];
    // Mid-frequency synthetic words too: real queries are not all about the most common terms.
    const tail = lex.words.slice(300, 3000);
    const pickWord = () => (random.chance(0.75) ? random.pick(lex.content) : random.pick(tail));
    if (locale === 'zh-Hant') {
      const chars = [...new Set(lex.vocabulary.characters ?? [])];
      for (let i = 0; i < perLocale; i++) {
        const r = i % 6;
        let q: string;
        let kind: QueryKind = 'cjk';
        if (r === 0 || r === 1) q = pickWord();
        else if (r === 2) q = `${pickWord()}${pickWord()}`;
        else if (r === 3) q = random.pick(chars);
        else if (r === 4) q = `${pickWord()} ${pickWord()}`;
        else {
          q = random.pick(simplifiedQueries);
          kind = 'cjk-simplified';
        }
        out.push({ q, locale, kind });
      }
      continue;
    }
    const long = lex.content.filter((word) => [...word].length >= 6);
    const alphabet = [...new Set(long.join(''))].filter((c) => /\p{L}/u.test(c) && (locale === 'el') !== /[a-z]/.test(c));
    for (let i = 0; i < perLocale; i++) {
      const r = i % 5;
      if (r === 0) out.push({ q: pickWord(), locale, kind: 'word' });
      else if (r === 1) out.push({ q: `${pickWord()} ${pickWord()}`, locale, kind: 'two-words' });
      else if (r === 2) {
        const word = random.pick(lex.content.filter((x) => [...x].length >= 5));
        out.push({ q: [...word].slice(0, random.int(2, 4)).join(''), locale, kind: 'prefix' });
      } else if (r === 3) out.push({ q: typo(random.pick(long), random, alphabet), locale, kind: 'typo' });
      else {
        const word = random.pick(long);
        out.push({ q: `${pickWord()} ${[...word].slice(0, random.int(3, 5)).join('')}`, locale, kind: 'prefix' });
      }
    }
  }
  return out;
}
