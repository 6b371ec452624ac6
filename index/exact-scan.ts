// Exact k-NN over a small hnswlib index in JS, bit for bit as hnswlib scores (float32 SSE inner product), without the per-element N-API copy of the query.
import type hnswlib from 'hnswlib-node';

/** Lanes of hnswlib's SSE inner product (InnerProductSIMD16ExtSSE): lane l sums the products of dimensions l, l+4, l+8, … in order. */
const LANES = 4;

/** A query as hnswlib-node's cosine space makes it: float32, divided by its float32 norm (normalizePoint); written into `out`. */
export function float32Unit(query: ArrayLike<number>, out = new Float32Array(query.length)): Float32Array {
  for (let i = 0; i < query.length; i++) out[i] = query[i]!;
  let sum = 0;
  for (let i = 0; i < query.length; i++) sum = Math.fround(sum + Math.fround(out[i]! * out[i]!));
  const norm = Math.fround(Math.sqrt(Math.abs(sum)));
  if (norm > 0) for (let i = 0; i < query.length; i++) out[i] = out[i]! / norm;
  return out;
}

/**
 * hnswlib's inner-product distance (1 − dot) of a float32 unit query and row `row` of `vectors`,
 * summed as its SSE kernel sums (four float32 lanes, then lane 0 + 1 + 2 + 3), over the query's
 * non-zero dimensions `nonZero` only (a zero product leaves a lane as it is). Every step is a float32
 * operation: doubles hold the exact product or sum of two float32 values, so Math.fround rounds once, as the CPU does.
 */
export function innerProductDistance(query: Float32Array, nonZero: Uint32Array, vectors: Float32Array, row: number): number {
  const base = row * query.length;
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  for (let j = 0; j < nonZero.length; j++) {
    const i = nonZero[j]!;
    const p = Math.fround(query[i]! * vectors[base + i]!);
    const l = i & (LANES - 1);
    if (l === 0) l0 = Math.fround(l0 + p);
    else if (l === 1) l1 = Math.fround(l1 + p);
    else if (l === 2) l2 = Math.fround(l2 + p);
    else l3 = Math.fround(l3 + p);
  }
  const dot = Math.fround(Math.fround(Math.fround(l0 + l1) + l2) + l3);
  return Math.fround(1 - dot);
}

/** Positions of a vector's non-zero entries. */
function nonZeroOf(query: Float32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < query.length; i++) if (query[i] !== 0) n++;
  const out = new Uint32Array(n);
  for (let i = 0, j = 0; i < query.length; i++) if (query[i] !== 0) out[j++] = i;
  return out;
}

/**
 * The `k` nearest rows to a query, as hnswlib's searchKnn returns them when its search visits every
 * point (nearest first), with hnswlib's float32 distances; null when two of the first k + 1 distances
 * are equal (hnswlib's heap orders ties by no rule a scan can follow, so the caller asks hnswlib).
 */
export function exactNearest(vectors: Float32Array, count: number, query: ArrayLike<number>, k: number): { neighbors: number[]; distances: number[] } | null {
  if (scratch.length !== query.length) scratch = new Float32Array(query.length);
  const unit = float32Unit(query, scratch);
  const nonZero = nonZeroOf(unit);
  // The n + 1 nearest, kept sorted by insertion (n is at most k; a tie needs the one after the last returned).
  const n = Math.min(k, count);
  const keep = Math.min(n + 1, count);
  const rows = new Int32Array(keep);
  const dists = new Float64Array(keep);
  let size = 0;
  for (let row = 0; row < count; row++) {
    const d = innerProductDistance(unit, nonZero, vectors, row);
    if (size === keep && d >= dists[size - 1]!) continue;
    let at = size < keep ? size++ : size - 1;
    for (; at > 0 && dists[at - 1]! > d; at--) {
      dists[at] = dists[at - 1]!;
      rows[at] = rows[at - 1]!;
    }
    dists[at] = d;
    rows[at] = row;
  }
  for (let i = 0; i + 1 < size && i < n; i++) if (dists[i] === dists[i + 1]) return null;
  // Loops, not Array.from(typed.subarray(…)): that goes through an iterator per element (a third of the scan).
  const neighbors = new Array<number>(n);
  const distances = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    neighbors[i] = rows[i]!;
    distances[i] = dists[i]!;
  }
  return { neighbors, distances };
}

/** exactNearest's normalised query (one at a time: JS runs one search at a time). */
let scratch = new Float32Array(0);

/** Every point of an index as rows of one Float32Array (label i in row i); null when labels are not 0…count−1. */
export function copyVectors(hnsw: hnswlib.HierarchicalNSW): Float32Array | null {
  const count = hnsw.getCurrentCount();
  const dim = hnsw.getNumDimensions();
  const labels = hnsw.getIdsList();
  if (labels.length !== count || labels.some((label) => label < 0 || label >= count)) return null;
  const out = new Float32Array(count * dim);
  for (let label = 0; label < count; label++) out.set(hnsw.getPoint(label), label * dim);
  return out;
}

/**
 * True when exactNearest gives hnswlib's answer, neighbours and distances bit for bit, for `probes`
 * of the index's own points used as queries (hnswlib built with another distance kernel, AVX say, sums in another order).
 */
export function agreesWithHnsw(hnsw: hnswlib.HierarchicalNSW, vectors: Float32Array, probes: number): boolean {
  const count = hnsw.getCurrentCount();
  const dim = hnsw.getNumDimensions();
  const step = Math.max(1, Math.floor(count / probes));
  for (let label = 0; label < count; label += step) {
    // A point's own vector, a little off itself, so distances are not all ties or zero.
    const query = Array.from(vectors.subarray(label * dim, (label + 1) * dim), (x, i) => x + (i % 7 === label % 7 ? 0.01 : 0));
    const want = hnsw.searchKnn(query, count);
    const got = exactNearest(vectors, count, query, count);
    if (got && (want.neighbors.some((n, i) => n !== got.neighbors[i]) || want.distances.some((d, i) => d !== got.distances[i]))) return false;
  }
  return true;
}
