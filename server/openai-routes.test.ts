// The OpenAI-compatible endpoint on a loopback port, called through the official `openai` SDK and raw fetch.
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService, REFUSAL_ZH, type Citation } from '../answer/index.js';
import type { Settings } from '../config.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { MODEL_ID, splitConversation } from './openai-routes.js';
import { answerWithSources } from './render.js';

const Q = '泽州山楂的栽培历史有多久？';
type Json = Record<string, any>;
type WithExtras = { citations: Citation[]; refused: boolean };

let settings: Settings;
let server: ServerType;
let base = '';
let client: OpenAI;

beforeAll(async () => {
  const built = await buildTestIndex();
  settings = built.settings;
  const app = createApp({ settings, logger: createLogger('silent'), holder: { service: createAnswerService(built.searcher, settings) } });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0, timeout: 10_000 });
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      (server as Server | undefined)?.closeAllConnections();
      if (server) server.close(() => resolve());
      else resolve();
    }),
);

/** The /api/chat answer to the same question, to compare with. */
async function apiAnswer(question: string, history: { role: string; content: string }[] = []): Promise<Json> {
  const res = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, history }) });
  return (await res.json()) as Json;
}

async function streamed(messages: OpenAI.Chat.ChatCompletionMessageParam[]) {
  const stream = await client.chat.completions.create({ model: MODEL_ID, messages, stream: true });
  const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { chunks, content: chunks.map((c) => c.choices[0]?.delta.content ?? '').join('') };
}

