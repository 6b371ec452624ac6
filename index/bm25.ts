// BM25 over token lists: a compact inverted index (typed arrays) searched with exact MaxScore pruning.
import { z } from 'zod';
import { TopHits } from './top-hits.js';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** The plain-object form of the index (tests, small corpora); the index itself keeps `Bm25Postings`. */
export const bm25DataSchema = z.object({
  docLengths: z.array(z.number().int().min(0)),
  /** term -> [doc numbers, term frequencies], doc numbers ascending. */
  postings: z.record(z.string(), z.tuple([z.array(z.number().int().min(0)), z.array(z.number().int().min(1))])),
});
export type Bm25Data = z.infer<typeof bm25DataSchema>;

/** Postings in compressed-sparse-row form: term t's docs and tfs are at offsets[t]..offsets[t+1]. */
export type Bm25Postings = {
  terms: string[];
  offsets: Uint32Array;
  /** Doc numbers, ascending within each term. */
  docs: Uint32Array;
  /** Term frequencies (u16 when loaded from disk and they fit). */
  tfs: Uint16Array | Uint32Array;
  docLengths: Uint32Array;
};

export type Bm25Hit = { doc: number; score: number };

/** Builds postings one document at a time (doc number = order of `add`), without per-term arrays. */
export class Bm25Builder {
  private readonly termIds = new Map<string, number>();
  private pairTerms: Uint32Array = new Uint32Array(1024);
  private pairTfs: Uint32Array = new Uint32Array(1024);
  private pairs = 0;
  private readonly docStarts: number[] = [0];
  private readonly lengths: number[] = [];

