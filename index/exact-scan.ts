// Exact k-NN over a small hnswlib index in JS, bit for bit as hnswlib scores (float32 SSE inner product), without the per-element N-API copy of the query.
import type hnswlib from 'hnswlib-node';

/** Lanes of hnswlib's SSE inner product (InnerProductSIMD16ExtSSE): lane l sums the products of dimensions l, l+4, l+8, … in order. */
const LANES = 4;

/** A query as hnswlib-node's cosine space makes it: float32, divided by its float32 norm (normalizePoint). */
export function float32Unit(query: ArrayLike<number>): Float32Array {
  const out = new Float32Array(query.length);
  for (let i = 0; i < out.length; i++) out[i] = query[i]!;
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum = Math.fround(sum + Math.fround(out[i]! * out[i]!));
  const norm = Math.fround(Math.sqrt(Math.abs(sum)));
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! / norm;
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
  const unit = float32Unit(query);
  const nonZero = nonZeroOf(unit);
  const distances = new Float64Array(count);
  const order: number[] = [];
  for (let row = 0; row < count; row++) {
    distances[row] = innerProductDistance(unit, nonZero, vectors, row);
    order.push(row);
  }
  order.sort((a, b) => distances[a]! - distances[b]!);
  const n = Math.min(k, count);
  for (let i = 0; i < n && i + 1 < count; i++) if (distances[order[i]!] === distances[order[i + 1]!]) return null;
  const neighbors = order.slice(0, n);
  return { neighbors, distances: neighbors.map((row) => distances[row]!) };
}

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
