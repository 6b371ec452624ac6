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

/** Whether each BMP code unit is a letter or digit (0 unknown, 1 yes, 2 no), filled lazily. */
const KEEP_BMP = new Uint8Array(65536);

function keeps(char: string, code: number): boolean {
  if (code > 0xffff) return KEEP.test(char);
  if (KEEP_BMP[code] === 0) KEEP_BMP[code] = KEEP.test(char) ? 1 : 2;
  return KEEP_BMP[code] === 1;
}

const FNV_OFFSET = 0x811c9dc5;
const fnvStep = (h: number, char: string): number => {
  for (let i = 0; i < char.length; i++) h = Math.imul(h ^ char.charCodeAt(i), 0x01000193);
  return h;
};

/**
 * Calls `visit` for every 1-, 2- and 3-gram of folded text, in charNgrams order, with a key that
 * identifies the gram (a number for BMP grams, else the gram) and its fnv1a hash — the same
 * grams and hashes as charNgrams and fnv1a, without building the gram strings.
 */
function forEachNgram(folded: string, visit: (key: number | string, hash: number) => void): void {
  const chars: string[] = [];
  const codes: number[] = [];
  for (const c of folded) {
    const code = c.codePointAt(0)!;
    if (keeps(c, code)) {
      chars.push(c);
      codes.push(code);
    }
  }
  for (let i = 0; i < chars.length; i++) {
    const [a, b, c] = [codes[i]!, codes[i + 1], codes[i + 2]];
    const astral = a > 0xffff || (b ?? 0) > 0xffff || (c ?? 0) > 0xffff;
    const h1 = fnvStep(FNV_OFFSET, chars[i]!);
    visit(astral ? chars[i]! : a, h1 >>> 0);
    if (b === undefined) continue;
    const h2 = fnvStep(h1, chars[i + 1]!);
    visit(astral ? chars[i]! + chars[i + 1]! : 0x10000 + a * 0x10000 + b, h2 >>> 0);
    if (c === undefined) continue;
    const h3 = fnvStep(h2, chars[i + 2]!);
    visit(astral ? chars[i]! + chars[i + 1]! + chars[i + 2]! : 0x200000000 + a * 0x100000000 + b * 0x10000 + c, h3 >>> 0);
  }
}

/** Document frequencies of n-grams, hashed into DF_BUCKETS counters. */
export function fitDocumentFrequencies(texts: string[]): { df: Uint32Array; docs: number } {
  const df = new Uint32Array(DF_BUCKETS);
  const seenIn = new Int32Array(DF_BUCKETS);
  texts.forEach((text, doc) => {
    forEachNgram(foldForMatch(text), (_, hash) => {
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
    return this.embedFolded(foldForMatch(text));
  }

  /** Embeds text already folded with foldForMatch (saves folding twice at build time). */
  embedFolded(folded: string): number[] {
    const slots = new Map<number | string, number>();
    const hashes: number[] = [];
    const counts: number[] = [];
    forEachNgram(folded, (key, hash) => {
      const slot = slots.get(key);
      if (slot === undefined) {
        slots.set(key, hashes.length);
        hashes.push(hash);
        counts.push(1);
      } else counts[slot]!++;
    });
    const v = new Float64Array(this.dimension);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!;
      const df = this.stats.df[h % DF_BUCKETS]!;
      // An n-gram the corpus never has (an English word in a question) can only add collision noise.
      if (df === 0) continue;
      const weight = (1 + Math.log(counts[i]!)) * (Math.log((this.stats.docs + 1) / (df + 1)) + 1);
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
