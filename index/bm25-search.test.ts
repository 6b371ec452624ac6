// Property test for BM25 search: MaxScore pruning returns exactly what scoring every posting would.
import { describe, expect, it } from 'vitest';
import { BM25_B, BM25_K1, Bm25Builder, Bm25Index, buildPostings } from './bm25.js';

/** Mulberry32: deterministic floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exhaustive term-at-a-time BM25 (the definition), sorted by score then doc. */
function reference(docs: string[][], query: string[], topN: number) {
  const n = docs.length;
  const avg = docs.reduce((a, d) => a + d.length, 0) / n;
  const scores = new Map<number, number>();
  for (const term of new Set(query)) {
    const df = docs.filter((d) => d.includes(term)).length;
    if (df === 0) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    docs.forEach((d, doc) => {
      const tf = d.filter((t) => t === term).length;
      if (tf === 0) return;
      const norm = BM25_K1 * (1 - BM25_B + (BM25_B * d.length) / avg);
      scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (BM25_K1 + 1)) / (tf + norm));
    });
  }
  return [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, topN);
}

describe('Bm25Index.search (MaxScore)', () => {
  it('matches exhaustive scoring on random corpora with skewed term frequencies', () => {
    const random = prng(7);
    const vocabulary = Array.from({ length: 40 }, (_, i) => `t${i}`);
    // Zipf-like draws: low term numbers are common, high ones rare, so pruning has work to do.
    const draw = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
    for (let trial = 0; trial < 30; trial++) {
      const docs = Array.from({ length: 50 + Math.floor(random() * 300) }, () => Array.from({ length: 1 + Math.floor(random() * 30) }, draw));
      const index = new Bm25Index(buildPostings(docs));
      for (let q = 0; q < 10; q++) {
        const query = Array.from({ length: 1 + Math.floor(random() * 8) }, draw);
        const topN = 1 + Math.floor(random() * 20);
        const got = index.search(query, topN);
        const want = reference(docs, query, topN);
        expect(got.map((h) => h.doc)).toEqual(want.map((h) => h.doc));
        got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 12));
      }
    }
  });

  it('builds the same postings one document at a time as from the whole list', () => {
    const docs = [['猪', '猪', '羊'], ['猪', '蜂'], ['羊']];
    const builder = new Bm25Builder();
    docs.forEach((d) => builder.add(d));
    expect(builder.build()).toEqual(buildPostings(docs));
    expect(buildPostings(docs)).toEqual({
      terms: ['猪', '羊', '蜂'],
      offsets: Uint32Array.from([0, 2, 4, 5]),
      docs: Uint32Array.from([0, 1, 0, 2, 1]),
      tfs: Uint32Array.from([2, 1, 1, 1, 1]),
      docLengths: Uint32Array.from([3, 2, 1]),
    });
  });
});
