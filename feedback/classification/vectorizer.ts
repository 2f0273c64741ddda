import { featureFamily, type FeatureOptions } from './features.ts';
import type { SparseVector } from './linear.ts';

/**
 * TF-IDF over the features of features.ts: sublinear term frequency (1 + ln tf), smoothed idf
 * (ln((1 + N) / (1 + df)) + 1), a weight per feature family, then L2 normalization of the whole vector.
 */
export class Vectorizer {
  readonly names: string[];
  readonly ids: Map<string, number>;
  readonly idf: number[];
  documents: number;

  constructor(names: string[], idf: number[], documents: number) {
    this.names = names;
    this.idf = idf;
    this.documents = documents;
    this.ids = new Map(names.map((n, i) => [n, i]));
  }

  /** Vocabulary from training documents; a feature seen in fewer than minDf[family] documents is left out. */
  static fit(documents: ReadonlyArray<Map<string, number>>, minDf: FeatureOptions['familyWeights']): Vectorizer {
    const df = new Map<string, number>();
    for (const doc of documents) for (const name of doc.keys()) df.set(name, (df.get(name) ?? 0) + 1);
    const names = [...df.keys()].filter((n) => (df.get(n) ?? 0) >= minDf[featureFamily(n)]).sort();
    const total = documents.length;
    const idf = names.map((n) => Math.log((1 + total) / (1 + (df.get(n) ?? 0))) + 1);
    return new Vectorizer(names, idf, total);
  }

  /** Adds a feature first met after training (a staff correction), with the idf of a one-document feature. */
  addFeature(name: string): number {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    const id = this.names.length;
    this.names.push(name);
    this.idf.push(Math.log((1 + this.documents) / 2) + 1);
    this.ids.set(name, id);
    return id;
  }

  transformAll(documents: ReadonlyArray<Map<string, number>>, familyWeights: FeatureOptions['familyWeights']): SparseVector[] {
    return documents.map((counts) => this.transform(counts, familyWeights));
  }

  transform(counts: Map<string, number>, familyWeights: FeatureOptions['familyWeights']): SparseVector {
    const pairs: Array<[number, number]> = [];
    let norm = 0;
    for (const [name, count] of counts) {
      const id = this.ids.get(name);
      if (id === undefined) continue;
      const v = familyWeights[featureFamily(name)] * (1 + Math.log(count)) * this.idf[id]!;
      if (v === 0) continue;
      pairs.push([id, v]);
      norm += v * v;
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const index = new Int32Array(pairs.length);
    const value = new Float32Array(pairs.length);
    pairs.forEach(([id, v], k) => {
      index[k] = id;
      value[k] = v * scale;
    });
    return { index, value };
  }
}
