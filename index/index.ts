// Public surface of index/: embedders, the saved index, hybrid search.
export type { Embedder } from './embedder.js';
export { IndexCorruptError, IndexMismatchError, IndexNotBuiltError } from './errors.js';
export { HashEmbedder } from './hash-embedder.js';
export { HybridRetriever, HybridSearcher, type SearchHit } from './hybrid-search.js';
export { loadIndex, readManifest, saveIndex, type StoredIndex } from './index-store.js';
export type { Manifest } from './manifest.js';
export { openSearcher } from './open-index.js';
export { expandQuery, type Glossary } from './query-terms.js';
export { cutWords, tokenize } from './tokenize.js';
export { updateIndex, type IngestReport } from './update-index.js';
export { ModelUnavailableError } from './transformers-embedder.js';
