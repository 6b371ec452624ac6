// Offline embedder: character 1-3-gram TF-IDF, feature-hashed and L2-normalised. Lexical, not semantic.
import { createHash } from 'node:crypto';
import { foldForMatch } from '../ingest/normalize-text.js';
import type { Embedder } from './embedder.js';

/** Buckets of the hashed document-frequency table (independent of the vector dimension). */
export const DF_BUCKETS = 1 << 18;
const KEEP = /[\p{L}\p{N}]/u;

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Character 1-, 2- and 3-grams of folded text, ignoring punctuation and spaces. */
export function charNgrams(text: string): string[] {
  const chars = [...foldForMatch(text)].filter((c) => KEEP.test(c));
  const grams: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    grams.push(chars[i]!);
    if (i + 1 < chars.length) grams.push(chars[i]! + chars[i + 1]!);
    if (i + 2 < chars.length) grams.push(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  }
  return grams;
}

/** Document frequencies of n-grams, hashed into DF_BUCKETS counters. */
export function fitDocumentFrequencies(texts: string[]): { df: Uint32Array; docs: number } {
  const df = new Uint32Array(DF_BUCKETS);
  for (const text of texts) {
    for (const bucket of new Set(charNgrams(text).map((g) => fnv1a(g) % DF_BUCKETS))) df[bucket]!++;
  }
  return { df, docs: texts.length };
}

/**
 * Deterministic TF-IDF embedder: weight = (1 + ln tf) · ln((N + 1) / (df + 1)) + 1, each n-gram
 * added with a hash-derived sign into bucket hash mod `dimension`, then L2-normalised. An empty
 * text (no letters or digits) gives the zero vector's stand-in e0 so the norm stays 1.
 */
export class HashEmbedder implements Embedder {
  readonly id = 'hash';
  readonly model: string;
  /** Changes whenever the fitted statistics change, so cached vectors are never reused wrongly. */
  readonly fingerprint: string;

  constructor(
    readonly dimension: number,
    readonly stats: { df: Uint32Array; docs: number },
  ) {
    this.model = `char-ngram-1-3-tfidf-hashed-${dimension}`;
    this.fingerprint = createHash('sha256')
      .update(`${dimension}:${stats.docs}:`)
      .update(Buffer.from(stats.df.buffer, stats.df.byteOffset, stats.df.byteLength))
      .digest('hex')
      .slice(0, 16);
  }

  /** Embeds one text synchronously (the async methods wrap this). */
  embed(text: string): number[] {
    const tf = new Map<string, number>();
    for (const g of charNgrams(text)) tf.set(g, (tf.get(g) ?? 0) + 1);
    const v = new Float64Array(this.dimension);
    for (const [gram, n] of tf) {
      const h = fnv1a(gram);
      const df = this.stats.df[h % DF_BUCKETS]!;
      const weight = (1 + Math.log(n)) * (Math.log((this.stats.docs + 1) / (df + 1)) + 1);
      v[h % this.dimension]! += (h & 0x80000000 ? -1 : 1) * weight;
    }
    let sum = 0;
    for (const x of v) sum += x * x;
    const norm = Math.sqrt(sum);
    if (norm === 0) return Array.from(v, (_, i) => (i === 0 ? 1 : 0));
    return Array.from(v, (x) => x / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
