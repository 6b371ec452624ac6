// Admin API of the conversation log, in process: auth, filters and pages, exports, feedback items, bad input, logging off.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../answer/index.js';
import type { Settings } from '../../config.js';
import { loggedAnswer } from '../../test-support/conversation-store-suite.js';
import { buildTestIndex } from '../../test-support/test-index.js';
import { createApp } from '../app.js';
import { createConversationLog, createSqliteStore, type ConversationLog } from '../conversations/index.js';
import { createLiveIndex } from '../live-index.js';
import { createLogger } from '../logger.js';

const KEY = 'admin-key-0123456789';
const logger = createLogger('silent');
type Json = Record<string, any>;
let settings: Settings;
let log: ConversationLog;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const built = await buildTestIndex();
  settings = { ...built.settings, ADMIN_KEY: KEY };
  const holder = { service: createAnswerService(built.searcher, settings) };
  const liveIndex = createLiveIndex({ settings, logger, holder, makeService: (searcher) => createAnswerService(searcher, settings) });
  log = createConversationLog({ store: createSqliteStore(':memory:'), logger, retentionDays: 0 });
  app = createApp({ settings, logger, holder, liveIndex, conversations: log });
  const { store } = log;
  await store.insert(loggedAnswer('a1', '2026-01-01T08:00:00.000Z', { question: '=1+1 问题', channel: 'widget' }));
  await store.insert(loggedAnswer('a2', '2026-01-02T08:00:00.000Z', { refused: true, answer: '抱歉，现有文章中没有找到与这个问题相关的信息。', citations: [], facts: [] }));
  await store.insert(loggedAnswer('a3', '2026-01-03T08:00:00.000Z', { channel: 'wechat', userHash: 'ab' }));
  await store.setFeedback({ answerId: 'a1', rating: 'up', comment: null, at: new Date('2026-01-04T00:00:00Z') });
  await store.setFeedback({ answerId: 'a3', rating: 'down', comment: '数字过时', at: new Date('2026-01-04T00:00:00Z') });
});

const get = (path: string, key: string | null = KEY) => app.request(path, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const ids = async (query: string) => {
  const res = await get(`/admin/api/conversations${query}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as Json;
  return [body.total, body.entries.map((e: Json) => e.id)];
};

describe('GET /admin/api/conversations', () => {
  it('needs the admin key', async () => {
    expect((await get('/admin/api/conversations', null)).status).toBe(401);
    expect((await get('/admin/api/conversations', 'wrong-key-0123456789')).status).toBe(401);
  });

  it('lists newest first and filters by refused, rating, channel and dates', async () => {
    expect(await ids('')).toEqual([3, ['a3', 'a2', 'a1']]);
    expect(await ids('?refused=1')).toEqual([1, ['a2']]);
    expect(await ids('?refused=0&rating=down')).toEqual([1, ['a3']]);
    expect(await ids('?channel=widget')).toEqual([1, ['a1']]);
    expect(await ids('?from=2026-01-02&to=2026-01-02')).toEqual([1, ['a2']]);
    expect(await ids('?from=2026-01-02T16:00:00%2B08:00')).toEqual([2, ['a3', 'a2']]);
    expect(await ids('?limit=1&offset=1')).toEqual([3, ['a2']]);
  });

  it('returns whole entries with their feedback', async () => {
    const { entries } = (await (await get('/admin/api/conversations?rating=down')).json()) as Json;
    expect(entries[0]).toMatchObject({ id: 'a3', channel: 'wechat', userHash: 'ab', feedback: { rating: 'down', comment: '数字过时' }, citations: [{ n: 1 }] });
  });

  it.each([
    ['?refused=yes', 'refused: refused must be 1 or 0'],
    ['?rating=meh', 'rating: rating must be up or down'],
    ['?channel=fax', 'channel: channel must be one of widget, api, v1, wechat, wecom'],
    ['?from=yesterday', 'from: must be a date (2026-01-31) or an ISO time'],
    ['?limit=5000', 'limit:'],
  ])('answers 400 JSON for %s', async (query, message) => {
    const res = await get(`/admin/api/conversations${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error).toEqual({ code: 'invalid_request', message: expect.stringContaining(message) });
  });
});

describe('exports and feedback items', () => {
  it('exports the filtered log as JSON Lines and as CSV attachments', async () => {
    const jsonl = await get('/admin/api/conversations/export?rating=up');
    expect(jsonl.headers.get('content-disposition')).toMatch(/^attachment; filename="conversations-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const lines = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l) as Json);
    expect(lines.map((l) => l.id)).toEqual(['a1']);
    const csv = await get('/admin/api/conversations/export?format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text.split('\r\n')).toHaveLength(5); // header, 3 rows, final newline
    expect(text).toContain(",'=1+1 问题,"); // a formula-looking question is defused
  });

  it('lists 👍 answers as QA items and 👎 answers as review items, and serves them as files', async () => {
    const { qa, review } = (await (await get('/admin/api/conversations/feedback')).json()) as Json;
    expect(qa).toEqual([{ id: 'fb-a1', question: '泽州精密铸造专业镇有多少家铸造企业？', answers: ['30家'], evidence: ['目前，拥有铸造企业30家'], town: '泽州精密铸造', type: 'feedback' }]);
    expect(review).toMatchObject([{ answerId: 'a3', comment: '数字过时', channel: 'wechat' }]);
    const file = await get('/admin/api/conversations/feedback/qa.jsonl');
    expect(file.headers.get('content-disposition')).toMatch(/filename="feedback-qa-/);
    expect(await file.text()).toBe(`${JSON.stringify(qa[0])}\n`);
    expect((await (await get('/admin/api/conversations/feedback/review.jsonl')).text()).trim().split('\n')).toHaveLength(1);
  });

  it('answers 404 logging_off when conversation logging is off', async () => {
    const holder = { service: null };
    const off = createApp({ settings, logger, holder, liveIndex: createLiveIndex({ settings, logger, holder, makeService: (s) => createAnswerService(s, settings) }) });
    const res = await off.request('/admin/api/conversations', { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Json).error.code).toBe('logging_off');
  });
});
