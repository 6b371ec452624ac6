// Admin API for hit-testing: a question -> ranked passages with their BM25, dense and fused scores.
import { Hono } from 'hono';
import { describeHit } from '../../index/index.js';
import { searchQuerySchema } from '../schemas.js';
import { validate } from '../validate.js';
import type { AnswerService } from '../../answer/index.js';
import type { Settings } from '../../config.js';
import { servedIndex } from './document-routes.js';

/** Routes under /admin/api/hit-test. */
export function hitTestRoutes(holder: { service: AnswerService | null }, settings: Settings) {
  return new Hono().get('/', validate('query', searchQuerySchema(settings)), async (c) => {
    const { q, k } = c.req.valid('query');
    const hits = await servedIndex(holder).search(q, k ?? 10);
    return c.json({ query: q, hits: hits.map((h, i) => ({ rank: i + 1, ...describeHit(h), page: h.chunk.page ?? null, text: h.chunk.text })) });
  });
}
