// Public surface of index/: embedders, the saved index, hybrid search.
export type { Embedder } from './embedder.js';
export { cleanIndexFolder } from './build-folders.js';
export { createBuildThread, type BuildThread } from './build-thread.js';
export type { IndexChange } from './build-worker.js';
export { IndexCorruptError, IndexLockedError, IndexMismatchError, IndexNotBuiltError, IndexPointerMissingError, VectorStoreUnavailableError } from './errors.js';
export { factFolds, type FactFolds } from './fact-folds.js';
export { HashEmbedder } from './hash-embedder.js';
export { describeHit, HybridRetriever, HybridSearcher, type ChunkFact, type SearchHit } from './hybrid-search.js';
/**
 * Text prepared at ingest and stored in the index, so nothing is folded or split per question:
 * `indexedChunk(hit.chunk)` gives a hit's chunk with `folded` (foldForMatch of its text),
 * `sentences` ({ text, folded, start }[], splitSentences order), `titleFolded`, `townFolded` and
 * `wholeParagraph` ({ text, folded }); O(1) for the index's own chunks (searcher.index.chunks are
 * IndexedChunks), prepared once and kept for any other chunk (test fixtures).
 */
export { IndexedChunk, indexedChunk, type ChunkParagraph, type ChunkSentence } from './indexed-chunk.js';
export { loadIndex, readManifest, saveIndex, type LoadOptions, type StoredIndex } from './index-store.js';
export type { Manifest } from './manifest.js';
export { openSearcher, openVectorStore, type VectorStoreKind } from './open-index.js';
export { slicePause, type Pause } from './slice-pause.js';
export { chunkDocument, HnswVectorStore } from './hnsw-vector-store.js';
export { expandQuery } from './query-terms.js';
export { buildLexicon, type LexiconTable } from './lexicon/build-lexicon.js';
export { loadDictionary } from './lexicon/dictionary-cache.js';
export { Lexicon, type RelatedWord, type Translation } from './lexicon/lexicon.js';
export { loadOverrides } from './lexicon/lexicon-overrides.js';
export { cutWords, functionWords, isIdiomWord, isIndefiniteAmount, isLocativeWord, isModifierWord, isPredicateWord, isTimeWord, measureWords, placeNames, tokenize } from './tokenize.js';
export { removeSources, updateIndex, type IngestReport } from './update-index.js';
export { ModelUnavailableError } from './transformers-embedder.js';
export { progressReporter, renderProgressBar } from './model-progress.js';
