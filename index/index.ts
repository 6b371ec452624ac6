// Public surface of index/: embedders, the saved index, hybrid search.
export type { Embedder } from './embedder.js';
export { cleanIndexFolder } from './build-folders.js';
export { IndexCorruptError, IndexLockedError, IndexMismatchError, IndexNotBuiltError, IndexPointerMissingError, VectorStoreUnavailableError } from './errors.js';
export { HashEmbedder } from './hash-embedder.js';
export { describeHit, HybridRetriever, HybridSearcher, type SearchHit } from './hybrid-search.js';
export { loadIndex, readManifest, saveIndex, type LoadOptions, type StoredIndex } from './index-store.js';
export type { Manifest } from './manifest.js';
export { openSearcher, openVectorStore, type VectorStoreKind } from './open-index.js';
export { chunkDocument, HnswVectorStore } from './hnsw-vector-store.js';
export { expandQuery, type Glossary } from './query-terms.js';
export { cutWords, functionWords, tokenize } from './tokenize.js';
export { removeSources, updateIndex, type IngestReport } from './update-index.js';
export { ModelUnavailableError } from './transformers-embedder.js';
