// Citations and retrieved passages as an answer reports them.
import type { Chunk } from '../ingest/index.js';
import type { SearchHit } from '../index/index.js';
import type { Citation, Retrieved } from './types.js';

/** The retrieved passages as the result reports them. */
export function toRetrieved(hits: SearchHit[]): Retrieved[] {
  return hits.map((h) => ({
    chunkId: h.chunk.id,
    title: h.chunk.meta.title,
    town: h.chunk.meta.town,
    text: h.chunk.text,
    score: h.score,
    dense: h.dense,
    bm25: h.bm25,
  }));
}

/** A citation for a hit (or a chunk): the whole passage is the snippet, verbatim. */
export function toCitation(hit: SearchHit | { chunk: Chunk }, n: number): Citation {
  const { chunk } = hit;
  return {
    n,
    chunkId: chunk.id,
    title: chunk.meta.title || chunk.meta.town || '（无标题）',
    town: chunk.meta.town,
    snippet: chunk.text,
    source: chunk.meta.source,
    line: chunk.lineStart,
    ...(chunk.page ? { page: chunk.page } : {}),
  };
}