  /** Adds the next document's tokens. */
  add(tokens: string[]): void {
    const tf = new Map<number, number>();
    for (const t of tokens) {
      let id = this.termIds.get(t);
      if (id === undefined) this.termIds.set(t, (id = this.termIds.size));
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    if (this.pairs + tf.size > this.pairTerms.length) {
      const size = Math.max(this.pairs + tf.size, this.pairTerms.length * 2);
      this.pairTerms = grow(this.pairTerms, size);
      this.pairTfs = grow(this.pairTfs, size);
    }
    for (const [id, n] of tf) {
      this.pairTerms[this.pairs] = id;
      this.pairTfs[this.pairs++] = n;
    }
    this.docStarts.push(this.pairs);
    this.lengths.push(tokens.length);
  }

  /** The postings of every document added so far (counting sort by term, so docs stay ascending). */
  build(): Bm25Postings {
    const termCount = this.termIds.size;
    const offsets = new Uint32Array(termCount + 1);
    for (let i = 0; i < this.pairs; i++) offsets[this.pairTerms[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, termCount);
    const docs = new Uint32Array(this.pairs);
    const tfs = new Uint32Array(this.pairs);
    for (let doc = 0; doc + 1 < this.docStarts.length; doc++) {
      for (let i = this.docStarts[doc]!; i < this.docStarts[doc + 1]!; i++) {
        const at = fill[this.pairTerms[i]!]!++;
        docs[at] = doc;
        tfs[at] = this.pairTfs[i]!;
      }
    }
    return { terms: [...this.termIds.keys()], offsets, docs, tfs, docLengths: Uint32Array.from(this.lengths) };
  }
}

function grow(a: Uint32Array, size: number): Uint32Array {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}

/** Postings of tokenised documents (doc number = position in the array). */
export function buildPostings(docs: string[][]): Bm25Postings {
  const builder = new Bm25Builder();
  for (const d of docs) builder.add(d);
  return builder.build();
}

/** Builds the inverted index of tokenised documents in plain-object form. */
export function buildBm25(docs: string[][]): Bm25Data {
  return toBm25Data(buildPostings(docs));
}

function toBm25Data(p: Bm25Postings): Bm25Data {
  const postings: Bm25Data['postings'] = {};
  p.terms.forEach((term, t) => {
    const [a, b] = [p.offsets[t]!, p.offsets[t + 1]!];
    postings[term] = [Array.from(p.docs.subarray(a, b)), Array.from(p.tfs.subarray(a, b))];
  });
  return { docLengths: Array.from(p.docLengths), postings };
}

function fromBm25Data(data: Bm25Data): Bm25Postings {
  const terms = Object.keys(data.postings);
  const offsets = new Uint32Array(terms.length + 1);
  terms.forEach((t, i) => (offsets[i + 1] = offsets[i]! + data.postings[t]![0].length));
  const docs = new Uint32Array(offsets[terms.length]!);
  const tfs = new Uint32Array(docs.length);
  terms.forEach((t, i) => {
    docs.set(data.postings[t]![0], offsets[i]);
    tfs.set(data.postings[t]![1], offsets[i]);
  });
  return { terms, offsets, docs, tfs, docLengths: Uint32Array.from(data.docLengths) };
}

/**
 * Searchable BM25 index. Per-document length norms are precomputed; a search costs the postings
 * of its rarer terms plus binary-search skips into the common ones (MaxScore), never a full sort.
 */
export class Bm25Index {
  readonly postings: Bm25Postings;
  private readonly termIds: Map<string, number>;
  private readonly norms: Float64Array;
  /** Largest single-document contribution per term (NaN until first needed). */
  private readonly maxScores: Float64Array;

  constructor(data: Bm25Data | Bm25Postings) {
    this.postings = 'offsets' in data ? data : fromBm25Data(data);
    const { docLengths, terms } = this.postings;
    this.termIds = new Map(terms.map((t, i) => [t, i]));
    let total = 0;
    for (const len of docLengths) total += len;
    const avgLength = docLengths.length ? total / docLengths.length : 0;
    this.norms = new Float64Array(docLengths.length);
    for (let d = 0; d < docLengths.length; d++) this.norms[d] = BM25_K1 * (1 - BM25_B + (BM25_B * docLengths[d]!) / avgLength);
    this.maxScores = new Float64Array(terms.length).fill(Number.NaN);
  }

  /** The plain-object form (materialised on demand; large for a large corpus). */
  get data(): Bm25Data {
    return toBm25Data(this.postings);
  }

  get size(): number {
    return this.postings.docLengths.length;
  }

  private df(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.postings.offsets[t + 1]! - this.postings.offsets[t]!;
  }

  /** The documents that have a term, ascending (a view into the postings; empty for an unknown term). */
  docsWith(term: string): Uint32Array {
    const t = this.termIds.get(term);
    const { offsets, docs } = this.postings;
    return t === undefined ? docs.subarray(0, 0) : docs.subarray(offsets[t]!, offsets[t + 1]!);
  }

  /** Robertson–Spärck Jones idf with +1 so it stays positive; 0 for unknown terms. */
  idf(term: string): number {
    const df = this.df(term);
    return df === 0 ? 0 : this.idfOf(df);
  }

  private idfOf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  private maxScore(t: number, idf: number): number {
    if (Number.isNaN(this.maxScores[t]!)) {
      const { offsets, docs, tfs } = this.postings;
      let best = 0;
      for (let i = offsets[t]!; i < offsets[t + 1]!; i++) best = Math.max(best, this.contribution(idf, tfs[i]!, docs[i]!));
      this.maxScores[t] = best;
    }
    return this.maxScores[t]!;
  }

  private contribution(idf: number, tf: number, doc: number): number {
    return (idf * tf * (BM25_K1 + 1)) / (tf + this.norms[doc]!);
  }

  /** The `topN` best documents for the query tokens, score descending (ties: lower doc first). */
  search(queryTokens: string[], topN: number): Bm25Hit[] {
    const ids = [...new Set(queryTokens)].map((t) => this.termIds.get(t)).filter((t): t is number => t !== undefined);
    if (ids.length === 0 || topN <= 0) return [];
    return maxScoreSearch(this.plan(ids), this.postings.docs, this.postings.tfs, topN, (idf, tf, doc) => this.contribution(idf, tf, doc));
  }

  private plan(ids: number[]): QueryTerm[] {
    const { offsets } = this.postings;
    return ids.map((t, order) => {
      const idf = this.idfOf(offsets[t + 1]! - offsets[t]!);
      return { order, idf, bound: this.maxScore(t, idf), pos: offsets[t]!, end: offsets[t + 1]! };
    });
  }
}

type QueryTerm = { order: number; idf: number; bound: number; pos: number; end: number };

/** First index in docs[from, end) whose doc is >= target (galloping, then binary search). */
function seek(docs: Uint32Array, from: number, end: number, target: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < end && docs[hi]! < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, end);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Document-at-a-time MaxScore: terms sorted by their bound; once the top N is full, terms whose
 * bounds together cannot beat its worst score only check the candidates of the others. Scores are
 * summed in query order, so they equal an exhaustive term-at-a-time sum exactly.
 */
function maxScoreSearch(terms: QueryTerm[], docs: Uint32Array, tfs: Uint16Array | Uint32Array, topN: number, contribution: (idf: number, tf: number, doc: number) => number): Bm25Hit[] {
  const q = [...terms].sort((a, b) => a.bound - b.bound);
  let sum = 0;
  const cumulative = q.map((t) => (sum += t.bound));
  const parts = new Float64Array(terms.length);
  const touched = new Int32Array(terms.length);
  let nTouched = 0;
  const top = new TopHits(topN);
  let essential = 0;
  for (;;) {
    let doc = Infinity;
    for (let i = essential; i < q.length; i++) {
      const t = q[i]!;
      if (t.pos < t.end && docs[t.pos]! < doc) doc = docs[t.pos]!;
    }
    if (doc === Infinity) break;
    for (let j = 0; j < nTouched; j++) parts[touched[j]!] = 0;
    nTouched = 0;
    let partial = 0;
    for (let i = essential; i < q.length; i++) {
      const t = q[i]!;
      if (t.pos < t.end && docs[t.pos] === doc) {
        const c = contribution(t.idf, tfs[t.pos++]!, doc);
        parts[t.order] = c;
        touched[nTouched++] = t.order;
        partial += c;
      }
    }
    const threshold = top.threshold();
    let pruned = false;
    for (let i = essential - 1; i >= 0; i--) {
      if (partial + cumulative[i]! < threshold * (1 - 1e-9)) {
        pruned = true;
        break;
      }
      const t = q[i]!;
      t.pos = seek(docs, t.pos, t.end, doc);
      if (t.pos < t.end && docs[t.pos] === doc) {
        const c = contribution(t.idf, tfs[t.pos]!, doc);
        parts[t.order] = c;
        touched[nTouched++] = t.order;
        partial += c;
      }
    }
    if (pruned) continue;
    let score = 0;
    for (let o = 0; o < parts.length; o++) score += parts[o]!;
    if (top.offer(doc, score)) while (essential < q.length && cumulative[essential]! < top.threshold() * (1 - 1e-9)) essential++;
  }
  return top.sorted();
}
