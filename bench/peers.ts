// Benchmark peers on the same corpus and queries: Orama (BM25, vector, hybrid) and LangChain's in-memory vector store.
import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import type { Chunk } from '../ingest/index.js';
import { embeddingText } from '../index/build-index.js';
import { chunkDocument, expandQuery, tokenize, type HybridSearcher } from '../index/index.js';
import { memoryVectorStoreClass } from '../index/open-index.js';
import { timeEach, type Latency } from './stats.js';

export type PeerFigures = {
  name: string;
  version: string;
  chunks: number;
  ingestMs: number;
  chunksPerSecond: number;
  /** Queries timed (a subset of the fixed set on large corpora, where each peer query takes seconds). */
  queries: number;
  bm25?: Latency;
  dense?: Latency;
  hybrid?: Latency;
  /** Our latencies over the same queries and rounds, for the ratios. */
  ours: { bm25: Latency; dense: Latency; hybrid: Latency };
  note: string;
};

/** Our dense, BM25 and hybrid latency over the given queries (the peers' subset). */
async function oursOn(searcher: HybridSearcher, queries: string[], rounds: number, k: number): Promise<PeerFigures['ours']> {
  const expanded = queries.map((q) => expandQuery(q, searcher.lexicon));
  return {
    bm25: await timeEach(expanded, rounds, (q) => searcher.index.bm25.search(tokenize(q), 10)),
    dense: await timeEach(expanded, rounds, async (q) => searcher.vectors.similaritySearchVectorWithScore(await searcher.embedder.embedQuery(q), 10)),
    hybrid: await timeEach(queries, rounds, (q) => searcher.search(q, k)),
  };
}

const BATCH = 1000;

/** Orama with our tokens (space-joined, split back by its tokenizer) and our vectors: the same inputs, its engine. */
export async function oramaPeer(chunks: Chunk[], searcher: HybridSearcher, queries: string[], rounds: number, version: string, k: number): Promise<PeerFigures> {
  const dim = searcher.index.hnsw.getNumDimensions();
  const tokenizer = { language: 'english', normalizationCache: new Map<string, string>(), tokenize: (raw: string) => raw.split(' ').filter(Boolean) };
  const started = performance.now();
  const db: AnyOrama = create({ schema: { text: 'string', embedding: `vector[${dim}]` } as const, components: { tokenizer } });
  for (let i = 0; i < chunks.length; i += BATCH) {
    const docs = chunks.slice(i, i + BATCH).map((c, j) => ({ id: String(i + j), text: tokenize(embeddingText(c)).join(' '), embedding: searcher.index.hnsw.getPoint(i + j) }));
    await insertMultiple(db, docs, BATCH);
  }
  const ingestMs = Math.round(performance.now() - started);
  const prepared = await Promise.all(
    queries.map(async (q) => {
      const expanded = expandQuery(q, searcher.lexicon);
      return { term: tokenize(expanded).join(' '), vector: await searcher.embedder.embedQuery(expanded) };
    }),
  );
  const property = 'embedding';
  const bm25 = await timeEach(prepared, rounds, (p) => search(db, { term: p.term, limit: 10, threshold: 1 }));
  const dense = await timeEach(prepared, rounds, (p) => search(db, { mode: 'vector', vector: { value: p.vector, property }, similarity: 0, limit: 10 } as never));
  const hybrid = await timeEach(prepared, rounds, (p) => search(db, { mode: 'hybrid', term: p.term, vector: { value: p.vector, property }, similarity: 0, limit: k, threshold: 1 } as never));
  return {
    name: 'Orama',
    version,
    chunks: chunks.length,
    ingestMs,
    chunksPerSecond: Math.round((chunks.length * 1000) / Math.max(1, ingestMs)),
    queries: queries.length,
    bm25,
    dense,
    hybrid,
    ours: await oursOn(searcher, queries, rounds, k),
    note: 'given our tokens and vectors (its ingest figure excludes tokenising and embedding); vector search is an exact scan',
  };
}

/** LangChain's MemoryVectorStore (exact cosine scan in JavaScript), or null when its package is not installed. */
export async function langchainMemoryPeer(searcher: HybridSearcher, queries: string[], rounds: number, k: number): Promise<PeerFigures | null> {
  const Store = await memoryVectorStoreClass().catch(() => null);
  if (!Store) return null;
  const { chunks, hnsw } = searcher.index;
  const store = new Store(searcher.embedder);
  const started = performance.now();
  for (let i = 0; i < chunks.length; i += BATCH) {
    const labels = chunks.slice(i, i + BATCH).map((_, j) => i + j);
    await store.addVectors(labels.map((l) => hnsw.getPoint(l)), labels.map((l) => chunkDocument(chunks[l]!, l)));
  }
  const ingestMs = Math.round(performance.now() - started);
  const vectors = await Promise.all(queries.map((q) => searcher.embedder.embedQuery(expandQuery(q, searcher.lexicon))));
  const dense = await timeEach(vectors, rounds, (v) => store.similaritySearchVectorWithScore(v, 10));
  const ours = await oursOn(searcher, queries, rounds, k);
  return { name: 'LangChain MemoryVectorStore', version: '', chunks: chunks.length, ingestMs, chunksPerSecond: Math.round((chunks.length * 1000) / Math.max(1, ingestMs)), queries: queries.length, dense, ours, note: 'exact cosine scan in JavaScript; given our vectors' };
}
