// Tests the transformers.js embedder end to end on a tiny generated model loaded from a local folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyModel, TINY_HIDDEN_SIZE } from '../scripts/make-tiny-model.js';
import { fallbackWarning } from './select-embedder.js';
import {
  BGE_ZH_QUERY_INSTRUCTION,
  createTransformersEmbedder,
  ModelUnavailableError,
  tensorRows,
  type TransformersEmbedder,
} from './transformers-embedder.js';

const TEXTS = ['晋城特色小镇', 'Jincheng specialty towns', '阳城县皇城相府 2024', '沁水 tea', '高平'];

const norm = (v: number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);

let workDir: string;
let modelDir: string;
let embedder: TransformersEmbedder;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tiny-model-'));
  modelDir = join(workDir, 'tiny-bert');
  await makeTinyModel(modelDir);
  embedder = await createTransformersEmbedder({ localModelDir: modelDir, batchSize: 2 });
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('createTransformersEmbedder on a local tiny model', () => {
  it('names the folder as the model and probes the hidden size as the dimension', () => {
    expect(embedder.id).toBe('transformers');
    expect(embedder.model).toBe('tiny-bert');
    expect(embedder.dimension).toBe(TINY_HIDDEN_SIZE);
  });

  it('returns one plain unit-length vector per text across several batches', async () => {
    const vectors = await embedder.embedDocuments(TEXTS);
    expect(vectors).toHaveLength(TEXTS.length);
    for (const v of vectors) {
      expect(Array.isArray(v)).toBe(true);
      expect(v).toHaveLength(TINY_HIDDEN_SIZE);
      expect(v.every((x) => typeof x === 'number' && Number.isFinite(x))).toBe(true);
      expect(Math.abs(norm(v) - 1)).toBeLessThan(1e-5);
    }
  });

  it('returns no vectors for no texts', async () => {
    expect(await embedder.embedDocuments([])).toEqual([]);
  });

  it('gives a padded text in a batch the same vector as on its own', async () => {
    const batched = await embedder.embedDocuments(['高平', '阳城县皇城相府是晋城的特色小镇']);
    const [alone] = await embedder.embedDocuments(['高平']);
    batched[0]!.forEach((x, i) => expect(x).toBeCloseTo(alone![i]!, 6));
  });

  it('is deterministic within an instance and across fresh instances', async () => {
    const [first, second] = await embedder.embedDocuments([TEXTS[0]!, TEXTS[0]!]);
    expect(second).toEqual(first);
    const fresh = await createTransformersEmbedder({ localModelDir: modelDir, batchSize: 2 });
    expect(await fresh.embedDocuments(TEXTS)).toEqual(await embedder.embedDocuments(TEXTS));
    expect(await fresh.embedQuery('高平')).toEqual(await embedder.embedQuery('高平'));
  });

  it('gives different texts different vectors', async () => {
    const vectors = await embedder.embedDocuments(TEXTS);
    for (let i = 0; i < vectors.length; i++) {
      for (let j = i + 1; j < vectors.length; j++) {
        expect(cosine(vectors[i]!, vectors[j]!)).toBeLessThan(0.99);
      }
    }
  });

  it('prepends the query instruction to queries only', async () => {
    const text = '晋城有哪些特色小镇？';
    const query = await embedder.embedQuery(text);
    const [document] = await embedder.embedDocuments([text]);
    const [instructed] = await embedder.embedDocuments([BGE_ZH_QUERY_INSTRUCTION + text]);
    expect(Math.abs(norm(query) - 1)).toBeLessThan(1e-5);
    expect(cosine(query, document!)).toBeLessThan(0.99);
    expect(query).toEqual(instructed);
  });

  it('embeds a query like a document when the instruction is empty', async () => {
    const plain = await createTransformersEmbedder({ localModelDir: modelDir, queryInstruction: '' });
    const [document] = await embedder.embedDocuments(['高平']);
    expect(await plain.embedQuery('高平')).toEqual(document);
  });

  it('rejects a missing model folder with ModelUnavailableError naming the folder', async () => {
    const missing = join(workDir, 'no-such-model');
    const failure = await createTransformersEmbedder({ localModelDir: missing }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ModelUnavailableError);
    const error = failure as ModelUnavailableError;
    expect(error.code).toBe('model_unavailable');
    expect(error.model).toBe('no-such-model');
    expect(error.message).toContain(missing);
    expect(error.message).toContain('EMBEDDING_MODEL_DIR');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('createTransformersEmbedder without the model at hand', () => {
  it('fails at once with a short reason when the model is not cached and the hub does not resolve', async () => {
    const cacheDir = join(workDir, 'empty-cache');
    const started = performance.now();
    const failure = await createTransformersEmbedder({ model: 'Xenova/bge-small-zh-v1.5', cacheDir, resolveHost: () => Promise.reject(new Error('getaddrinfo ENOTFOUND huggingface.co')) }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(failure).toBeInstanceOf(ModelUnavailableError);
    const error = failure as ModelUnavailableError;
    expect(error.reason).toBe(`not in ${cacheDir} and huggingface.co is unreachable`);
    expect(fallbackWarning(error)).toBe(`embedding model unavailable (Xenova/bge-small-zh-v1.5: not in ${cacheDir} and huggingface.co is unreachable); using the offline hash embedder (see README, Embedders)`);
    expect(fallbackWarning(error)).not.toContain('\n');
  });

  it('reports loading progress through onProgress', async () => {
    const reports: { status: string; file?: string }[] = [];
    await createTransformersEmbedder({ localModelDir: modelDir, onProgress: (p) => reports.push(p) });
    expect(reports.some((r) => r.status === 'progress' && r.file === 'onnx/model_quantized.onnx')).toBe(true);
    expect(reports.at(-1)?.status).toBe('ready');
  });
});

describe('tensorRows', () => {
  it('splits a row-major tensor into plain rows', () => {
    const tensor = { dims: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6]) };
    expect(tensorRows(tensor, 2, 3)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('throws when the shape is not [rows, dimension]', () => {
    const tensor = { dims: [1, 3], data: new Float32Array([1, 2, 3]) };
    expect(() => tensorRows(tensor, 2, 3)).toThrow('expected embeddings of shape [2, 3], got [1, 3]');
  });
});
