// Tests for the LangChain VectorStore over hnswlib-node, and the VECTOR_STORE switch of openSearcher.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../config.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { chunkDocument, documentChunk, HnswVectorStore } from './hnsw-vector-store.js';
import { HybridSearcher } from './hybrid-search.js';
import { memoryVectorStoreClass, openSearcher } from './open-index.js';

let settings: Settings;
let searcher: HybridSearcher;
const made: string[] = [];
beforeAll(async () => {
  ({ settings, searcher } = await buildTestIndex());
  made.push(settings.INDEX_DIR);
});
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const question = '陵川中药材种类有多少种？';

describe('chunkDocument and documentChunk', () => {
  it('turn a chunk into a Document with its label and back', () => {
    const chunk = searcher.index.chunks[3]!;
    const doc = chunkDocument(chunk, 3);
    expect(doc).toMatchObject({ pageContent: chunk.text, id: chunk.id, metadata: { label: 3, lineStart: chunk.lineStart } });
    expect(documentChunk(doc)).toEqual(chunk);
    expect(() => documentChunk({ pageContent: 'x', metadata: {} })).toThrow();
  });
});

describe('HnswVectorStore', () => {
  it('finds a chunk by its own vector first, with similarity 1', async () => {
    const store = searcher.vectors as HnswVectorStore;
    expect(store).toBeInstanceOf(HnswVectorStore);
    const hits = await store.similaritySearchVectorWithScore(searcher.index.hnsw.getPoint(5), 1);
    expect(hits.length).toBe(1);
    expect(hits[0]![0].metadata.label).toBe(5);
    expect(hits[0]![1]).toBeCloseTo(1, 5);
  });

  it('gives the nearest labels and similarities without Documents, as its LangChain search does', async () => {
    const store = searcher.vectors as HnswVectorStore;
    const vector = await searcher.embedder.embedQuery(question);
    const hits = await store.similaritySearchVectorWithScore(vector, 10);
    expect(store.nearestLabels(vector, 10)).toEqual({ labels: hits.map(([d]) => d.metadata.label), similarities: hits.map(([, s]) => s) });
    expect(store.nearestLabels(vector, 0)).toEqual({ labels: [], similarities: [] });
  });

  it('applies a Document filter and returns at most the documents it holds', async () => {
    const store = searcher.vectors as HnswVectorStore;
    const vector = await searcher.embedder.embedQuery(question);
    const hits = await store.similaritySearchVectorWithScore(vector, 100, (d) => d.metadata.meta.county === '高平');
    expect(hits.length).toBe(searcher.index.chunks.filter((c) => c.meta.county === '高平').length);
    expect(hits.every(([d]) => d.metadata.meta.county === '高平')).toBe(true);
  });

  it('adds documents (growing the graph), saves and loads them back', async () => {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', searcher.embedder.dimension);
    hnsw.initIndex({ maxElements: 2, m: 16, efConstruction: 100, randomSeed: 1 });
    const store = new HnswVectorStore(searcher.embedder, hnsw, []);
    const docs = searcher.index.chunks.slice(0, 5).map((c, i) => chunkDocument(c, i));
    expect(await store.addDocuments(docs)).toEqual(docs.map((d) => d.id));
    const dir = mkdtempSync(join(tmpdir(), 'jc-vstore-'));
    made.push(dir);
    await store.save(dir);
    const loaded = await HnswVectorStore.load(dir, searcher.embedder);
    expect(loaded.chunks).toEqual(searcher.index.chunks.slice(0, 5));
    const top = await loaded.similaritySearch(searcher.index.chunks[2]!.text, 1);
    expect(top[0]!.id).toBe(searcher.index.chunks[2]!.id);
  });
});

describe('openSearcher VECTOR_STORE switch', () => {
  it('uses hnswlib-node by default and gives the same hits as a searcher built by hand', async () => {
    const opened = await openSearcher(settings);
    expect(opened.vectors).toBeInstanceOf(HnswVectorStore);
    expect(await opened.search(question, 5)).toEqual(await searcher.search(question, 5));
  });

  it('answers through LangChain\'s exact MemoryVectorStore (@langchain/classic) with the same top passage', async () => {
    const memory = await openSearcher({ ...settings, VECTOR_STORE: 'memory' });
    expect(memory.vectors).not.toBeInstanceOf(HnswVectorStore);
    const [a] = await memory.search(question, 5);
    const [b] = await searcher.search(question, 5);
    expect(a!.chunk.id).toBe(b!.chunk.id);
  });
});
