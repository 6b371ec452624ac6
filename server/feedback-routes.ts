// POST /api/feedback: a 👍/👎 (and optional comment) on an answer the conversation log holds.
import { Hono } from 'hono';
import type { ConversationLog } from './conversations/index.js';
import { ApiError } from './errors.js';
import type { Logger } from './logger.js';
import { feedbackRequestSchema } from './schemas.js';
import { validate } from './validate.js';

/** The route; with logging off (`conversations` null) every answer id is unknown. */
export function feedbackRoutes({ conversations, logger }: { conversations: ConversationLog | null; logger: Logger }) {
  return new Hono().post('/feedback', validate('json', feedbackRequestSchema), async (c) => {
    const { answerId, rating, comment } = c.req.valid('json');
    if (!conversations) throw new ApiError(404, 'unknown_answer', 'conversation logging is off (LOG_CONVERSATIONS=0): there is no answer to rate');
    let found: boolean;
    try {
      found = await conversations.feedback({ answerId, rating, comment });
    } catch (err) {
      logger.error('conversation log: feedback write failed', { answerId, error: err instanceof Error ? err.message : String(err) });
      throw new ApiError(503, 'log_unavailable', 'feedback cannot be stored right now; try again later');
    }
    if (!found) throw new ApiError(404, 'unknown_answer', `no logged answer has the id "${answerId}"`);
    return c.json({ answerId, rating, comment });
  });
}
