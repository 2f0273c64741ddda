interface TrieNode {
  children: Map<string, TrieNode> | undefined;
  /** The whole term when one ends here. */
  term: string | undefined;
}

function node(): TrieNode {
  return { children: undefined, term: undefined };
}

/**
 * Every term of one locale's index, for completing the word being typed and for typo tolerance. A trie
 * walk with a Levenshtein row per node visits only prefixes still within reach, so a typo lookup costs
 * a few thousand steps, not a pass over the whole vocabulary. Terms are never removed: one whose
 * postings emptied is skipped by the caller, and the trie is rebuilt from live terms at the next load.
 */
export class TermTrie {
  private readonly root = node();
  size = 0;

  add(term: string): void {
    let at = this.root;
    for (const ch of term) {
      at.children ??= new Map();
      let next = at.children.get(ch);
      if (!next) {
        next = node();
        at.children.set(ch, next);
      }
      at = next;
    }
    if (at.term === undefined) {
      at.term = term;
      this.size++;
    }
  }

  /** Terms that start with `prefix`, at most `limit` of them (in no useful order). */
  withPrefix(prefix: string, limit: number): string[] {
    let at: TrieNode | undefined = this.root;
    for (const ch of prefix) {
      at = at.children?.get(ch);
      if (!at) return [];
    }
    const out: string[] = [];
    const stack: TrieNode[] = [at];
    while (stack.length && out.length < limit) {
      const n = stack.pop()!;
      if (n.term !== undefined) out.push(n.term);
      if (n.children) for (const child of n.children.values()) stack.push(child);
    }
    return out;
  }

  /** Terms within `maxDistance` edits of `word` (insertions, deletions, substitutions, swaps of neighbours), the word itself excluded. */
  near(word: string, maxDistance: number): Array<{ term: string; distance: number }> {
    const chars = [...word];
    const n = chars.length;
    const out: Array<{ term: string; distance: number }> = [];
    const first = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) first[i] = i;

    const walk = (at: TrieNode, ch: string, prevCh: string | undefined, prevRow: Int32Array, prevPrevRow: Int32Array | undefined) => {
      const row = new Int32Array(n + 1);
      row[0] = prevRow[0]! + 1;
      let min = row[0]!;
      for (let i = 1; i <= n; i++) {
        let v = Math.min(row[i - 1]! + 1, prevRow[i]! + 1, prevRow[i - 1]! + (chars[i - 1] === ch ? 0 : 1));
        if (prevPrevRow && i > 1 && chars[i - 1] === prevCh && chars[i - 2] === ch) v = Math.min(v, prevPrevRow[i - 2]! + 1);
        row[i] = v;
        if (v < min) min = v;
      }
      const distance = row[n]!;
      if (at.term !== undefined && distance <= maxDistance && distance > 0) out.push({ term: at.term, distance });
      if (min <= maxDistance && at.children) for (const [c, child] of at.children) walk(child, c, ch, row, prevRow);
    };
    if (this.root.children) for (const [c, child] of this.root.children) walk(child, c, undefined, first, undefined);
    return out;
  }
}
