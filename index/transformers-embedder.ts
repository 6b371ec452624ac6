// Embedder backed by a transformers.js feature-extraction pipeline (default: bge-small-zh, CLS pooling).
import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Embedder } from './embedder.js';

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/bge-small-zh-v1.5';
/** Where transformers.js downloads models from. */
export const MODEL_HUB_HOST = 'huggingface.co';
/** How long the hub's name may take to resolve before the machine counts as offline. */
export const HUB_LOOKUP_TIMEOUT_MS = 1500;

/** One progress report of transformers.js while it fetches a model file (its progress_callback). */
export type ModelProgress = { status: string; file?: string; progress?: number; loaded?: number; total?: number };
/** The bge-zh retrieval instruction, prepended to queries only (never to documents). */
export const BGE_ZH_QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';

export type Pooling = 'cls' | 'mean';

/** Calls a feature-extraction pipeline: texts in, a [texts, dimension] tensor out. */
export type FeatureExtractor = (
  texts: string[],
  options: { pooling: Pooling; normalize: boolean },
) => Promise<{ dims: number[]; data: ArrayLike<number | bigint> }>;

export interface TransformersEmbedderOptions {
  /** Hugging Face model id; ignored when `localModelDir` is set. Default bge-small-zh-v1.5. */
  model?: string;
  /** Local model folder (config.json, tokenizer*.json, onnx/); when set, nothing is downloaded. */
  localModelDir?: string;
  /** Where downloaded models are cached (transformers.js cache_dir). */
  cacheDir?: string;
  /** No downloads: only the cache (or `localModelDir`) is used. */
  offline?: boolean;
  /** Load onnx/model_quantized.onnx instead of onnx/model.onnx. Default true. */
  quantized?: boolean;
  /** Texts per pipeline call. Default 32. */
  batchSize?: number;
  /** How token vectors become one vector; bge uses the CLS token. Default 'cls'. */
  pooling?: Pooling;
  /** Prefix added to queries only. Default the bge-zh instruction; '' for none. */
  queryInstruction?: string;
  /** Called as model files download (and load from the cache). */
  onProgress?: (progress: ModelProgress) => void;
  /** Resolves a host name; rejects when it cannot (default dns.lookup). Tells offline machines apart quickly. */
  resolveHost?: (host: string) => Promise<unknown>;
}

/** Thrown when the embedding model cannot be loaded; `cause` holds the loader's error. */
export class ModelUnavailableError extends Error {
  readonly code = 'model_unavailable';
  constructor(
    readonly model: string,
    message: string,
    options?: { cause?: unknown },
    /** The reason in a few words, for a one-line warning. */
    readonly reason = message,
  ) {
    super(message, options);
    this.name = 'ModelUnavailableError';
  }
}

/** Splits a row-major [rows, dimension] tensor into plain number arrays; throws on a wrong shape. */
export function tensorRows(
  tensor: { dims: number[]; data: ArrayLike<number | bigint> },
  rows: number,
  dimension: number,
): number[][] {
  if (tensor.dims.length !== 2 || tensor.dims[0] !== rows || tensor.dims[1] !== dimension) {
    throw new Error(`expected embeddings of shape [${rows}, ${dimension}], got [${tensor.dims.join(', ')}]`);
  }
  const flat = Array.from(tensor.data, Number);
  return Array.from({ length: rows }, (_, r) => flat.slice(r * dimension, (r + 1) * dimension));
}

/** Embeds texts with a loaded feature-extraction pipeline; vectors are unit length. */
export class TransformersEmbedder implements Embedder {
  readonly id = 'transformers';

  constructor(
    private readonly extract: FeatureExtractor,
    readonly model: string,
    readonly dimension: number,
    private readonly settings: { pooling: Pooling; queryInstruction: string; batchSize: number },
  ) {}

  /** Embeds documents as given (no instruction), `batchSize` texts per pipeline call. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.settings.batchSize) {
      vectors.push(...(await this.embedBatch(texts.slice(start, start + this.settings.batchSize))));
    }
    return vectors;
  }

  /** Embeds a query with the query instruction prepended. */
  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([this.settings.queryInstruction + text]);
    return vector as number[];
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    const tensor = await this.extract(texts, { pooling: this.settings.pooling, normalize: true });
    return tensorRows(tensor, texts.length, this.dimension);
  }
}

