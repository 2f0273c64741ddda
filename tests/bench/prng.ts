import { SeededRandom } from '@core/demo/random.ts';

/** The demo data's seeded PRNG (mulberry32): the same seed gives the same corpus and queries on every machine. */
export { SeededRandom as Random };
type Random = SeededRandom;

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
