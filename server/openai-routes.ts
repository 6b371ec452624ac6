// POST /v1/chat/completions: an OpenAI-compatible face of the assistant (streaming and not); GET /v1/models.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AnswerAbortedError, type Turn } from '../answer/index.js';
import { ApiError, toApiError } from './errors.js';
import { countAnswer, type RouteDeps } from './chat-routes.js';
import { answerWithSources, splitDeltas } from './render.js';
import { messageText, openAiRequestSchema, type OpenAiMessage } from './schemas.js';
import { validate } from './validate.js';

export const MODEL_ID = 'jincheng-towns';

/** The question (last user message, trimmed) and the earlier user/assistant turns of an OpenAI message list. */
export function splitConversation(messages: OpenAiMessage[]): { question: string; history: Turn[] } {
  const turns = messages
    .filter((m): m is OpenAiMessage & { role: 'user' | 'assistant' } => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({ role: m.role, content: messageText(m.content) }));
  const last = turns.at(-1);
  if (!last || last.role !== 'user' || !last.content.trim()) throw new ApiError(400, 'invalid_request', 'messages: the last message must be a non-empty user message');
  return { question: last.content.trim(), history: turns.slice(0, -1) };
}

export function openAiRoutes({ service, settings, metrics, logger }: RouteDeps) {
  return new Hono()
    .get('/models', (c) => c.json({ object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'jincheng' }] }))
    .post('/chat/completions', validate('json', openAiRequestSchema(settings)), async (c) => {
      const body = c.req.valid('json');
      const { question, history } = splitConversation(body.messages);
      if ([...question].length > settings.MAX_QUESTION_CHARS) {
        throw new ApiError(400, 'invalid_request', `question is longer than ${settings.MAX_QUESTION_CHARS} characters`);
      }
      const svc = service(); // 503 before any stream opens when the index is not loaded
      const id = `chatcmpl-${randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);
      const base = { id, created, model: MODEL_ID };
      const signal = c.req.raw.signal; // fires when the client hangs up: cancels the LLM call
      if (!body.stream) {
        const a = await svc.ask({ question, history, signal });
        countAnswer(metrics, 'openai', a);
        return c.json({
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: answerWithSources(a.answer, a.citations) }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          citations: a.citations,
          refused: a.refused,
        });
      }
      return streamSSE(c, async (stream) => {
        const chunk = (delta: object, finish: string | null, extra: object = {}) =>
          stream.writeSSE({ data: JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }], ...extra }) });
        try {
          const a = await svc.ask({ question, history, signal });
          countAnswer(metrics, 'openai', a);
          await chunk({ role: 'assistant', content: '' }, null);
          for (const text of splitDeltas(answerWithSources(a.answer, a.citations))) await chunk({ content: text }, null);
          await chunk({}, 'stop', { citations: a.citations, refused: a.refused });
        } catch (err) {
          if (err instanceof AnswerAbortedError) return; // the client hung up: nobody to tell
          const api = toApiError(err);
          metrics.errors.inc({ code: api.code });
          logger.error('stream failed', { requestId: c.get('requestId'), error: err instanceof Error ? err.message : String(err) });
          await stream.writeSSE({ data: JSON.stringify({ error: { code: api.code, message: api.message } }) });
        }
        await stream.writeSSE({ data: '[DONE]' });
      });
    });
}
