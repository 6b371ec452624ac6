// Tests for the recall measure of the benchmark: strict, id and epsilon recall of HNSW against exact search.
import hnswlib from 'hnswlib-node';
import { describe, expect, it } from 'vitest';
import { prng } from '../test-support/prng.js';
import { measureRecall } from './retrieval.js';

function indexes(vectors: number[][], m: number): { hnsw: hnswlib.HierarchicalNSW; exact: hnswlib.BruteforceSearch } {
  const dim = vectors[0]!.length;
  const hnsw = new hnswlib.HierarchicalNSW('cosine', dim);
  hnsw.initIndex({ maxElements: vectors.length, m, efConstruction: 10, randomSeed: 7 });
  const exact = new hnswlib.BruteforceSearch('cosine', dim);
  exact.initIndex(vectors.length);
  vectors.forEach((v, i) => {
    hnsw.addPoint(v, i);
    exact.addPoint(v, i);
  });
  return { hnsw, exact };
}

describe('measureRecall', () => {
  const random = prng(11);
  const vectors = Array.from({ length: 3000 }, () => Array.from({ length: 64 }, () => random() - 0.5));
  const queries = vectors.slice(0, 40).map((v) => v.map((x) => x + (random() - 0.5) * 0.2));

  it('is 1 for every measure when the search is wide enough to be exact', () => {
    const { hnsw, exact } = indexes(vectors.slice(0, 200), 16);
    const [r] = measureRecall(hnsw, exact, queries, [400]);
    expect(r).toMatchObject({ k: 10, efSearch: 400, recall: 1, idRecall: 1, epsilonRecall: 1 });
  });

  it('drops with a narrow search on a sparse graph, epsilon recall at least the strict one, rising with efSearch', () => {
    const { hnsw, exact } = indexes(vectors, 2);
    const [narrow, wide] = measureRecall(hnsw, exact, queries, [10, 200]);
    expect(narrow!.recall).toBeLessThan(0.9);
    expect(narrow!.epsilonRecall!).toBeGreaterThanOrEqual(narrow!.recall);
    expect(narrow!.idRecall).toBeLessThanOrEqual(narrow!.recall);
    expect(wide!.recall).toBeGreaterThan(narrow!.recall);
    expect(wide!.knnP50Ms).toBeGreaterThan(0);
  });
});
