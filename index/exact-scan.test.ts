// Tests for the exact scan: hnswlib's neighbours and float32 distances, bit for bit, on seeded vectors and on a real index.
import { rmSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../test-support/prng.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { agreesWithHnsw, copyVectors, exactNearest, float32Unit } from './exact-scan.js';
import { HnswVectorStore } from './hnsw-vector-store.js';
import type { HybridSearcher } from './hybrid-search.js';

const DIM = 64;

/** Sparse vectors like the hash embedder's (a few non-zero dimensions, any scale). */
function sparseVectors(count: number, seed: number): number[][] {
  const random = prng(seed);
  return Array.from({ length: count }, () => Array.from({ length: DIM }, () => (random() < 0.2 ? random() * 2 - 1 : 0)));
}

function smallIndex(vectors: number[][]): hnswlib.HierarchicalNSW {
  const hnsw = new hnswlib.HierarchicalNSW('cosine', DIM);
  hnsw.initIndex({ maxElements: vectors.length, m: 16, efConstruction: 200, randomSeed: 100 });
  vectors.forEach((v, label) => hnsw.addPoint(v, label));
  hnsw.setEf(100);
  return hnsw;
}

describe('exactNearest', () => {
  const points = sparseVectors(60, 1);
  const hnsw = smallIndex(points);
  const vectors = copyVectors(hnsw)!;

  it('gives hnswlib searchKnn results bit for bit for an index within efSearch', () => {
    let compared = 0;
    for (const query of sparseVectors(300, 2)) {
      const got = exactNearest(vectors, points.length, query, 20);
      if (!got) continue;
      compared++;
      expect(got).toEqual(hnsw.searchKnn(query, 20));
    }
    expect(compared).toBeGreaterThan(250);
  });

  it('declines (null) when distances tie among the first k + 1, as for a query sharing nothing with most points', () => {
    const query = Array.from({ length: DIM }, (_, i) => (i === 0 ? 1 : 0));
    const orthogonal = points.filter((p) => p[0] === 0).length;
    expect(orthogonal).toBeGreaterThan(2);
    expect(exactNearest(vectors, points.length, query, points.length)).toBeNull();
  });

  it('normalises a query as hnswlib-node does, in float32', () => {
    const unit = float32Unit([3, 4, 0]);
    expect(Array.from(unit)).toEqual([Math.fround(0.6), Math.fround(0.8), 0]);
    expect(Array.from(float32Unit([0, 0]))).toEqual([0, 0]);
  });

  it('checks itself against hnswlib on probe queries', () => {
    expect(agreesWithHnsw(hnsw, vectors, 8)).toBe(true);
    // Rows that are not the index's points disagree.
    expect(agreesWithHnsw(hnsw, vectors.map((x) => -x), 8)).toBe(false);
  });
});

describe('HnswVectorStore over a small index', () => {
  let searcher: HybridSearcher;
  let dir: string;
  beforeAll(async () => {
    const built = await buildTestIndex();
    searcher = built.searcher;
    dir = built.settings.INDEX_DIR;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers nearestLabels exactly as hnswlib for questions, whether it scans or asks hnswlib', async () => {
    const store = searcher.vectors as HnswVectorStore;
    const hnsw = searcher.index.hnsw;
    expect(hnsw.getCurrentCount()).toBeLessThanOrEqual(hnsw.getEf());
    for (const q of ['陵川中药材种类有多少种？', '阳城蚕桑2022年蚕茧产量', 'How many goats does Qinshui have?', '今天天气怎么样']) {
      const vector = await searcher.embedder.embedQuery(q);
      const want = hnsw.searchKnn(vector, 20);
      expect(store.nearestLabels(vector, 20)).toEqual({ labels: want.neighbors, similarities: want.distances.map((d) => 1 - d) });
    }
  });

  it('does not call hnswlib for a query without ties once the scan has checked itself', async () => {
    const hnsw = searcher.index.hnsw;
    let calls = 0;
    // The native object's methods, each bound to it, searchKnn counted.
    const counted = new Proxy(hnsw, {
      get: (target, key) => {
        const value: unknown = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key === 'searchKnn') calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const store = new HnswVectorStore(searcher.embedder, counted, searcher.index.chunks);
    const vector = await searcher.embedder.embedQuery('沁水黑山羊饲养量达到多少只？');
    const first = store.nearestLabels(vector, 20);
    expect(calls).toBeGreaterThan(0); // the probe queries of the self-check
    calls = 0;
    expect(store.nearestLabels(vector, 20)).toEqual(first);
    expect(calls).toBe(0);
    expect(first.labels).toEqual(hnsw.searchKnn(vector, 20).neighbors);
  });
});
