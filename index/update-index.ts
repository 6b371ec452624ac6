// Ingest: read article files, merge with the existing index, embed what is new, save atomically.
import { join } from 'node:path';
import type { Settings } from '../config.js';
import { loadGazetteer, readCorpus, type Chunk } from '../ingest/index.js';
import { buildIndex, embeddingText, vectorCacheOf, type VectorCache } from './build-index.js';
import { currentBuild, removeDeadEntries } from './build-folders.js';
import { IndexCorruptError, IndexMismatchError, IndexNotBuiltError } from './errors.js';
import { lockIndex, type IndexLock } from './index-lock.js';
import { loadIndex, saveIndex, type StoredIndex } from './index-store.js';
import type { Manifest } from './manifest.js';
import { embedderForBuild } from './select-embedder.js';
import type { ModelProgress } from './transformers-embedder.js';

export type IngestReport = { manifest: Manifest; added: number; removed: number; kept: number; sources: string[] };

/**
 * The index to extend, or null: none yet, or one that cannot be read (another format, corrupt),
 * which is replaced by a fresh build of the named files after a warning.
 */
function previousIndex(dir: string, efSearch: number, warn: (message: string) => void): StoredIndex | null {
  try {
    return loadIndex(dir, efSearch);
  } catch (err) {
    if (err instanceof IndexNotBuiltError) return null;
    if (err instanceof IndexMismatchError || err instanceof IndexCorruptError) {
      warn(`warning: the existing index cannot be extended (${err.message}); building a new one from the named files`);
      return null;
    }
    throw err;
  }
}

/**
 * Ingests `paths` (default: the bundled articles folder). Without `rebuild`, chunks already in
 * the index (with no usable index: the bundled articles) are kept, except those of re-ingested
 * sources, which are replaced; with `rebuild` the index holds exactly the named files. Vectors of unchanged chunks are
 * reused when the embedder is the same. The previous index stays usable until the new one is in place.
 * Holds the folder's lock from reading to saving (waiting up to INDEX_LOCK_WAIT_MS for another
 * writer, else IndexLockedError) and first removes builds left by failed or killed ingests.
 * Throws IndexPointerMissingError when complete builds have lost their CURRENT, even with `rebuild`.
 */
export async function updateIndex(
  settings: Settings,
  paths: string[],
  options: UpdateOptions,
): Promise<IngestReport> {
  const dir = settings.INDEX_DIR;
  const lock = await lockIndex(dir, settings.INDEX_LOCK_WAIT_MS, options.warn);
  try {
    for (const name of removeDeadEntries(dir)) options.warn(`removed ${join(dir, name)}, left by a failed or killed ingest`);
    if (options.rebuild) currentBuildIfAny(dir); // refuse to rebuild over builds that lost their CURRENT
    return await updateLocked(settings, paths, options, lock);
  } finally {
    lock.release();
  }
}

/** Throws IndexPointerMissingError (or a corrupt pointer's error) when the folder has one; otherwise nothing. */
function currentBuildIfAny(dir: string): void {
  try {
    currentBuild(dir);
  } catch (err) {
    if (!(err instanceof IndexNotBuiltError || err instanceof IndexCorruptError)) throw err;
  }
}

/** What updateIndex is asked to do: rebuild or add, where warnings go, and the model download progress. */
type UpdateOptions = { rebuild: boolean; warn: (message: string) => void; progress?: (p: ModelProgress) => void };

async function updateLocked(settings: Settings, paths: string[], options: UpdateOptions, lock: IndexLock): Promise<IngestReport> {
  const gazetteer = loadGazetteer(settings.GAZETTEER_FILE);
  const named = readCorpus(paths.length ? paths : [settings.ARTICLES_DIR], gazetteer, settings.CHUNK_MAX_CHARS);
  const previous = options.rebuild ? null : previousIndex(settings.INDEX_DIR, settings.HNSW_EF_SEARCH, options.warn);
  const renamed = new Set(named.sources);
  // Adding files to no (usable) index adds them to the bundled articles, as a user would expect.
  const bundled = () => readCorpus([settings.ARTICLES_DIR], gazetteer, settings.CHUNK_MAX_CHARS).chunks;
  const base = previous?.chunks ?? (options.rebuild || paths.length === 0 ? [] : bundled());
  const kept: Chunk[] = base.filter((c) => !renamed.has(c.meta.source));
  const ids = new Set(kept.map((c) => c.id));
  const chunks = [...kept, ...named.chunks.filter((c) => !ids.has(c.id))];
  const before = new Set(previous?.chunks.map((c) => c.id) ?? []);
  const now = new Set(chunks.map((c) => c.id));
  const { embedder, state } = await embedderForBuild(settings, chunks.map(embeddingText), options.warn, options.progress);
  const cache: VectorCache | undefined = previous ? vectorCacheOf(previous) : undefined;
  const built = await buildIndex(
    chunks,
    embedder,
    { m: settings.HNSW_M, efConstruction: settings.HNSW_EF_CONSTRUCTION, efSearch: settings.HNSW_EF_SEARCH },
    { batchSize: settings.EMBED_BATCH, cache, embedderState: state },
  );
  const manifest = saveIndex(settings.INDEX_DIR, built, lock);
  return {
    manifest,
    added: [...now].filter((id) => !before.has(id)).length,
    removed: [...before].filter((id) => !now.has(id)).length,
    kept: [...now].filter((id) => before.has(id)).length,
    sources: named.sources,
  };
}
