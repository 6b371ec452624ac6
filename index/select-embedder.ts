// Chooses the embedder for a build (EMBEDDER=auto|transformers|hash) or for a loaded index.
import type { Settings } from '../config.js';
import type { Embedder } from './embedder.js';
import { IndexMismatchError } from './errors.js';
import { fitDocumentFrequencies, HashEmbedder } from './hash-embedder.js';
import type { Manifest } from './manifest.js';
import { createTransformersEmbedder, ModelUnavailableError, type ModelProgress } from './transformers-embedder.js';

type EmbedderSettings = Pick<
  Settings,
  'EMBEDDER' | 'EMBEDDING_MODEL' | 'EMBEDDING_MODEL_DIR' | 'MODEL_CACHE_DIR' | 'EMBEDDING_QUANTIZED' | 'TRANSFORMERS_OFFLINE' | 'HASH_DIM' | 'EMBED_BATCH'
>;

/** Loads the transformers embedder as configured, reporting download progress (throws ModelUnavailableError). */
export function loadTransformers(s: EmbedderSettings, onProgress?: (p: ModelProgress) => void): Promise<Embedder> {
  return createTransformersEmbedder({
    model: s.EMBEDDING_MODEL,
    localModelDir: s.EMBEDDING_MODEL_DIR,
    cacheDir: s.MODEL_CACHE_DIR,
    offline: s.TRANSFORMERS_OFFLINE,
    quantized: s.EMBEDDING_QUANTIZED,
    batchSize: s.EMBED_BATCH,
    onProgress,
  });
}

/** The one-line warning printed when `auto` falls back to the offline embedder. */
export function fallbackWarning(err: unknown): string {
  const reason = err instanceof ModelUnavailableError ? `${err.model}: ${err.reason}` : err instanceof Error ? err.message : String(err);
  return `embedding model unavailable (${reason}); using the offline hash embedder (see README, Embedders)`;
}

/**
 * The embedder for a new build over `texts`: hash (fitted on the texts), transformers, or
 * auto (transformers if it loads, else hash after one warning through `warn`).
 */
export async function embedderForBuild(
  s: EmbedderSettings,
  texts: string[],
  warn: (message: string) => void,
  onProgress?: (p: ModelProgress) => void,
): Promise<{ embedder: Embedder; state: HashEmbedder['stats'] | null }> {
  const hash = () => {
    const stats = fitDocumentFrequencies(texts);
    return { embedder: new HashEmbedder(s.HASH_DIM, stats), state: stats };
  };
  if (s.EMBEDDER === 'hash') return hash();
  try {
    return { embedder: await loadTransformers(s, onProgress), state: null };
  } catch (err) {
    if (s.EMBEDDER === 'transformers' || !(err instanceof ModelUnavailableError)) throw err;
    warn(fallbackWarning(err));
    return hash();
  }
}

/**
 * The query embedder for a loaded index: it must be the one the index was built with. An
 * explicit EMBEDDER other than the index's, or another model, is an IndexMismatchError.
 */
export async function embedderForIndex(
  s: EmbedderSettings,
  manifest: Manifest,
  state: HashEmbedder['stats'] | null,
): Promise<Embedder> {
  const built = manifest.embedder;
  if (s.EMBEDDER !== 'auto' && s.EMBEDDER !== built.id) {
    throw new IndexMismatchError(
      `the index was built with the ${built.id} embedder (${built.model}) but EMBEDDER=${s.EMBEDDER}; ` +
        `re-run \`npm run ingest\` with EMBEDDER=${s.EMBEDDER}`,
    );
  }
  const embedder = built.id === 'hash' && state ? new HashEmbedder(built.dimension, state) : await loadTransformers(s);
  if (embedder.model !== built.model || embedder.dimension !== built.dimension) {
    throw new IndexMismatchError(
      `the index was built with ${built.id} model ${built.model} (${built.dimension} dims) but ` +
        `${embedder.model} (${embedder.dimension} dims) is configured; re-run \`npm run ingest\``,
    );
  }
  return embedder;
}
