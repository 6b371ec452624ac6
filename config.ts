// Settings: the one place that reads the environment, validated with zod into a frozen object.
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Every environment variable the product reads, with its default and meaning. */
export const settingsSchema = z.object({
  // ---- corpus and index
  /** Folder of default articles (.txt/.md) ingested when no files are named. */
  ARTICLES_DIR: z.string().default('data/articles'),
  /** Index folder (HNSW file, chunk store, BM25 data, manifest). */
  INDEX_DIR: z.string().default('var/index'),
  /** Gazetteer of Jincheng's counties and districts (JSON). */
  GAZETTEER_FILE: z.string().default('data/gazetteer.json'),
  /** English→Chinese domain glossary used to expand English questions (JSON). */
  GLOSSARY_FILE: z.string().default('data/glossary.json'),
  /** Longest chunk in characters before a paragraph is split on sentence boundaries. */
  CHUNK_MAX_CHARS: int(50, 5000).default(300),

  // ---- embedder
  /** auto: transformers model if it loads, else hash; or force one. */
  EMBEDDER: z.enum(['auto', 'transformers', 'hash']).default('auto'),
  /** Hugging Face model id for the transformers embedder. */
  EMBEDDING_MODEL: z.string().default('Xenova/bge-small-zh-v1.5'),
  /** A local folder holding the model (config.json, tokenizer.json, onnx/…); turns downloads off. */
  EMBEDDING_MODEL_DIR: z.string().optional(),
  /** Where transformers.js caches downloaded models. */
  MODEL_CACHE_DIR: z.string().default('.models'),
  /** Use the quantized ONNX weights (model_quantized.onnx). */
  EMBEDDING_QUANTIZED: bool.default(true),
  /** 1: never download; only the cache or EMBEDDING_MODEL_DIR is used. */
  TRANSFORMERS_OFFLINE: bool.default(false),
  /** Dimension of the offline hash embedder. */
  HASH_DIM: int(16, 8192).default(512),
  EMBED_BATCH: int(1, 1024).default(32),

  // ---- HNSW
  HNSW_M: int(4, 128).default(16),
  HNSW_EF_CONSTRUCTION: int(10, 2000).default(200),
  HNSW_EF_SEARCH: int(10, 2000).default(100),
  /** Where dense search runs: hnswlib-node over the index folder, or LangChain's exact MemoryVectorStore. */
  VECTOR_STORE: z.enum(['hnsw', 'memory']).default('hnsw'),
  /** How loading checks index files: full (hash every byte) or sampled (sizes plus sampled blocks, faster at scale). */
  INDEX_VERIFY: z.enum(['full', 'sampled']).default('full'),
  /** How long an ingest waits for another one writing the same index folder (0: fail at once, naming its pid). */
  INDEX_LOCK_WAIT_MS: int(0, 3_600_000).default(0),

  // ---- retrieval and answers
  /** Passages returned by retrieval (and considered by the answerer). */
  TOP_K: int(1, 50).default(5),
  /** Minimum evidence coverage (0..1) of the question's content words before answering. */
  MIN_COVERAGE: z.coerce.number().min(0).max(1).default(0.4),
  /** Minimum coverage (0..1) of the question's focus words (those not naming a town) in the answer sentences. */
  MIN_FOCUS: z.coerce.number().min(0).max(1).default(0.3),
  /** Refuse when more than this share (0..1) of the focus weight is on words the articles never use. */
  MAX_UNKNOWN: z.coerce.number().min(0).max(1).default(0.45),

  // ---- server
  PORT: int(0, 65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Comma-separated origins allowed to call the API from a browser; * for any. */
  CORS_ORIGINS: list.default(['*']),
  /** Optional bearer key for /api and /v1. */
  API_KEY: z.string().optional(),
  /** Requests per client per minute on /api and /v1 (0 turns the limit off). */
  RATE_LIMIT_PER_MINUTE: int(0, 1_000_000).default(120),
  BODY_LIMIT_BYTES: int(1024, 10_000_000).default(64 * 1024),
  MAX_QUESTION_CHARS: int(10, 10_000).default(500),
  MAX_HISTORY_TURNS: int(0, 100).default(20),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** How long a client may take to send a whole request, headers and body (an incomplete one is then dropped). */
  REQUEST_TIMEOUT_MS: int(1000, 3_600_000).default(30_000),
  /** How long a client may take to send the request headers (at most REQUEST_TIMEOUT_MS). */
  HEADERS_TIMEOUT_MS: int(1000, 3_600_000).default(10_000),
  /** How long SIGTERM waits for in-flight requests; must exceed LLM_TIMEOUT_MS (default: two LLM timeouts, condense and answer, plus 5 s). */
  SHUTDOWN_GRACE_MS: int(1000, 3_600_000).optional(),
  // ---- admin console (/admin): off (404) without ADMIN_KEY
  /** Key that opens the admin console and its API (at least 16 characters); unset: /admin answers 404. */
  ADMIN_KEY: z.string().min(16, 'ADMIN_KEY must be at least 16 characters').optional(),
  /** Largest file the console accepts for upload, in bytes. */
  UPLOAD_MAX_BYTES: int(1024, 500_000_000).default(20 * 1024 * 1024),
  /** Where uploaded documents are kept (they are the sources of their chunks; a rebuild re-reads them). */
  UPLOADS_DIR: z.string().default('var/uploads'),
  /** Server processes started by `npm run start:cluster` (default: one per core). */
  WORKERS: int(1, 64).optional(),

  // ---- optional LLM (OpenAI-compatible)
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: int(100, 600_000).default(15_000),

  // ---- WeChat Official Account
  WECHAT_TOKEN: z.string().optional(),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_AES_KEY: z.string().length(43).optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  // ---- WeCom
  WECOM_TOKEN: z.string().optional(),
  WECOM_CORP_ID: z.string().optional(),
  WECOM_AES_KEY: z.string().length(43).optional(),
  WECOM_SECRET: z.string().optional(),
  WECOM_AGENT_ID: z.string().optional(),
  WECOM_API_BASE: z.string().url().default('https://qyapi.weixin.qq.com'),
  /** Budget in ms for answering within one WeChat request (the platform waits 5 s). */
  WECHAT_REPLY_BUDGET_MS: int(100, 4900).default(4500),
});

/** The schema with the checks between settings and the defaults derived from others. */
const resolvedSchema = settingsSchema
  .superRefine((s, ctx) => {
    if (s.SHUTDOWN_GRACE_MS !== undefined && s.SHUTDOWN_GRACE_MS <= s.LLM_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['SHUTDOWN_GRACE_MS'], message: `must exceed LLM_TIMEOUT_MS (${s.LLM_TIMEOUT_MS}), or SIGTERM cuts in-flight LLM answers` });
    }
    if (s.HEADERS_TIMEOUT_MS > s.REQUEST_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['HEADERS_TIMEOUT_MS'], message: `must not exceed REQUEST_TIMEOUT_MS (${s.REQUEST_TIMEOUT_MS})` });
    }
  })
  .transform((s) => ({ ...s, SHUTDOWN_GRACE_MS: s.SHUTDOWN_GRACE_MS ?? 2 * s.LLM_TIMEOUT_MS + 5_000 }));

export type Settings = Readonly<z.output<typeof resolvedSchema>>;

/** Error thrown when an environment variable is invalid; the message names it. */
export class SettingsError extends Error {
  readonly code = 'invalid_settings';
}

/**
 * Parses settings from an environment (process.env by default). Empty strings count as unset.
 * Throws SettingsError naming every invalid variable.
 */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const present = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && k in settingsSchema.shape),
  );
  const parsed = resolvedSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`invalid configuration: ${lines.join('; ')}`);
  }
  return Object.freeze(parsed.data);
}
