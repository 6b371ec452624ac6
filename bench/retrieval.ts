// Benchmark stage 2: in-process latency of dense, BM25, hybrid retrieval and full answers; HNSW recall against exact search.
import hnswlib from 'hnswlib-node';
import { answerOptions, createAnswerChain } from '../answer/index.js';
import { composeExtractive, retrievalQuery } from '../answer/answer-chain.js';
import type { Settings } from '../config.js';
import { expandQuery, tokenize, type HybridSearcher } from '../index/index.js';
import { profile, type ProfileLine } from './profile.js';
import { percentiles, timeEach, type Latency } from './stats.js';

export type RecallFigures = { k: number; efSearch: number; recall: number; idRecall: number; epsilonRecall?: number; knnP50Ms: number };

/** ann-benchmarks' "epsilon" recall: a result counts when its distance is within (1 + ε) of the exact k-th's. */
export const RECALL_EPSILON = 0.01;
export type RetrievalFigures = {
  queries: number;
  dense: Latency;
  bm25: Latency;
  hybrid: Latency;
  answer: Latency;
  answerChain: Latency;
  recall: RecallFigures[];
  exactKnn: Latency;
  /** Where a full answer spends its time (V8 CPU profile, self time). */
  answerProfile: ProfileLine[];
};

/** Exact k-NN over the index's own vectors (hnswlib's brute-force index: a C++ scan of every vector). */
export function exactIndexOf(searcher: HybridSearcher): hnswlib.BruteforceSearch {
  const { hnsw } = searcher.index;
  const n = hnsw.getCurrentCount();
  const exact = new hnswlib.BruteforceSearch('cosine', hnsw.getNumDimensions());
  exact.initIndex(Math.max(1, n));
  for (let label = 0; label < n; label++) exact.addPoint(hnsw.getPoint(label), label);
  return exact;
}

/**
 * Recall@k of HNSW against exact search at each efSearch: `recall` counts a result as right when
 * its similarity reaches the exact k-th (ties, common among near-duplicate chunks, count);
 * `idRecall` asks for the exact ids; `epsilonRecall` accepts a cosine distance up to (1 + ε) times
 * the exact k-th's (ann-benchmarks' epsilon recall: how near the misses are).
 */
export function measureRecall(hnsw: hnswlib.HierarchicalNSW, exact: hnswlib.BruteforceSearch, vectors: number[][], efs: number[], k = 10): RecallFigures[] {
  const kk = Math.min(k, hnsw.getCurrentCount());
  const truth = vectors.map((v) => exact.searchKnn(v, kk));
  const out = efs.map((efSearch) => {
    hnsw.setEf(efSearch);
    let hits = 0;
    let idHits = 0;
    let nearHits = 0;
    const times: number[] = [];
    vectors.forEach((v, i) => {
      const started = performance.now();
      const got = hnsw.searchKnn(v, kk);
      times.push(performance.now() - started);
      const t = truth[i]!;
      const kth = 1 - t.distances[kk - 1]!;
      const ids = new Set(t.neighbors);
      got.distances.forEach((d, j) => {
        if (1 - d >= kth - 1e-6) hits++;
        if (d <= (1 + RECALL_EPSILON) * t.distances[kk - 1]! + 1e-6) nearHits++;
        if (ids.has(got.neighbors[j]!)) idHits++;
      });
    });
    const total = Math.max(1, vectors.length * kk);
    return { k: kk, efSearch, recall: hits / total, idRecall: idHits / total, epsilonRecall: nearHits / total, knnP50Ms: percentiles(times).p50 };
  });
  return out;
}

/** Times every retrieval path over the queries (`rounds` timed rounds after a warm-up). */
export async function retrievalStage(searcher: HybridSearcher, queries: string[], s: Settings, rounds: number, efs: number[]): Promise<RetrievalFigures> {
  const options = answerOptions(s);
  const chain = createAnswerChain(searcher, options);
  const expanded = queries.map((q) => expandQuery(q, searcher.lexicon));
  const dense = await timeEach(expanded, rounds, async (q) => searcher.vectors.similaritySearchVectorWithScore(await searcher.embedder.embedQuery(q), 10));
  const bm25 = await timeEach(expanded, rounds, (q) => searcher.index.bm25.search(tokenize(q), 10));
  const hybrid = await timeEach(queries, rounds, (q) => searcher.search(q, s.TOP_K));
  const answer = await timeEach(queries, rounds, async (q) => composeExtractive(searcher, q, await searcher.search(retrievalQuery(searcher, q), options.k), options));
  const answerChain = await timeEach(queries, rounds, (q) => chain.invoke({ question: q }));
  const answerProfile = await profile(async () => {
    for (let r = 0; r < rounds; r++) for (const q of queries) composeExtractive(searcher, q, await searcher.search(retrievalQuery(searcher, q), options.k), options);
  });
  const vectors = await Promise.all(expanded.map((q) => searcher.embedder.embedQuery(q)));
  const exact = exactIndexOf(searcher);
  const exactKnn = await timeEach(vectors, 1, (v) => exact.searchKnn(v, 10));
  const recall = measureRecall(searcher.index.hnsw, exact, vectors, [...new Set([...efs, s.HNSW_EF_SEARCH])].sort((a, b) => a - b));
  searcher.index.hnsw.setEf(s.HNSW_EF_SEARCH);
  return { queries: queries.length, dense, bm25, hybrid, answer, answerChain, recall, exactKnn, answerProfile };
}
