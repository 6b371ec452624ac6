// The app with a conversation log: answers logged per channel, answerId in JSON and SSE, POST /api/feedback, failures that never break answering.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService, type AnswerService } from '../answer/index.js';
import type { Settings } from '../config.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { useTempDirs } from '../test-support/temp-dirs.js';
import { createApp } from './app.js';
import { createConversationLog, createSqliteStore, hashUserId, type ConversationLog, type ConversationStore } from './conversations/index.js';
import { createLogger } from './logger.js';
import { buildDelivery } from './wechat/test-support/platform-client.js';

const Q = '泽州山楂的栽培历史有多久？';
const { tempDir } = useTempDirs();
type Json = Record<string, any>;

let settings: Settings;
let service: AnswerService;
let log: ConversationLog;
let app: ReturnType<typeof createApp>;
const errors: string[] = [];
const logger = { ...createLogger('silent'), error: (message: string, fields?: Record<string, unknown>) => void errors.push(`${message} ${JSON.stringify(fields)}`) };

beforeAll(async () => {
  const built = await buildTestIndex({ WECHAT_TOKEN: 'AAAAA' });
  settings = built.settings;
  service = createAnswerService(built.searcher, settings);
  log = createConversationLog({ store: createSqliteStore(join(tempDir('jc-log-'), 'c.db')), logger, retentionDays: 0, salt: 'test-salt-0123456789' });
  app = createApp({ settings, logger, holder: { service }, conversations: log });
});
afterAll(() => log?.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('logging answers', () => {
  it('logs a JSON /api/chat answer under its answerId, as "api" without an Origin and "widget" with one', async () => {
    const res = await post('/api/chat', { question: Q });
    const body = (await res.json()) as Json;
    expect(res.status).toBe(200);
    expect(body.answerId).toBe(body.id);
    const fromPage = (await (await post('/api/chat', { question: Q }, { origin: 'https://news.example' })).json()) as Json;
    await log.flush();
    const entry = await log.store.get(body.answerId);
    expect(entry).toMatchObject({ channel: 'api', question: Q, standalone: Q, answer: body.answer, citations: body.citations, refused: false, mode: 'extractive', userHash: null, feedback: null });
    expect(entry!.latencyMs).toBeGreaterThan(0);
    expect(Date.now() - Date.parse(entry!.at)).toBeLessThan(60_000);
    expect((await log.store.get(fromPage.answerId))!.channel).toBe('widget');
  });

  it('puts the answerId in the SSE done event and logs the streamed answer', async () => {
    const res = await post('/api/chat', { question: '阳城2022年蚕茧产量是多少？', stream: true });
    const text = await res.text();
    const done = JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!) as Json;
    expect(done.answerId).toBe(done.id);
    await log.flush();
    expect((await log.store.get(done.answerId))!.answer).toContain('167.7万公斤');
  });

  it('logs /v1 answers under the completion id, channel "v1"', async () => {
    const res = await post('/v1/chat/completions', { messages: [{ role: 'user', content: Q }] });
    const { id } = (await res.json()) as Json;
    await log.flush();
    expect((await log.store.get(id))!.channel).toBe('v1');
  });

  it('logs a refused answer as refused', async () => {
    const { answerId } = (await (await post('/api/chat', { question: '火星上有多少人口？' })).json()) as Json;
    await log.flush();
    expect((await log.store.get(answerId))!.refused).toBe(true);
  });

  it('logs a WeChat answer with the sender stored only as a salted hash', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const fields = { ToUserName: 'gh_test', FromUserName: 'oUser-openid-42', CreateTime: timestamp, MsgType: 'text', Content: Q, MsgId: '9001' };
    const { query, body } = buildDelivery({ token: 'AAAAA', encodingAesKey: 'A'.repeat(43), receiveId: 'wx' }, 'plain', fields, { timestamp, nonce: 'n1' });
    const res = await app.request(`/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
    expect(res.status).toBe(200);
    await log.flush();
    const { entries } = await log.store.list({ channel: 'wechat', limit: 5, offset: 0 });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.userHash).toBe(hashUserId('test-salt-0123456789', 'wechat', 'oUser-openid-42'));
    expect(JSON.stringify(entries[0])).not.toContain('oUser-openid-42');
  });
});

describe('POST /api/feedback', () => {
  let answerId: string;
  beforeAll(async () => {
    ({ answerId } = (await (await post('/api/chat', { question: Q })).json()) as Json);
  });

  it('stores a rating with a comment (given right after the answer) and answers 200 JSON', async () => {
    const res = await post('/api/feedback', { answerId, rating: 'down', comment: '  应该说明品种  ' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ answerId, rating: 'down', comment: '应该说明品种' });
    expect((await log.store.get(answerId))!.feedback).toMatchObject({ rating: 'down', comment: '应该说明品种' });
    expect(await (await post('/api/feedback', { answerId, rating: 'up' })).json()).toEqual({ answerId, rating: 'up', comment: null });
    expect((await log.store.get(answerId))!.feedback).toMatchObject({ rating: 'up', comment: null });
  });

  it('answers 404 JSON for an unknown answerId', async () => {
    const res = await post('/api/feedback', { answerId: 'no-such-answer', rating: 'up' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'unknown_answer', message: 'no logged answer has the id "no-such-answer"' } });
  });

  it.each([
    [{ rating: 'up' }, 'answerId: answerId must be a string'],
    [{ answerId: 'x', rating: 'meh' }, 'rating: rating must be "up" or "down"'],
    [{ answerId: 'x', rating: 'up', comment: '长'.repeat(1001) }, 'comment: comment is longer than 1000 characters'],
    [{ answerId: 'x', rating: 'up', score: 5 }, 'Unrecognized key: "score"'],
  ])('answers 400 JSON for %j', async (body, message) => {
    const res = await post('/api/feedback', body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error).toEqual({ code: 'invalid_request', message: expect.stringContaining(message) });
  });

  it('answers 405 to GET and 415 to a non-JSON body', async () => {
    expect((await app.request('/api/feedback')).status).toBe(405);
    expect((await app.request('/api/feedback', { method: 'POST', body: 'answerId=x' })).status).toBe(415);
  });
});

describe('when logging is off or failing', () => {
  it('without a log: no answerId, and feedback is 404', async () => {
    const off = createApp({ settings, logger, holder: { service } });
    const body = (await (await off.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: Q }) })).json()) as Json;
    expect(body.answer).toContain('300多年');
    expect(body).not.toHaveProperty('answerId');
    const fb = await off.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId: body.id, rating: 'up' }) });
    expect(fb.status).toBe(404);
  });

  it('a failing database: the answer is still served, the error is logged, feedback is 503', async () => {
    const broken: ConversationStore = {
      ...createSqliteStore(':memory:'),
      name: 'broken',
      insert: async () => Promise.reject(new Error('disk I/O error')),
      setFeedback: async () => Promise.reject(new Error('disk I/O error')),
    };
    const brokenLog = createConversationLog({ store: broken, logger, retentionDays: 0, salt: 'test-salt-0123456789' });
    const sick = createApp({ settings, logger, holder: { service }, conversations: brokenLog });
    const res = await sick.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: Q }) });
    expect(res.status).toBe(200);
    const { answerId } = (await res.json()) as Json;
    await brokenLog.flush();
    expect(errors.some((e) => e.includes('conversation log: write failed') && e.includes(answerId) && e.includes('disk I/O error'))).toBe(true);
    const fb = await sick.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId, rating: 'up' }) });
    expect(fb.status).toBe(503);
    expect(((await fb.json()) as Json).error.code).toBe('log_unavailable');
  });
});
