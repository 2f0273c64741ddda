/**
 * Every term of one locale's index, for completing the word being typed and for typo tolerance. A trie
 * walk with a Levenshtein row per node visits only prefixes still within reach, so a typo lookup costs
 * a few thousand steps, not a pass over the whole vocabulary. Terms are never removed: one whose
 * postings emptied is skipped by the caller, and the trie is rebuilt from live terms at the next load.
 *
 * The nodes live in typed arrays (first child, next sibling, character, term), one slot per node: 5,000
 * articles make about 330,000 nodes, which took some 50 MB of heap as one object and one Map per node
 * and take about 6 MB here (docs/search-benchmark.md). The root's children, which can be thousands in
 * Chinese, are found through a Map; deeper nodes have few children and scan their sibling list.
 */
export class TermTrie {
  /** Node 0 is the root. */
  private firstChild = new Int32Array(1024).fill(-1);
  private nextSibling = new Int32Array(1024).fill(-1);
  /** The code point leading to each node. */
  private char = new Int32Array(1024);
  /** Index in `terms` of the term ending at each node, or -1. */
  private termAt = new Int32Array(1024).fill(-1);
  private nodes = 1;
  private readonly rootChildren = new Map<number, number>();
  private readonly terms: string[] = [];

  get size(): number {
    return this.terms.length;
  }

  private child(node: number, ch: number): number {
    if (node === 0) return this.rootChildren.get(ch) ?? -1;
    for (let c = this.firstChild[node]!; c >= 0; c = this.nextSibling[c]!) if (this.char[c] === ch) return c;
    return -1;
  }

  private grow(): void {
    const capacity = this.firstChild.length * 2;
    const extend = (old: Int32Array, fill: number) => {
      const next = new Int32Array(capacity).fill(fill);
      next.set(old);
      return next;
    };
    this.firstChild = extend(this.firstChild, -1);
    this.nextSibling = extend(this.nextSibling, -1);
    this.char = extend(this.char, 0);
    this.termAt = extend(this.termAt, -1);
  }

  add(term: string): void {
    let at = 0;
    for (let i = 0; i < term.length; ) {
      const ch = term.codePointAt(i)!;
      i += ch > 0xffff ? 2 : 1;
      let next = this.child(at, ch);
      if (next < 0) {
        if (this.nodes === this.firstChild.length) this.grow();
        next = this.nodes++;
        this.char[next] = ch;
        this.nextSibling[next] = this.firstChild[at]!;
        this.firstChild[at] = next;
        if (at === 0) this.rootChildren.set(ch, next);
      }
      at = next;
    }
    if (this.termAt[at]! < 0) {
      this.termAt[at] = this.terms.length;
      this.terms.push(term);
    }
  }

  /** Terms that start with `prefix`, at most `limit` of them (in no useful order). */
  withPrefix(prefix: string, limit: number): string[] {
    let at = 0;
    for (let i = 0; i < prefix.length; ) {
      const ch = prefix.codePointAt(i)!;
      i += ch > 0xffff ? 2 : 1;
      at = this.child(at, ch);
      if (at < 0) return [];
    }
    const out: string[] = [];
    const stack: number[] = [at];
    while (stack.length && out.length < limit) {
      const n = stack.pop()!;
      const term = this.termAt[n]!;
      if (term >= 0) out.push(this.terms[term]!);
      for (let c = this.firstChild[n]!; c >= 0; c = this.nextSibling[c]!) stack.push(c);
    }
    return out;
  }

  /** Terms within `maxDistance` edits of `word` (insertions, deletions, substitutions, swaps of neighbours), the word itself excluded. */
  near(word: string, maxDistance: number): Array<{ term: string; distance: number }> {
    const chars = Array.from(word, (c) => c.codePointAt(0)!);
    const n = chars.length;
    const out: Array<{ term: string; distance: number }> = [];
    // rows[d]: the Levenshtein row at depth d of the walk. A depth-first walk finishes a node's subtree
    // before its next sibling overwrites the row, so one row per depth is enough.
    const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, i) => i)];
    const { firstChild, nextSibling, char, termAt, terms } = this;

    const walk = (node: number, depth: number, prevCh: number) => {
      const ch = char[node]!;
      const prevRow = rows[depth - 1]!;
      const prevPrevRow = depth > 1 ? rows[depth - 2] : undefined;
      let row = rows[depth];
      if (!row) rows[depth] = row = new Int32Array(n + 1);
      row[0] = prevRow[0]! + 1;
      let min = row[0]!;
      for (let i = 1; i <= n; i++) {
        let v = Math.min(row[i - 1]! + 1, prevRow[i]! + 1, prevRow[i - 1]! + (chars[i - 1] === ch ? 0 : 1));
        if (prevPrevRow && i > 1 && chars[i - 1] === prevCh && chars[i - 2] === ch) v = Math.min(v, prevPrevRow[i - 2]! + 1);
        row[i] = v;
        if (v < min) min = v;
      }
      const distance = row[n]!;
      const term = termAt[node]!;
      if (term >= 0 && distance <= maxDistance && distance > 0) out.push({ term: terms[term]!, distance });
      if (min <= maxDistance) for (let c = firstChild[node]!; c >= 0; c = nextSibling[c]!) walk(c, depth + 1, ch);
    };
    for (let c = firstChild[0]!; c >= 0; c = nextSibling[c]!) walk(c, 1, -1);
    return out;
  }
}
