// /api/chat (JSON or Server-Sent Events) and /api/search: the widget's and tools' API.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AnswerAbortedError, type AnswerService, type ServedAnswer } from '../answer/index.js';
import { describeHit } from '../index/index.js';
import type { Settings } from '../config.js';
import { toApiError } from './errors.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { splitDeltas } from './render.js';
import { chatRequestSchema, searchQuerySchema } from './schemas.js';
import { validate } from './validate.js';

/** What the routes need; `service` throws a 503 ApiError until the index is loaded. */
export type RouteDeps = { service: () => AnswerService; settings: Settings; metrics: Metrics; logger: Logger };

/** The JSON body of a chat answer. */
export function chatBody(id: string, a: ServedAnswer) {
  return { id, answer: a.answer, citations: a.citations, refused: a.refused, mode: a.mode, standalone: a.standalone, timings: a.timings };
}

/** Counts an answer in the metrics. */
export function countAnswer(metrics: Metrics, channel: string, a: ServedAnswer): void {
  metrics.answers.inc({ channel, mode: a.mode, refused: String(a.refused) });
  if (a.fallback) metrics.fallbacks.inc();
}

export function chatRoutes({ service, settings, metrics, logger }: RouteDeps) {
  return new Hono()
    .post('/chat', validate('json', chatRequestSchema(settings)), async (c) => {
      const body = c.req.valid('json');
      const svc = service(); // 503 before any stream opens when the index is not loaded
      const id = randomUUID();
      const wantsStream = body.stream ?? (c.req.header('accept') ?? '').includes('text/event-stream');
      const signal = c.req.raw.signal; // fires when the client hangs up: cancels the LLM call
      if (!wantsStream) {
        const answer = await svc.ask({ ...body, signal });
        countAnswer(metrics, 'api', answer);
        return c.json(chatBody(id, answer));
      }
      return streamSSE(c, async (stream) => {
        await stream.writeSSE({ event: 'meta', data: JSON.stringify({ id }) });
        try {
          const answer = await svc.ask({ ...body, signal });
          countAnswer(metrics, 'api', answer);
          for (const text of splitDeltas(answer.answer)) await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text }) });
          await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: answer.citations }) });
          const { refused, mode, timings, standalone } = answer;
          await stream.writeSSE({ event: 'done', data: JSON.stringify({ id, refused, mode, standalone, timings }) });
        } catch (err) {
          if (err instanceof AnswerAbortedError) return; // the client hung up: nobody to tell
          const api = toApiError(err);
          metrics.errors.inc({ code: api.code });
          logger.error('stream failed', { requestId: c.get('requestId'), error: err instanceof Error ? err.message : String(err) });
          await stream.writeSSE({ event: 'error', data: JSON.stringify({ code: api.code, message: api.message }) });
        }
      });
    })
    .get('/search', validate('query', searchQuerySchema(settings)), async (c) => {
      const { q, k } = c.req.valid('query');
      const hits = await service().search(q, k ?? settings.TOP_K);
      return c.json({
        query: q,
        hits: hits.map((h, i) => ({ rank: i + 1, ...describeHit(h), text: h.chunk.text })),
      });
    });
}
