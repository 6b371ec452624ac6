// BM25 over token lists: an inverted index that is built once, saved as JSON and searched fast.
import { z } from 'zod';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export const bm25DataSchema = z.object({
  docLengths: z.array(z.number().int().min(0)),
  /** term -> [doc numbers, term frequencies], doc numbers ascending. */
  postings: z.record(z.string(), z.tuple([z.array(z.number().int().min(0)), z.array(z.number().int().min(1))])),
});
export type Bm25Data = z.infer<typeof bm25DataSchema>;

export type Bm25Hit = { doc: number; score: number };

/** Builds the inverted index of tokenised documents (doc number = position in the array). */
export function buildBm25(docs: string[][]): Bm25Data {
  const postings: Bm25Data['postings'] = {};
  docs.forEach((tokens, doc) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const p = (postings[t] ??= [[], []]);
      p[0].push(doc);
      p[1].push(n);
    }
  });
  return { docLengths: docs.map((d) => d.length), postings };
}

/** Searchable BM25 index over built data. */
export class Bm25Index {
  private readonly avgLength: number;
  private readonly scores: Float64Array;

  constructor(readonly data: Bm25Data) {
    const n = data.docLengths.length;
    this.avgLength = n ? data.docLengths.reduce((a, b) => a + b, 0) / n : 0;
    this.scores = new Float64Array(n);
  }

  get size(): number {
    return this.data.docLengths.length;
  }

  /** Robertson–Spärck Jones idf with +1 so it stays positive; 0 for unknown terms. */
  idf(term: string): number {
    const df = this.data.postings[term]?.[0].length ?? 0;
    if (df === 0) return 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The `topN` best documents for the query tokens, score descending (ties: lower doc first). */
  search(queryTokens: string[], topN: number): Bm25Hit[] {
    const scores = this.scores;
    const touched: number[] = [];
    for (const term of new Set(queryTokens)) {
      const p = this.data.postings[term];
      if (!p) continue;
      const idf = this.idf(term);
      const [docs, tfs] = p;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const tf = tfs[i]!;
        const norm = BM25_K1 * (1 - BM25_B + (BM25_B * this.data.docLengths[doc]!) / this.avgLength);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (idf * tf * (BM25_K1 + 1)) / (tf + norm);
      }
    }
    const hits = touched.map((doc) => ({ doc, score: scores[doc]! }));
    for (const doc of touched) scores[doc] = 0;
    return hits.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, topN);
  }
}
