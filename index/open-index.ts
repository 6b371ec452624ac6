// Opens the saved index for querying: load, check the embedder against the manifest, pick the vector store, build the searcher.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { VectorStore } from '@langchain/core/vectorstores';
import type { Settings } from '../config.js';
import { VectorStoreUnavailableError } from './errors.js';
import { chunkDocument, HnswVectorStore } from './hnsw-vector-store.js';
import { HybridSearcher } from './hybrid-search.js';
import { loadIndexInSlices, type StoredIndex } from './index-store.js';
import { Lexicon } from './lexicon/lexicon.js';
import { loadOverrides } from './lexicon/lexicon-overrides.js';
import { embedderForIndex } from './select-embedder.js';
import { slicePause, type Pause } from './slice-pause.js';

/** Where dense search runs: hnswlib-node over the index folder, or LangChain's exact in-memory store. */
export type VectorStoreKind = Settings['VECTOR_STORE'];

/** Where LangChain keeps MemoryVectorStore (1.x: @langchain/classic; 0.x: langchain). */
const MEMORY_STORE_MODULES = ['@langchain/classic/vectorstores/memory', 'langchain/vectorstores/memory'];

type MemoryStoreClass = new (embeddings: EmbeddingsInterface) => VectorStore;

/** LangChain's MemoryVectorStore class; throws VectorStoreUnavailableError when neither package is installed. */
export async function memoryVectorStoreClass(): Promise<MemoryStoreClass> {
  for (const specifier of MEMORY_STORE_MODULES) {
    try {
      const module = (await import(specifier)) as { MemoryVectorStore: MemoryStoreClass };
      return module.MemoryVectorStore;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    }
  }
  throw new VectorStoreUnavailableError('VECTOR_STORE=memory needs LangChain\'s MemoryVectorStore: run `npm install @langchain/classic`, or use VECTOR_STORE=hnsw');
}

/**
 * The vector store for a loaded index: `hnsw` wraps its HNSW graph; `memory` copies its vectors
 * into LangChain's MemoryVectorStore (exact search, for checks and small corpora). A remote store
 * (Qdrant, Milvus, Elasticsearch) fits the same way: fill it once with `chunkDocument` documents.
 */
export async function openVectorStore(kind: VectorStoreKind, index: StoredIndex, embeddings: EmbeddingsInterface): Promise<VectorStore> {
  if (kind === 'hnsw') return new HnswVectorStore(embeddings, index.hnsw, index.chunks);
  const store = new (await memoryVectorStoreClass())(embeddings);
  await store.addVectors(
    index.chunks.map((_, label) => index.hnsw.getPoint(label)),
    index.chunks.map((c, label) => chunkDocument(c, label)),
  );
  return store;
}

/**
 * Loads INDEX_DIR and returns a searcher, warmed up (see HybridSearcher.warmUp); throws the index
 * errors with re-ingest advice. Runs in slices separated by `pause` (see loadIndexInSlices), so a
 * server keeps answering with its current version while it opens the next.
 */
export async function openSearcher(settings: Settings, pause: Pause = slicePause()): Promise<HybridSearcher> {
  const index = await loadIndexInSlices(settings.INDEX_DIR, settings.HNSW_EF_SEARCH, pause, { verify: settings.INDEX_VERIFY });
  const embedder = await embedderForIndex(settings, index.manifest, index.embedderState);
  const vectors = await openVectorStore(settings.VECTOR_STORE, index, embedder);
  await pause();
  const searcher = new HybridSearcher(index, embedder, new Lexicon(index.lexicon, index.dictionary, loadOverrides(settings.LEXICON_OVERRIDES_FILE)), vectors);
  await pause();
  await searcher.warmUp(pause);
  return searcher;
}
