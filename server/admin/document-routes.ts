// Admin API for documents: list the indexed sources, preview a source's chunks as repaired.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AnswerService } from '../../answer/index.js';
import type { Chunk } from '../../ingest/index.js';
import { ApiError } from '../errors.js';
import { validate } from '../validate.js';

/** One indexed document (a source file) as the console lists it. */
export type DocumentSummary = { source: string; titles: string[]; chunks: number; added: string | null };

/** The served answer service, or a 503 while the index loads. */
export function servedIndex(holder: { service: AnswerService | null }): AnswerService {
  if (!holder.service) throw new ApiError(503, 'not_ready', 'the index is not loaded yet');
  return holder.service;
}

/** Documents of an index, in chunk order: distinct titles, chunk count and when the source was added. */
export function summarizeDocuments(chunks: Chunk[], added: Map<string, string>): DocumentSummary[] {
  const docs = new Map<string, DocumentSummary>();
  for (const c of chunks) {
    let doc = docs.get(c.meta.source);
    if (!doc) docs.set(c.meta.source, (doc = { source: c.meta.source, titles: [], chunks: 0, added: added.get(c.meta.source) ?? null }));
    doc.chunks++;
    if (c.meta.title && !doc.titles.includes(c.meta.title)) doc.titles.push(c.meta.title);
  }
  return [...docs.values()];
}

const sourceQuery = z.object({ source: z.string().min(1, 'source is empty') });

/** Routes under /admin/api/documents. */
export function documentRoutes(holder: { service: AnswerService | null }) {
  return new Hono()
    .get('/', (c) => {
      const index = servedIndex(holder).searcher.index;
      const added = new Map(index.manifest.sources.map((s) => [s.source, s.addedAt ?? index.manifest.builtAt]));
      return c.json({ builtAt: index.manifest.builtAt, documents: summarizeDocuments(index.chunks, added) });
    })
    .get('/chunks', validate('query', sourceQuery), (c) => {
      const { source } = c.req.valid('query');
      const chunks = servedIndex(holder).searcher.index.chunks.filter((ch) => ch.meta.source === source);
      if (chunks.length === 0) throw new ApiError(404, 'not_found', `no document ${source} in the index`);
      return c.json({
        source,
        chunks: chunks.map((ch) => ({ id: ch.id, title: ch.meta.title, town: ch.meta.town, paragraph: ch.paragraph, part: ch.part, lineStart: ch.lineStart, lineEnd: ch.lineEnd, text: ch.text })),
      });
    });
}
