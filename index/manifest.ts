// The index manifest: what was built, with what, and checksums of every file it wrote.
import { z } from 'zod';

/**
 * 2: binary chunk store and BM25 postings (chunks.bin, bm25.bin) and sampled checksums.
 * 3: typed facts per chunk (facts.json).
 * 4: chunks.bin also holds the text prepared at ingest (folded texts, sentences, paragraph links).
 * 5: chunks.bin also holds each chunk's page (PDF documents).
 * 6: the lexicon (lexicon.bin) and the dictionary it was built with (dictionary.bin).
 * 7: dictionary.bin also holds antonym pairs.
 */
export const INDEX_FORMAT_VERSION = 7;

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  builtAt: z.string(),
  embedder: z.object({
    id: z.string(),
    model: z.string(),
    dimension: z.number().int().min(1),
    /** Vectors from two builds are interchangeable only when fingerprints are equal. */
    fingerprint: z.string(),
  }),
  hnsw: z.object({ space: z.literal('cosine'), m: z.number().int(), efConstruction: z.number().int() }),
  chunkCount: z.number().int().min(0),
  /** sha256 over the sorted chunk ids: equal corpora give equal hashes. */
  corpusHash: z.string(),
  /** Per source file: its chunk count and when it was first indexed (ISO time; absent in older indexes). */
  sources: z.array(z.object({ source: z.string(), chunks: z.number().int(), addedAt: z.string().optional() })),
  /** Per file: size, sha256 of every byte, and sha256 of the size plus sampled blocks (see binary-file.ts). */
  files: z.record(z.string(), z.object({ bytes: z.number().int(), sha256: z.string(), sampleSha256: z.string().optional() })),
});
export type Manifest = z.infer<typeof manifestSchema>;
