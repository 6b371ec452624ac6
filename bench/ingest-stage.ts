// Benchmark stage 1: build and save an index for a corpus, timing each part; measure its size and reload time.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../config.js';
import type { Chunk } from '../ingest/index.js';
import { buildIndex, embeddingText } from '../index/build-index.js';
import { fitDocumentFrequencies, HashEmbedder } from '../index/hash-embedder.js';
import { currentBuild } from '../index/build-folders.js';
import { loadIndex, saveIndex, type StoredIndex } from '../index/index-store.js';
import { tokenize } from '../index/tokenize.js';
import { peakRssMiB } from './stats.js';

export type IngestFigures = {
  chunks: number;
  fitMs: number;
  buildMs: number;
  saveMs: number;
  /** fit + build + save. */
  ingestMs: number;
  chunksPerSecond: number;
  /** Per-chunk costs measured on a sample of up to 2,000 chunks. */
  sample: { tokenizeUs: number; embedUs: number; hnswInsertUs: number };
  diskBytes: Record<string, number> & { total: number };
  peakRssMiB: number;
  loadMs: { full: number; sampled: number };
};

function sampleCost(texts: string[], run: (t: string) => unknown): number {
  const sample = texts.slice(0, 2000);
  const started = performance.now();
  for (const t of sample) run(t);
  return Math.round(((performance.now() - started) * 1000) / Math.max(1, sample.length));
}

/** Ingests `chunks` with the hash embedder into a fresh temp INDEX_DIR and loads it back. */
export async function ingestStage(chunks: Chunk[], s: Settings, hnsw: { m: number; efConstruction: number; efSearch: number }): Promise<{ figures: IngestFigures; dir: string; index: StoredIndex; embedder: HashEmbedder }> {
  const texts = chunks.map(embeddingText);
  const t0 = performance.now();
  const stats = fitDocumentFrequencies(texts);
  const embedder = new HashEmbedder(s.HASH_DIM, stats);
  const t1 = performance.now();
  const built = await buildIndex(chunks, embedder, hnsw, { batchSize: s.EMBED_BATCH, embedderState: stats });
  const t2 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'jc-bench-'));
  saveIndex(dir, built);
  const t3 = performance.now();
  const peak = peakRssMiB();
  const folder = currentBuild(dir);
  const diskBytes = { total: 0 } as IngestFigures['diskBytes'];
  for (const f of readdirSync(folder)) diskBytes.total += diskBytes[f] = statSync(join(folder, f)).size;
  const tokenizeUs = sampleCost(texts, tokenize);
  const embedUs = sampleCost(texts, (t) => embedder.embed(t));
  const hnswInsertUs = Math.max(0, Math.round(((t2 - t1) * 1000) / Math.max(1, chunks.length)) - tokenizeUs - embedUs);
  const l0 = performance.now();
  loadIndex(dir, hnsw.efSearch, { verify: 'sampled' });
  const l1 = performance.now();
  const index = loadIndex(dir, hnsw.efSearch, { verify: 'full' });
  const l2 = performance.now();
  const round = (x: number) => Math.round(x);
  return {
    dir,
    index,
    embedder,
    figures: {
      chunks: chunks.length,
      fitMs: round(t1 - t0),
      buildMs: round(t2 - t1),
      saveMs: round(t3 - t2),
      ingestMs: round(t3 - t0),
      chunksPerSecond: round((chunks.length * 1000) / (t3 - t0)),
      sample: { tokenizeUs, embedUs, hnswInsertUs },
      diskBytes,
      peakRssMiB: peak,
      loadMs: { full: round(l2 - l1), sampled: round(l1 - l0) },
    },
  };
}
