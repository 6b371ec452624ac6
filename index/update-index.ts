// Ingest: read article files, merge with the existing index, embed what is new, save atomically.
import { join } from 'node:path';
import type { Settings } from '../config.js';
import { CorpusError, loadGazetteer, readCorpus, type Chunk, type ParsedDocument } from '../ingest/index.js';
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
 * Where a build's warnings go, the model download progress, and `checkpoint`: called between the
 * build's steps (each embedding batch, and last before the new build is made current), it throws
 * to abandon the build, which then leaves the saved index as it was.
 */
type BuildOptions = { warn: (message: string) => void; progress?: (p: ModelProgress) => void; checkpoint?: () => void };

/** What updateIndex is asked to do: rebuild or add, documents already parsed (reused for the same bytes), and the build options. */
type UpdateOptions = BuildOptions & { rebuild: boolean; parsed?: ParsedDocument[] };

/**
 * Embeds `chunks` (reusing the previous index's vectors when the embedder is the same), builds
 * and saves the index. Sources in `fresh` are stamped as added now; the others keep the time the
 * previous index recorded for them.
 */
async function buildAndSave(settings: Settings, lock: IndexLock, chunks: Chunk[], previous: StoredIndex | null, fresh: Set<string>, options: BuildOptions): Promise<Manifest> {
  const checkpoint = options.checkpoint ?? (() => {});
  checkpoint();
  const { embedder, state } = await embedderForBuild(settings, chunks.map(embeddingText), options.warn, options.progress);
  checkpoint();
  const cache: VectorCache | undefined = previous ? vectorCacheOf(previous) : undefined;
  const built = await buildIndex(
    chunks,
    embedder,
    { m: settings.HNSW_M, efConstruction: settings.HNSW_EF_CONSTRUCTION, efSearch: settings.HNSW_EF_SEARCH },
    { batchSize: settings.EMBED_BATCH, cache, embedderState: state, checkpoint },
  );
  const now = built.manifest.builtAt;
  const addedBefore = new Map(previous?.manifest.sources.map((s) => [s.source, s.addedAt ?? previous.manifest.builtAt]));
  const sources = built.manifest.sources.map((s) => ({ ...s, addedAt: fresh.has(s.source) ? now : (addedBefore.get(s.source) ?? now) }));
  return saveIndex(settings.INDEX_DIR, { ...built, manifest: { ...built.manifest, sources } }, lock, checkpoint);
}

/** Counts of chunk ids added, removed and kept between two indexes. */
function changes(before: Chunk[], after: Chunk[]): Pick<IngestReport, 'added' | 'removed' | 'kept'> {
  const was = new Set(before.map((c) => c.id));
  const now = new Set(after.map((c) => c.id));
  return {
    added: [...now].filter((id) => !was.has(id)).length,
    removed: [...was].filter((id) => !now.has(id)).length,
    kept: [...now].filter((id) => was.has(id)).length,
  };
}

/**
 * Ingests `paths` (default: the bundled articles folder): text, Markdown, PDF, Word and HTML
 * documents, each told by its content. Without `rebuild`, chunks already in
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
  return withIndexLock(settings, options.warn, (lock) => updateLocked(settings, paths, options, lock));
}

/** Runs `write` holding the index folder's lock, after removing builds left by failed or killed ingests. */
export async function withIndexLock<T>(settings: Settings, warn: (message: string) => void, write: (lock: IndexLock) => Promise<T>): Promise<T> {
  const dir = settings.INDEX_DIR;
  const lock = await lockIndex(dir, settings.INDEX_LOCK_WAIT_MS, warn);
  try {
    for (const name of removeDeadEntries(dir)) warn(`removed ${join(dir, name)}, left by a failed or killed ingest`);
    return await write(lock);
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

/** updateIndex under `lock`, which the caller took (and releases) after removing dead builds. */
export async function updateLocked(settings: Settings, paths: string[], options: UpdateOptions, lock: IndexLock): Promise<IngestReport> {
  if (options.rebuild) currentBuildIfAny(settings.INDEX_DIR); // refuse to rebuild over builds that lost their CURRENT
  const gazetteer = loadGazetteer(settings.GAZETTEER_FILE);
  const named = await readCorpus(paths.length ? paths : [settings.ARTICLES_DIR], gazetteer, settings.CHUNK_MAX_CHARS, options.parsed);
  const previous = options.rebuild ? null : previousIndex(settings.INDEX_DIR, settings.HNSW_EF_SEARCH, options.warn);
  const renamed = new Set(named.sources);
  // Adding files to no (usable) index adds them to the bundled articles, as a user would expect.
  const bundled = async () => (await readCorpus([settings.ARTICLES_DIR], gazetteer, settings.CHUNK_MAX_CHARS)).chunks;
  const base = previous?.chunks ?? (options.rebuild || paths.length === 0 ? [] : await bundled());
  const kept: Chunk[] = base.filter((c) => !renamed.has(c.meta.source));
  const ids = new Set(kept.map((c) => c.id));
  const chunks = [...kept, ...named.chunks.filter((c) => !ids.has(c.id))];
  const manifest = await buildAndSave(settings, lock, chunks, previous, renamed, options);
  return { manifest, ...changes(previous?.chunks ?? [], chunks), sources: named.sources };
}

/**
 * Removes every chunk of the named sources (as the manifest names them) from the index and saves
 * the new version, holding the index lock like updateIndex. Throws IndexNotBuiltError without an
 * index, CorpusError for a source it does not hold or when no document would be left.
 */
export async function removeSources(settings: Settings, sources: string[], options: BuildOptions): Promise<IngestReport> {
  return withIndexLock(settings, options.warn, (lock) => removeLocked(settings, sources, options, lock));
}

/** removeSources under `lock`, which the caller took (and releases) after removing dead builds. */
export async function removeLocked(settings: Settings, sources: string[], options: BuildOptions, lock: IndexLock): Promise<IngestReport> {
  const previous = loadIndex(settings.INDEX_DIR, settings.HNSW_EF_SEARCH);
  const held = new Set(previous.chunks.map((c) => c.meta.source));
  const missing = sources.filter((s) => !held.has(s));
  if (missing.length) throw new CorpusError(`no document ${missing.join(', ')} in the index`);
  const gone = new Set(sources);
  const chunks = previous.chunks.filter((c) => !gone.has(c.meta.source));
  if (chunks.length === 0) throw new CorpusError('cannot remove every document: the index would be empty');
  const manifest = await buildAndSave(settings, lock, chunks, previous, new Set(), options);
  return { manifest, ...changes(previous.chunks, chunks), sources };
}
