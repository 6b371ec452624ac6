// /api/chat (JSON or Server-Sent Events) and /api/search: the widget's and tools' API.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AnswerAbortedError, type AnswerService, type ServedAnswer } from '../answer/index.js';
import { describeHit } from '../index/index.js';
import type { Settings } from '../config.js';
import type { Channel, ConversationLog } from './conversations/index.js';
import { toApiError } from './errors.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { splitDeltas } from './render.js';
import { chatRequestSchema, searchQuerySchema } from './schemas.js';
import { validate } from './validate.js';

/** What the routes need; `service` throws a 503 ApiError until the index is loaded; `conversations` is null when logging is off. */
export type RouteDeps = { service: () => AnswerService; settings: Settings; metrics: Metrics; logger: Logger; conversations: ConversationLog | null };

/**
 * Fires when the client hangs up: @hono/node-server's request signal, plus the socket's own close
 * (also when it closed before the handler ran), so an abandoned request never starts or finishes an LLM call.
 */
export function hangUpSignal(c: Context): AbortSignal {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  const socket = outgoing?.socket;
  if (!outgoing || !socket) return c.req.raw.signal;
  if (socket.destroyed) return AbortSignal.abort();
  const gone = new AbortController();
  const onClose = () => {
    if (!outgoing.writableFinished) gone.abort();
  };
  socket.once('close', onClose);
  // A keep-alive socket carries many requests: drop this one's listener once its response is sent.
  outgoing.once('finish', () => socket.off('close', onClose));
  return AbortSignal.any([c.req.raw.signal, gone.signal]);
}

/** The JSON body of a chat answer; `answerId` (for POST /api/feedback) only when the answer is logged. */
export function chatBody(id: string, a: ServedAnswer, logged: boolean) {
  return { id, ...(logged ? { answerId: id } : {}), answer: a.answer, citations: a.citations, refused: a.refused, mode: a.mode, standalone: a.standalone, timings: a.timings, ...extras(a) };
}

/** Optional fields of an answer: follow-up questions, and the small-talk mark (only when set). */
function extras(a: ServedAnswer) {
  return { followUps: a.followUps ?? [], ...(a.smallTalk ? { smallTalk: true } : {}) };
}

/** A browser page (the widget) sends an Origin header with its POST; scripts and servers do not. */
export function apiChannel(c: Context): Channel {
  return c.req.header('origin') ? 'widget' : 'api';
}

/** Counts an answer in the metrics. */
export function countAnswer(metrics: Metrics, channel: string, a: ServedAnswer): void {
  metrics.answers.inc({ channel, mode: a.mode, refused: String(a.refused) });
  if (a.fallback) metrics.fallbacks.inc();
}

export function chatRoutes({ service, settings, metrics, logger, conversations }: RouteDeps) {
  return new Hono()
    .post('/chat', validate('json', chatRequestSchema(settings)), async (c) => {
      const started = performance.now();
      const body = c.req.valid('json');
      const svc = service(); // 503 before any stream opens when the index is not loaded
      const id = randomUUID();
      const channel = apiChannel(c);
      const served = (answer: ServedAnswer) => {
        countAnswer(metrics, 'api', answer);
        conversations?.record({ id, channel, answer, latencyMs: performance.now() - started });
      };
      const logged = conversations !== null;
      const wantsStream = body.stream ?? (c.req.header('accept') ?? '').includes('text/event-stream');
      const signal = hangUpSignal(c); // cancels the LLM call when the client hangs up
      if (!wantsStream) {
        const answer = await svc.ask({ ...body, signal });
        served(answer);
        return c.json(chatBody(id, answer, logged));
      }
      return streamSSE(c, async (stream) => {
        await stream.writeSSE({ event: 'meta', data: JSON.stringify({ id }) });
        try {
          const answer = await svc.ask({ ...body, signal });
          served(answer);
          for (const text of splitDeltas(answer.answer)) await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text }) });
          await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: answer.citations }) });
          const { refused, mode, timings, standalone } = answer;
          await stream.writeSSE({ event: 'done', data: JSON.stringify({ id, ...(logged ? { answerId: id } : {}), refused, mode, standalone, timings, ...extras(answer) }) });
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
