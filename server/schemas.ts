// Request schemas for the HTTP API (zod), built from the configured limits.
import { z } from 'zod';
import type { Settings } from '../config.js';

export type Limits = Pick<Settings, 'MAX_QUESTION_CHARS' | 'MAX_HISTORY_TURNS'>;
export const MAX_K = 20;
/** Longest earlier turn accepted in a history (answers are longer than questions). */
export const MAX_TURN_CHARS = 4000;

const question = (l: Limits) =>
  z
    .string({ message: 'question must be a string' })
    .trim()
    .min(1, 'question is empty')
    .max(l.MAX_QUESTION_CHARS, `question is longer than ${l.MAX_QUESTION_CHARS} characters`);

const turn = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(MAX_TURN_CHARS, `a history turn is longer than ${MAX_TURN_CHARS} characters`),
});

/** POST /api/chat body. */
export const chatRequestSchema = (l: Limits) =>
  z.object({
    question: question(l),
    history: z.array(turn).max(l.MAX_HISTORY_TURNS * 2, `history has more than ${l.MAX_HISTORY_TURNS * 2} turns`).optional(),
    k: z.number().int().min(1).max(MAX_K).optional(),
    stream: z.boolean().optional(),
  });

/** GET /api/search query. */
export const searchQuerySchema = (l: Limits) =>
  z.object({ q: question(l), k: z.coerce.number().int().min(1).max(MAX_K).optional() });

const contentPart = z.object({ type: z.string(), text: z.string().optional() });
const openAiMessage = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(contentPart), z.null()]),
});

/** POST /v1/chat/completions body (the fields we use; others are accepted and ignored). */
export const openAiRequestSchema = (l: Limits) =>
  z.looseObject({
    model: z.string().optional(),
    messages: z.array(openAiMessage).min(1, 'messages is empty').max(l.MAX_HISTORY_TURNS * 2 + 2, 'too many messages'),
    stream: z.boolean().optional(),
    /** With include_usage, a stream ends with a chunk carrying `usage` (as OpenAI's API does). */
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  });
export type OpenAiMessage = z.infer<typeof openAiMessage>;

/** Text of an OpenAI message content (string or text parts). */
export function messageText(content: OpenAiMessage['content']): string {
  if (content === null) return '';
  return typeof content === 'string' ? content : content.map((p) => p.text ?? '').join('');
}

/** Longest feedback comment in characters. */
export const MAX_COMMENT_CHARS = 1000;

/** POST /api/feedback body: a 👍 or 👎 on a logged answer, with an optional comment (blank counts as none). */
export const feedbackRequestSchema = z.strictObject({
  answerId: z.string({ message: 'answerId must be a string' }).trim().min(1, 'answerId is empty').max(100, 'answerId is longer than 100 characters'),
  rating: z.enum(['up', 'down'], { message: 'rating must be "up" or "down"' }),
  comment: z
    .string({ message: 'comment must be a string' })
    .trim()
    .max(MAX_COMMENT_CHARS, `comment is longer than ${MAX_COMMENT_CHARS} characters`)
    .optional()
    .transform((v) => (v ? v : null)),
});
