// Admin API of the conversation log: filtered pages, exports (JSON Lines, CSV), and feedback as QA and review items.
import { Hono } from 'hono';
import { z } from 'zod';
import { allEntries, CHANNELS, entriesToCsv, feedbackItems, RATINGS, toJsonl, type ConversationLog, type LogFilter } from '../conversations/index.js';
import { ApiError } from '../errors.js';
import { validate } from '../validate.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date bound: a day (YYYY-MM-DD, UTC; `to` takes the whole day) or an ISO time with its offset (the console sends local days so). */
const bound = (end: boolean) =>
  z
    .string()
    .refine((v) => (DAY.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success) && !Number.isNaN(Date.parse(v)), 'must be a date (2026-01-31) or an ISO time')
    .transform((v) => (DAY.test(v) ? new Date(`${v}T${end ? '23:59:59.999' : '00:00:00.000'}Z`) : new Date(v)));

const filterSchema = z.object({
  refused: z.enum(['1', '0'], { message: 'refused must be 1 or 0' }).transform((v) => v === '1').optional(),
  rating: z.enum(RATINGS, { message: 'rating must be up or down' }).optional(),
  channel: z.enum(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` }).optional(),
  from: bound(false).optional(),
  to: bound(true).optional(),
});
const pageSchema = filterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const exportSchema = filterSchema.extend({ format: z.enum(['jsonl', 'csv'], { message: 'format must be jsonl or csv' }).default('jsonl') });

/** Only the filters that were given (zod leaves absent keys undefined, the stores want them absent). */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const attachment = (name: string, type: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' });
const stamp = () => new Date().toISOString().slice(0, 10);

/** Routes under /admin/api/conversations; with logging off every route answers 404 logging_off. */
export function conversationRoutes(conversations: ConversationLog | null) {
  const log = (): ConversationLog => {
    if (!conversations) throw new ApiError(404, 'logging_off', 'conversation logging is off (LOG_CONVERSATIONS=0)');
    return conversations;
  };
  return new Hono()
    .get('/', validate('query', pageSchema), async (c) => {
      const filter = defined(c.req.valid('query')) as LogFilter;
      const { total, entries } = await log().store.list(filter);
      return c.json({ total, limit: filter.limit, offset: filter.offset, entries });
    })
    .get('/export', validate('query', exportSchema), async (c) => {
      const { format, ...filter } = defined(c.req.valid('query'));
      const entries = await allEntries(log().store, filter);
      return format === 'csv'
        ? c.body(entriesToCsv(entries), 200, attachment(`conversations-${stamp()}.csv`, 'text/csv; charset=utf-8'))
        : c.body(toJsonl(entries), 200, attachment(`conversations-${stamp()}.jsonl`, 'application/x-ndjson; charset=utf-8'));
    })
    .get('/feedback', async (c) => c.json(await feedbackItems(log().store)))
    .get('/feedback/qa.jsonl', async (c) => c.body(toJsonl((await feedbackItems(log().store)).qa), 200, attachment(`feedback-qa-${stamp()}.jsonl`, 'application/x-ndjson; charset=utf-8')))
    .get('/feedback/review.jsonl', async (c) =>
      c.body(toJsonl((await feedbackItems(log().store)).review), 200, attachment(`feedback-review-${stamp()}.jsonl`, 'application/x-ndjson; charset=utf-8')),
    );
}
