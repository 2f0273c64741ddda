/** A small seeded PRNG (mulberry32): the same seed gives the same corpus and queries on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * Samples ranks 0..n-1 with Zipf-Mandelbrot weights 1 / (rank + q)^s, as word frequencies in real text
 * fall off: a few words everywhere, a long tail of rare ones, and a vocabulary that grows with the corpus.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(n: number, s = 1.05, q = 2.7) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      sum += 1 / Math.pow(r + q, s);
      this.cumulative[r] = sum;
    }
    for (let r = 0; r < n; r++) this.cumulative[r] = this.cumulative[r]! / sum;
  }

  sample(random: Random): number {
    const x = random.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
