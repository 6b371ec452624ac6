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

/** Whether each BMP code point is a letter or digit (0 unknown, 1 yes, 2 no), filled lazily. */
const KEEP_BMP = new Uint8Array(65536);

function keeps(code: number): boolean {
  if (code > 0xffff) return KEEP.test(String.fromCodePoint(code));
  if (KEEP_BMP[code] === 0) KEEP_BMP[code] = KEEP.test(String.fromCharCode(code)) ? 1 : 2;
  return KEEP_BMP[code] === 1;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** One FNV-1a step per UTF-16 code unit of a code point (two for an astral one, as fnv1a hashes the string). */
const fnvPoint = (h: number, code: number): number =>
  code > 0xffff ? Math.imul(Math.imul(h ^ (0xd800 + ((code - 0x10000) >> 10)), FNV_PRIME) ^ (0xdc00 + ((code - 0x10000) & 0x3ff)), FNV_PRIME) : Math.imul(h ^ code, FNV_PRIME);

/** The kept code points of the text being embedded (reused: embedding is synchronous). */
let points = new Uint32Array(1024);

/**
 * Calls `visit` for every 1-, 2- and 3-gram of folded text, in charNgrams order, with its fnv1a
 * hash, its length in code points and where it starts in `points` (which holds the text's letters
 * and digits as code points) — the same grams and hashes as charNgrams and fnv1a, without building
 * a string per character or gram (for a query, the embedder's allocations were most of its time).
 */
function forEachNgram(folded: string, visit: (hash: number, length: number, at: number) => void): void {
  if (points.length < folded.length) points = new Uint32Array(2 * folded.length);
  let count = 0;
  for (let i = 0; i < folded.length; ) {
    const code = folded.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    if (keeps(code)) points[count++] = code;
  }
  for (let i = 0; i < count; i++) {
    const h1 = fnvPoint(FNV_OFFSET, points[i]!);
    visit(h1 >>> 0, 1, i);
    if (i + 1 >= count) continue;
    const h2 = fnvPoint(h1, points[i + 1]!);
    visit(h2 >>> 0, 2, i);
    if (i + 2 >= count) continue;
    visit(fnvPoint(h2, points[i + 2]!) >>> 0, 3, i);
  }
}

/**
 * Distinct grams of one text in order of first occurrence, with their hashes and counts: an
 * open-addressing table over (hash, length, code points), reused between calls.
 */
class GramCounts {
  size = 0;
  hashes = new Uint32Array(256);
  counts = new Uint32Array(256);
  private grams = new Uint32Array(256 * 4);
  private slots = new Int32Array(1024);

  /** Empties the table for a text of up to `grams` grams. */
  reset(grams: number): void {
    this.size = 0;
    if (this.hashes.length < grams) {
      this.hashes = new Uint32Array(2 * grams);
      this.counts = new Uint32Array(2 * grams);
      this.grams = new Uint32Array(8 * grams);
    }
    let capacity = this.slots.length;
    while (capacity < 2 * grams) capacity *= 2;
    if (capacity !== this.slots.length) this.slots = new Int32Array(capacity);
    this.slots.fill(-1);
  }

  /** Counts the gram of `length` code points at points[at] whose hash is `hash`. */
  add(hash: number, length: number, at: number): void {
    const mask = this.slots.length - 1;
    const a = points[at]!;
    const b = length > 1 ? points[at + 1]! : 0;
    const c = length > 2 ? points[at + 2]! : 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const u = this.slots[slot]!;
      if (u === -1) {
        this.slots[slot] = this.size;
        this.hashes[this.size] = hash;
        this.counts[this.size] = 1;
        const g = 4 * this.size;
        this.grams[g] = length;
        this.grams[g + 1] = a;
        this.grams[g + 2] = b;
        this.grams[g + 3] = c;
        this.size++;
        return;
      }
      const g = 4 * u;
      if (this.hashes[u] === hash && this.grams[g] === length && this.grams[g + 1] === a && this.grams[g + 2] === b && this.grams[g + 3] === c) {
        this.counts[u]!++;
        return;
      }
    }
  }
}

const gramCounts = new GramCounts();

/** Document frequencies of n-grams, hashed into DF_BUCKETS counters. */
export function fitDocumentFrequencies(texts: string[]): { df: Uint32Array; docs: number } {
  const df = new Uint32Array(DF_BUCKETS);
  const seenIn = new Int32Array(DF_BUCKETS);
  texts.forEach((text, doc) => {
    forEachNgram(foldForMatch(text), (hash) => {
      const bucket = hash % DF_BUCKETS;
      if (seenIn[bucket] !== doc + 1) {
        seenIn[bucket] = doc + 1;
        df[bucket]!++;
      }
    });
  });
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

  /** The vector being summed (reused: embedding is synchronous; the result is a fresh array). */
  private readonly scratch: Float64Array;

  constructor(
    readonly dimension: number,
    readonly stats: { df: Uint32Array; docs: number },
  ) {
    this.scratch = new Float64Array(dimension);
    this.model = `char-ngram-1-3-tfidf-hashed-${dimension}`;
    this.fingerprint = createHash('sha256')
      .update(`${dimension}:${stats.docs}:`)
      .update(Buffer.from(stats.df.buffer, stats.df.byteOffset, stats.df.byteLength))
      .digest('hex')
      .slice(0, 16);
  }

  /** Embeds one text synchronously (the async methods wrap this). */
  embed(text: string): number[] {
    return this.embedFolded(foldForMatch(text));
  }

  /** Embeds text already folded with foldForMatch (saves folding twice at build time). */
  embedFolded(folded: string): number[] {
    const grams = gramCounts;
    grams.reset(3 * folded.length);
    forEachNgram(folded, (hash, length, at) => grams.add(hash, length, at));
    const v = this.scratch;
    v.fill(0);
    for (let i = 0; i < grams.size; i++) {
      const h = grams.hashes[i]!;
      const df = this.stats.df[h % DF_BUCKETS]!;
      // An n-gram the corpus never has (an English word in a question) can only add collision noise.
      if (df === 0) continue;
      const weight = (1 + Math.log(grams.counts[i]!)) * (Math.log((this.stats.docs + 1) / (df + 1)) + 1);
      v[h % this.dimension]! += (h & 0x80000000 ? -1 : 1) * weight;
    }
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
    const norm = Math.sqrt(sum);
    if (norm === 0) return Array.from(v, (_, i) => (i === 0 ? 1 : 0));
    // A loop, not Array.from(v, …): that goes through the iterator, an object and a boxed number per dimension.
    const unit = new Array<number>(v.length);
    for (let i = 0; i < v.length; i++) unit[i] = v[i]! / norm;
    return unit;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