/** Where to load from: a hub id (maybe cached/offline) or a local folder with downloads off. */
function loadTarget(opts: TransformersEmbedderOptions) {
  if (opts.localModelDir) {
    const dir = resolve(opts.localModelDir);
    // transformers.js looks in its file cache under `<cache_dir>/<model id>/` before anything else,
    // so pointing cache_dir at the parent folder loads exactly this folder, without touching the
    // process-wide `env` and without a stale cached model of the same name shadowing it.
    const where = `local folder ${dir}`;
    return { modelId: basename(dir), cacheDir: dirname(dir), offline: true, where, localDir: dir };
  }
  const modelId = opts.model ?? DEFAULT_EMBEDDING_MODEL;
  const offline = opts.offline ?? false;
  const cache = `cache ${opts.cacheDir ? resolve(opts.cacheDir) : '(transformers.js default)'}`;
  const where = offline ? `the model ${cache} (offline: downloads off)` : `the Hugging Face hub or the model ${cache}`;
  return { modelId, cacheDir: opts.cacheDir, offline, where, localDir: undefined };
}

/**
 * Loads the pipeline, probes the dimension by embedding one string, and returns the embedder.
 * Throws ModelUnavailableError (naming the model or folder and how to provide it) when the
 * model cannot be loaded or run; the original error is its `cause`.
 */
export async function createTransformersEmbedder(
  opts: TransformersEmbedderOptions = {},
): Promise<TransformersEmbedder> {
  const target = loadTarget(opts);
  const settings = {
    pooling: opts.pooling ?? 'cls',
    queryInstruction: opts.queryInstruction ?? BGE_ZH_QUERY_INSTRUCTION,
    batchSize: Math.max(1, Math.floor(opts.batchSize ?? 32)),
  };
  await failFastWhenOffline(target, opts);
  try {
    // transformers.js would report a path under its own models/ folder; name the real one instead.
    const { localDir } = target;
    if (localDir) {
      await access(join(localDir, 'config.json')).catch(() => {
        throw new Error(`no config.json in ${localDir}`);
      });
    }
    // Imported here, not at the top: transformers.js and onnxruntime take ~250 ms to load, which a
    // server on the hash embedder would pay at every cold start.
    const { pipeline } = await import('@xenova/transformers');
    const extractor = await pipeline('feature-extraction', target.modelId, {
      quantized: opts.quantized ?? true,
      cache_dir: target.cacheDir,
      local_files_only: target.offline,
      ...(opts.onProgress ? { progress_callback: opts.onProgress } : {}),
    });
    const extract: FeatureExtractor = (texts, options) => extractor(texts, options);
    const probe = await extract(['probe'], { pooling: settings.pooling, normalize: true });
    const dimension = probe.dims[1];
    if (probe.dims.length !== 2 || !dimension) {
      throw new Error(`unexpected probe shape [${probe.dims.join(', ')}]`);
    }
    return new TransformersEmbedder(extract, target.modelId, dimension, settings);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
    throw new ModelUnavailableError(
      target.modelId,
      `embedding model "${target.modelId}" could not be loaded from ${target.where}: ${reason}. ` +
        'Set EMBEDDING_MODEL_DIR to a local folder holding config.json, tokenizer.json, ' +
        'tokenizer_config.json and onnx/model_quantized.onnx, or allow downloads ' +
        '(TRANSFORMERS_OFFLINE=0) / pre-fill MODEL_CACHE_DIR with the model.',
      { cause: error },
    );
  }
}

/**
 * Without a cached copy a download is needed: when the hub's name does not resolve (an offline
 * machine), throws ModelUnavailableError at once with a short reason, before transformers.js
 * (~250 ms to import) spends a second finding out.
 */
async function failFastWhenOffline(target: ReturnType<typeof loadTarget>, opts: TransformersEmbedderOptions): Promise<void> {
  if (target.localDir || target.offline || !target.cacheDir) return;
  if (existsSync(join(target.cacheDir, target.modelId, 'config.json'))) return;
  const resolveHost = opts.resolveHost ?? ((host: string) => lookup(host));
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), HUB_LOOKUP_TIMEOUT_MS).unref());
  try {
    await Promise.race([resolveHost(MODEL_HUB_HOST), timeout]);
  } catch (error) {
    const reason = `not in ${target.cacheDir} and ${MODEL_HUB_HOST} is unreachable`;
    throw new ModelUnavailableError(target.modelId, `embedding model "${target.modelId}" is ${reason}; set EMBEDDING_MODEL_DIR to a local model folder, or run once with internet access`, { cause: error }, reason);
  }
}