describe('POST /v1/chat/completions through the openai SDK', () => {
  it('answers with the cited answer, a 来源 block and the citations as an extra field', async () => {
    const completion = await client.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: Q }] });
    const api = await apiAnswer(Q);
    expect(completion.object).toBe('chat.completion');
    expect(completion.id).toMatch(/^chatcmpl-[0-9a-f-]{36}$/);
    expect(completion.model).toBe(MODEL_ID);
    expect(Math.abs(completion.created - Date.now() / 1000)).toBeLessThan(60);
    expect(completion.choices).toHaveLength(1);
    const [choice] = completion.choices;
    expect(choice!.finish_reason).toBe('stop');
    expect(choice!.message.role).toBe('assistant');
    const content = choice!.message.content!;
    expect(content).toContain('300多年');
    expect(content.startsWith(`${api.answer}\n\n来源：\n[1] `)).toBe(true);
    expect(content).toBe(answerWithSources(api.answer, api.citations));
    const extras = completion as unknown as WithExtras;
    expect(extras.citations).toEqual(api.citations);
    expect(extras.citations[0]!.snippet).toContain('300多年');
    expect(extras.refused).toBe(false);
    expect(completion.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  });

  it('streams deltas that add up to the same content and ends with finish_reason stop', async () => {
    const whole = await client.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: Q }] });
    const { chunks, content } = await streamed([{ role: 'user', content: Q }]);
    expect(content).toBe(whole.choices[0]!.message.content);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    for (const c of chunks) {
      expect(c.object).toBe('chat.completion.chunk');
      expect(c.id).toBe(chunks[0]!.id);
      expect(c.model).toBe(MODEL_ID);
    }
    const last = chunks.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe('stop');
    expect(last.choices[0]!.delta).toEqual({});
    expect(chunks.slice(0, -1).every((c) => c.choices[0]!.finish_reason === null)).toBe(true);
    expect((last as unknown as WithExtras).citations).toEqual((whole as unknown as WithExtras).citations);
  });

  it('ends the raw event stream with data: [DONE]', async () => {
    const res = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: MODEL_ID, stream: true, messages: [{ role: 'user', content: Q }] }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const blocks = (await res.text()).split('\n\n').filter(Boolean);
    expect(blocks.at(-1)).toBe('data: [DONE]');
    expect(blocks.slice(0, -1).every((b) => b.startsWith('data: {'))).toBe(true);
  });

  it('answers a follow-up from the earlier user and assistant messages, ignoring system messages', async () => {
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: '高平生猪2022年出栏多少？' },
      { role: 'assistant', content: '…' },
      { role: 'user', content: '那屠宰了多少头呢？' },
    ];
    const completion = await client.chat.completions.create({ model: MODEL_ID, messages });
    expect(completion.choices[0]!.message.content).toContain('38.8万头');
    expect((await streamed(messages)).content).toBe(completion.choices[0]!.message.content);
  });

  it('reads the question from text content parts', async () => {
    const completion = await client.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: [{ type: 'text', text: '泽州山楂' }, { type: 'text', text: '的栽培历史有多久？' }] }] });
    expect(completion.choices[0]!.message.content).toContain('300多年');
  });

  it('answers a refusal without a 来源 block', async () => {
    const completion = await client.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: '火星上有多少人口？' }] });
    expect(completion.choices[0]!.message.content).toBe(REFUSAL_ZH);
    expect(completion as unknown as WithExtras).toMatchObject({ citations: [], refused: true });
  });

  it('lists the model', async () => {
    const page = await client.models.list();
    expect(page.data).toEqual([{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'jincheng' }]);
  });

  it('raises a 400 in the client when the last message is not a user message', async () => {
    await expect(
      client.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: Q }, { role: 'assistant', content: '300多年' }] }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('POST /v1/chat/completions bad input', () => {
  const LONG = '山'.repeat(501);
  const user = (content: string) => ({ role: 'user', content });
  const cases: [string, unknown, string | RegExp][] = [
    ['malformed JSON', '{"messages": [', 'malformed JSON in request body'],
    ['missing messages', { model: MODEL_ID }, /^messages: /],
    ['empty messages', { messages: [] }, 'messages: messages is empty'],
    ['an assistant message last', { messages: [user(Q), { role: 'assistant', content: 'x' }] }, 'messages: the last message must be a non-empty user message'],
    ['only a system message', { messages: [{ role: 'system', content: Q }] }, 'messages: the last message must be a non-empty user message'],
    ['a blank user message', { messages: [user('   ')] }, 'messages: the last message must be a non-empty user message'],
    ['an unknown role', { messages: [{ role: 'wizard', content: Q }] }, /^messages\.0\.role: /],
    ['numeric content', { messages: [{ role: 'user', content: 5 }] }, /^messages\.0\.content: /],
    ['too many messages', { messages: Array.from({ length: 43 }, () => user(Q)) }, 'messages: too many messages'],
    ['a question over MAX_QUESTION_CHARS', { messages: [user(LONG)] }, 'question is longer than 500 characters'],
    ['stream = 1', { messages: [user(Q)], stream: 1 }, /^stream: /],
  ];

  it.each(cases)('rejects %s with 400', async (_, body, message) => {
    const res = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    expect(res.status).toBe(400);
    const json = (await res.json()) as Json;
    expect(Object.keys(json)).toEqual(['error']);
    expect(json.error.code).toBe(typeof body === 'string' ? 'bad_request' : 'invalid_request');
    if (typeof message === 'string') expect(json.error.message).toBe(message);
    else expect(json.error.message).toMatch(message);
  });

  it('trims the question before its length check, like /api/chat (500 characters padded with spaces pass)', async () => {
    const padded = `  ${'山'.repeat(480)}${Q}`.padEnd(600, ' ');
    expect([...padded].length).toBe(600);
    const res = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [user(padded)] }) });
    expect(res.status).toBe(200);
    expect(splitConversation([{ role: 'user', content: padded }]).question).toBe(padded.trim());
    const chat = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: padded }) });
    expect(chat.status).toBe(200);
  });

  it('rejects a body over BODY_LIMIT_BYTES with 413', async () => {
    const res = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [user(Q)], pad: 'x'.repeat(settings.BODY_LIMIT_BYTES) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Json).error.code).toBe('payload_too_large');
  });

  it('answers the wrong method with 405 and Allow: POST', async () => {
    const res = await fetch(`${base}/v1/chat/completions`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ error: { code: 'method_not_allowed', message: 'GET is not allowed on /v1/chat/completions; use POST' } });
  });

  it('still answers a good request afterwards', async () => {
    const completion = await client.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: Q }] });
    expect(completion.choices[0]!.message.content).toContain('300多年');
  });
});

describe('splitConversation', () => {
  it('takes the last user message as the question and earlier user/assistant turns as history', () => {
    expect(
      splitConversation([
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'a' },
        { role: 'assistant', content: [{ type: 'text', text: 'b' }] },
        { role: 'tool', content: 'ignored' },
        { role: 'user', content: 'c' },
      ]),
    ).toEqual({ question: 'c', history: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }] });
  });
});
