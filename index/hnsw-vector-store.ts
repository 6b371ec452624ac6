// A LangChain VectorStore over hnswlib-node whose documents are the index's chunks; scores are cosine similarities.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { articleMetaSchema, chunkSchema, type ArticleMeta, type Chunk } from '../ingest/types.js';
import { fileCheckOf, readSections, verifyFile, writeSections } from './binary-file.js';
import { CHUNKS_MAGIC, decodeChunks, encodeChunks } from './chunk-file.js';
import { IndexCorruptError } from './errors.js';
import { agreesWithHnsw, copyVectors, exactNearest } from './exact-scan.js';

/** Metadata of a chunk's Document: its label in the vector index and the chunk's fields besides text and id. */
export type ChunkMetadata = { label: number; lineStart: number; lineEnd: number; paragraph: number; part: number; meta: ArticleMeta };

const DESCRIPTOR = 'vector-store.json';
const fileCheck = z.object({ bytes: z.number().int(), sha256: z.string(), sampleSha256: z.string().optional() });
const descriptorSchema = z.object({ space: z.literal('cosine'), dimension: z.number().int().min(1), count: z.number().int().min(0), chunks: fileCheck, hnsw: fileCheck });
const metadataSchema = z.object({ lineStart: z.number(), lineEnd: z.number(), paragraph: z.number(), part: z.number(), meta: articleMetaSchema });

/** Largest index searched by exactNearest (when within efSearch too). */
export const EXACT_SCAN_MAX = 1000;
/** Points used as probe queries when checking exactNearest against hnswlib. */
const EXACT_SCAN_PROBES = 8;

/** The LangChain Document of a chunk (pageContent = text, id = chunk id, metadata.label = its label). */
export function chunkDocument(chunk: Chunk, label: number): DocumentInterface<ChunkMetadata> {
  const { id, text, lineStart, lineEnd, paragraph, part, meta } = chunk;
  return { pageContent: text, id, metadata: { label, lineStart, lineEnd, paragraph, part, meta } };
}

/** The chunk a Document describes; throws when its id or metadata are not a chunk's. */
export function documentChunk(doc: DocumentInterface): Chunk {
  const m = metadataSchema.parse(doc.metadata);
  return chunkSchema.parse({ id: doc.id, text: doc.pageContent, lineStart: m.lineStart, lineEnd: m.lineEnd, paragraph: m.paragraph, part: m.part, meta: m.meta });
}

/** hnswlib-node behind LangChain's VectorStore interface: label i is chunks[i]. */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (doc: DocumentInterface<ChunkMetadata>) => boolean;
  /** The points copied for exactNearest, for the index size they were copied at (null: the scan disagreed with hnswlib). */
  private exact: { count: number; vectors: Float32Array | null } | null = null;

  constructor(
    embeddings: EmbeddingsInterface,
    readonly hnsw: hnswlib.HierarchicalNSW,
    readonly chunks: Chunk[],
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  /** Adds vectors of chunk Documents (see documentChunk) under the next labels, growing the index as needed. */
  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    const added = documents.map(documentChunk);
    const needed = this.chunks.length + added.length;
    if (needed > this.hnsw.getMaxElements()) this.hnsw.resizeIndex(Math.max(needed, 2 * this.hnsw.getMaxElements()));
    added.forEach((chunk, i) => {
      this.hnsw.addPoint(vectors[i]!, this.chunks.length);
      this.chunks.push(chunk);
    });
    return added.map((c) => c.id);
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    return this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  /** The `k` nearest chunks to a unit query vector, with cosine similarity (higher is better). */
  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface<ChunkMetadata>, number][]> {
    const keep = filter ? (label: number) => filter(chunkDocument(this.chunks[label]!, label)) : undefined;
    const { labels, similarities } = this.nearestLabels(query, k, keep);
    return labels.map((label, i) => [chunkDocument(this.chunks[label]!, label), similarities[i]!]);
  }

  /**
   * Labels of the `k` nearest chunks to a unit query vector, nearest first, with their cosine
   * similarity: what the hybrid search uses, without a Document per neighbour.
   */
  nearestLabels(query: number[], k: number, keep?: (label: number) => boolean): { labels: number[]; similarities: number[] } {
    const count = this.hnsw.getCurrentCount();
    if (count === 0 || k <= 0) return { labels: [], similarities: [] };
    const vectors = keep ? null : this.exactVectors(count);
    const { neighbors, distances } = (vectors && exactNearest(vectors, count, query, Math.min(k, count))) || this.hnsw.searchKnn(query, Math.min(k, count), keep);
    return { labels: neighbors, similarities: distances.map((d) => 1 - d) };
  }

  /**
   * The points as rows for exactNearest, when the index is no larger than efSearch (hnswlib's search
   * then visits every point, so it is exact too) and the scan gives hnswlib's neighbours and
   * distances bit for bit on probe queries; else null. A small index spends most of a hnswlib
   * search copying the query's 512 numbers through N-API one by one; the scan skips that.
   */
  private exactVectors(count: number): Float32Array | null {
    if (count > this.hnsw.getEf() || count > EXACT_SCAN_MAX) return null;
    if (this.exact?.count !== count) {
      const vectors = copyVectors(this.hnsw);
      this.exact = { count, vectors: vectors && agreesWithHnsw(this.hnsw, vectors, EXACT_SCAN_PROBES) ? vectors : null };
    }
    return this.exact.vectors;
  }

  /** Writes the chunk store and HNSW graph (the index folder's formats) plus a small descriptor. */
  async save(directory: string): Promise<void> {
    mkdirSync(directory, { recursive: true });
    const chunks = writeSections(join(directory, 'chunks.bin'), CHUNKS_MAGIC, encodeChunks(this.chunks));
    this.hnsw.writeIndexSync(join(directory, 'hnsw.bin'));
    const hnsw = fileCheckOf(join(directory, 'hnsw.bin'));
    const descriptor = { space: 'cosine' as const, dimension: this.hnsw.getNumDimensions(), count: this.chunks.length, chunks, hnsw };
    writeFileSync(join(directory, DESCRIPTOR), JSON.stringify(descriptor, null, 2));
  }

  /** Loads a store written by save, verifying both files; throws IndexCorruptError. */
  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const parsed = descriptorSchema.safeParse(JSON.parse(readFileSync(join(directory, DESCRIPTOR), 'utf8')));
    if (!parsed.success) throw new IndexCorruptError(`${join(directory, DESCRIPTOR)} is not a vector store descriptor`);
    const d = parsed.data;
    const chunks = decodeChunks(readSections(join(directory, 'chunks.bin'), CHUNKS_MAGIC, d.chunks, 'full'), d.count);
    verifyFile(join(directory, 'hnsw.bin'), d.hnsw, 'full');
    const hnsw = new hnswlib.HierarchicalNSW(d.space, d.dimension);
    hnsw.readIndexSync(join(directory, 'hnsw.bin'));
    return new HnswVectorStore(embeddings, hnsw, chunks);
  }
}
