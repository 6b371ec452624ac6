// Builds the in-memory index (HNSW vectors, BM25, manifest) from chunks and an embedder.
import { createHash } from 'node:crypto';
import hnswlib from 'hnswlib-node';
import type { Chunk } from '../ingest/types.js';
import { Bm25Builder, Bm25Index } from './bm25.js';
import type { Embedder } from './embedder.js';
import { HashEmbedder } from './hash-embedder.js';
import { prepareChunks, type IndexedChunk } from './indexed-chunk.js';
import { factsOfChunks } from './fact-file.js';
import { INDEX_FORMAT_VERSION, type Manifest } from './manifest.js';
import type { StoredIndex } from './index-store.js';
import { buildLexicon, type LexiconTable } from './lexicon/build-lexicon.js';
import { loadDictionary } from './lexicon/dictionary-cache.js';
import { BIGRAM_PREFIX, tokenizeFolded } from './tokenize.js';

export type HnswParams = { m: number; efConstruction: number; efSearch: number };

/** What lets a build reuse vectors from a previous one: same fingerprint, vectors by chunk id. */
export type VectorCache = { fingerprint: string; vectors: Map<string, number[]> };

/** The text embedded for a chunk: its article title first, so the topic is in every vector. */
export function embeddingText(chunk: Chunk): string {
  return chunk.meta.title ? `${chunk.meta.title}\n${chunk.text}` : chunk.text;
}

/** embeddingText folded, from the chunk's prepared text (no folding again). */
export function foldedEmbeddingText(chunk: IndexedChunk): string {
  return chunk.meta.title ? `${chunk.titleFolded}\n${chunk.folded}` : chunk.folded;
}

/** sha256 over the sorted chunk ids. */
export function corpusHash(chunks: Chunk[]): string {
  return createHash('sha256').update(chunks.map((c) => c.id).sort().join('\n')).digest('hex');
}

/** An embedder's fingerprint: its own when it has one (fitted statistics), else id, model and dimension. */
export function embedderFingerprint(embedder: Embedder): string {
  const own = (embedder as { fingerprint?: string }).fingerprint;
  return own ?? `${embedder.id}:${embedder.model}:${embedder.dimension}`;
}

let lastLexicon: { key: string; table: LexiconTable } | null = null;

/**
 * The lexicon over a corpus vocabulary (the jieba words BM25 indexed) and the dictionary it was
 * built with (cached per package version; see loadDictionary). The last table is kept: an ingest
 * that adds no new word (re-ingesting, or replacing a file) reuses it.
 */
function lexiconFor(vocabulary: string[]): Pick<StoredIndex, 'lexicon' | 'dictionary' | 'dictionarySources'> {
  const { dictionary, sources } = loadDictionary();
  const key = createHash('sha256').update(sources).update('\n').update(vocabulary.join('\n')).digest('hex');
  if (lastLexicon?.key !== key) lastLexicon = { key, table: buildLexicon(dictionary, vocabulary) };
  return { lexicon: lastLexicon.table, dictionary, dictionarySources: sources };
}

/**
 * Prepares chunks (folded copy, sentences, paragraph links: see IndexedChunk), embeds them
 * (reusing cached vectors when the fingerprint matches), inserts them into a cosine HNSW index
 * under labels 0..n-1 (label = position in `chunks`), builds BM25 and the lexicon. Works in batches in label
 * order, so memory holds one batch of vectors, and the hash embedder and the tokenizer use the
 * prepared folding of each text. `checkpoint` is called before each batch (it throws to abandon the build).
 */
export async function buildIndex(
  plain: Chunk[],
  embedder: Embedder,
  params: HnswParams,
  options: { batchSize: number; cache?: VectorCache; embedderState?: StoredIndex['embedderState']; checkpoint?: () => void },
): Promise<Omit<StoredIndex, 'manifest'> & { manifest: Omit<Manifest, 'files'> }> {
  const chunks = prepareChunks(plain);
  const fingerprint = embedderFingerprint(embedder);
  const cached = options.cache?.fingerprint === fingerprint ? options.cache.vectors : new Map<string, number[]>();
  const hnsw = new hnswlib.HierarchicalNSW('cosine', embedder.dimension);
  hnsw.initIndex({ maxElements: Math.max(1, chunks.length), m: params.m, efConstruction: params.efConstruction, randomSeed: 100 });
  const bm25 = new Bm25Builder();
  for (let start = 0; start < chunks.length; start += options.batchSize) {
    options.checkpoint?.();
    const batch = chunks.slice(start, start + options.batchSize);
    const folded = batch.map(foldedEmbeddingText);
    const missing = batch.map((c, j) => j).filter((j) => !cached.has(batch[j]!.id));
    const fresh =
      embedder instanceof HashEmbedder
        ? missing.map((j) => embedder.embedFolded(folded[j]!))
        : await embedder.embedDocuments(missing.map((j) => embeddingText(batch[j]!)));
    const vectors = batch.map((c) => cached.get(c.id));
    missing.forEach((j, i) => (vectors[j] = fresh[i]));
    vectors.forEach((v, j) => hnsw.addPoint(v!, start + j));
    folded.forEach((f) => bm25.add(tokenizeFolded(f)));
  }
  hnsw.setEf(params.efSearch);
  const postings = bm25.build();
  const lexicon = lexiconFor(postings.terms.filter((t) => !t.startsWith(BIGRAM_PREFIX)));
  const sources = new Map<string, number>();
  for (const c of chunks) sources.set(c.meta.source, (sources.get(c.meta.source) ?? 0) + 1);
  return {
    chunks,
    bm25: new Bm25Index(postings),
    ...lexicon,
    hnsw,
    embedderState: options.embedderState ?? null,
    facts: factsOfChunks(chunks),
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      builtAt: new Date().toISOString(),
      embedder: { id: embedder.id, model: embedder.model, dimension: embedder.dimension, fingerprint },
      hnsw: { space: 'cosine', m: params.m, efConstruction: params.efConstruction },
      chunkCount: chunks.length,
      corpusHash: corpusHash(chunks),
      sources: [...sources].map(([source, n]) => ({ source, chunks: n })),
    },
  };
}

/** Vectors of a stored index by chunk id (HNSW keeps them; label = chunk position). */
export function vectorCacheOf(index: StoredIndex): VectorCache {
  const vectors = new Map<string, number[]>();
  index.chunks.forEach((c, label) => vectors.set(c.id, index.hnsw.getPoint(label)));
  return { fingerprint: index.manifest.embedder.fingerprint, vectors };
}
