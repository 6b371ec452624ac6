// Opens the saved index for querying: load, check the embedder against the manifest, build the searcher.
import type { Settings } from '../config.js';
import { HybridSearcher } from './hybrid-search.js';
import { loadIndex } from './index-store.js';
import { loadGlossary } from './query-terms.js';
import { embedderForIndex } from './select-embedder.js';

/** Loads INDEX_DIR and returns a searcher; throws the index errors with re-ingest advice. */
export async function openSearcher(settings: Settings): Promise<HybridSearcher> {
  const index = loadIndex(settings.INDEX_DIR, settings.HNSW_EF_SEARCH);
  const embedder = await embedderForIndex(settings, index.manifest, index.embedderState);
  return new HybridSearcher(index, embedder, loadGlossary(settings.GLOSSARY_FILE));
}
