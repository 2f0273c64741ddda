import { describe, expect, it } from 'vitest';
import { TermTrie } from '@search/embedded/term-trie.ts';

/** Optimal string alignment distance (Levenshtein plus swaps of neighbours) over code points: the reference. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('TermTrie', () => {
  const random = seeded(42);
  const alphabet = ['a', 'b', 'c', 'd', 'e', 'ä', 'σ', 'ς', '保', '固', '𝒜'];
  const terms = new Set<string>();
  while (terms.size < 3000) {
    const length = 1 + Math.floor(random() * 7);
    terms.add(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
  }
  const trie = new TermTrie();
  for (const t of terms) trie.add(t);
  for (const t of [...terms].slice(0, 100)) trie.add(t);

  it('counts distinct terms once', () => {
    expect(trie.size).toBe(terms.size);
  });

  it('finds exactly the terms within one and two edits, the word itself excluded', () => {
    const words = [...[...terms].slice(0, 60), 'abcde', 'σας', '保固保', '𝒜b', 'zzzz'];
    for (const word of words) {
      for (const max of [1, 2]) {
        const expected = [...terms]
          .map((term) => ({ term, distance: distance(word, term) }))
          .filter((m) => m.distance > 0 && m.distance <= max)
          .sort((a, b) => (a.term < b.term ? -1 : 1));
        const found = trie.near(word, max).sort((a, b) => (a.term < b.term ? -1 : 1));
        expect(found, `${word} within ${max}`).toEqual(expected);
      }
    }
  });

  it('lists the terms under a prefix, up to a limit', () => {
    for (const prefix of ['a', 'bc', 'σ', '保固', '𝒜', '', 'x']) {
      const expected = [...terms].filter((t) => t.startsWith(prefix)).sort();
      expect(trie.withPrefix(prefix, 1e9).sort()).toEqual(expected);
      expect(trie.withPrefix(prefix, 5).length).toBe(Math.min(5, expected.length));
    }
  });
});
