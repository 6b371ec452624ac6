// The whole HTTP app with the LLM answer mode on, the real @langchain/openai client calling a scripted OpenAI-style server.
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerService, createChatModel } from '../answer/index.js';
import type { Settings } from '../config.js';
import { fakeLlm, humanOf, isCondense, sourceWith, type LlmRequest, type Reply } from '../test-support/fake-llm.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';

type Json = Record<string, any>;

// ---- the app

const Q = '泽州山楂的栽培历史有多久？';
const TIMEOUT_MS = 300;
/** Allowance over the timeout for the fallback work and a loaded machine; well under the fake's 3000 ms delay. */
const SLACK_MS = 1200;
const GROUNDED = (req: LlmRequest): Reply => ({ text: `泽州山楂栽培历史已有300多年[${sourceWith(req, '300多年')}]。` });

const llm = fakeLlm();
let settings: Settings;
let app: ServerType;
let base = '';

const chat = (body: object) => fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  const LLM_BASE_URL = await llm.listen();
  const built = await buildTestIndex({ LLM_BASE_URL, LLM_MODEL: 'fake', LLM_API_KEY: 'k', LLM_TIMEOUT_MS: String(TIMEOUT_MS) });
  settings = built.settings;
  const model = await createChatModel(settings);
  expect(model).not.toBeNull();
  const holder = { service: createAnswerService(built.searcher, settings, model) };
  app = serve({ fetch: createApp({ settings, logger: createLogger('silent'), holder }).fetch, port: 0, hostname: '127.0.0.1' });
  if (!app.listening) await new Promise((resolve) => app.once('listening', resolve));
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    (app as Server | undefined)?.closeAllConnections();
    if (app) app.close(() => resolve());
    else resolve();
  });
  await llm.close();
});

beforeEach(() => {
  llm.received.length = 0;
});

describe('the app with an LLM configured', () => {
  it('says so on /readyz', async () => {
    expect(((await (await fetch(`${base}/readyz`)).json()) as Json).llm).toBe(true);
  });

  it('answers /api/chat in mode llm from the model reply, with the prompt holding the sources and question', async () => {
    llm.script(GROUNDED);
    const res = await chat({ question: Q });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ answer: '泽州山楂栽培历史已有300多年[1]。', mode: 'llm', refused: false, standalone: Q });
    expect(body.citations).toHaveLength(1);
    expect(body.citations[0].snippet).toContain('300多年');
    expect(llm.received).toHaveLength(1);
    const [req] = llm.received;
    expect(req!.model).toBe('fake');
    expect(humanOf(req!)).toMatch(/^资料：\n\[1\]《/);
    expect(humanOf(req!)).toContain(`\n\n问题：${Q}`);
  });

  it('leaves no hang-up listener behind on a keep-alive connection after its answers', async () => {
    const sockets = new Set<Socket>();
    const onConnection = (socket: Socket) => sockets.add(socket);
    app.on('connection', onConnection);
    const closeListeners = () => [...sockets].map((s) => s.listenerCount('close'));
    try {
      llm.script(GROUNDED);
      await (await chat({ question: Q })).json();
      const [perSocket] = closeListeners();
      for (let i = 0; i < 12; i++) await (await chat({ question: Q })).json();
      expect(sockets.size).toBeLessThan(4); // fetch kept its connections alive: each carried several requests
      expect(closeListeners().every((n) => n <= perSocket!)).toBe(true);
    } finally {
      app.off('connection', onConnection);
    }
  });

  it('streams the LLM answer over SSE', async () => {
    llm.script(GROUNDED);
    const res = await chat({ question: Q, stream: true });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as Json }));
    expect(events[0]!.event).toBe('meta');
    expect(events.slice(-2).map((e) => e.event)).toEqual(['citations', 'done']);
    expect(events.slice(1, -2).map((e) => e.data.text).join('')).toBe('泽州山楂栽培历史已有300多年[1]。');
    expect(events.at(-1)!.data).toMatchObject({ mode: 'llm', refused: false });
  });

  it('refuses in mode llm when the model says the sources lack the answer', async () => {
    llm.script(() => ({ text: '资料中没有相关信息。' }));
    const body = (await (await chat({ question: Q })).json()) as Json;
    expect(body).toMatchObject({ refused: true, mode: 'llm', citations: [] });
  });

  it.each<[string, (req: LlmRequest) => Reply]>([
    ['cites a source that does not exist', () => ({ text: '泽州山楂栽培历史已有300多年[9]。' })],
    ['invents a number', (req) => ({ text: `泽州山楂栽培历史已有500多年[${sourceWith(req, '300多年')}]。` })],
    ['fails with HTTP 500', () => ({ status: 500 })],
    ['is slower than LLM_TIMEOUT_MS', () => ({ text: 'late', delayMs: 3000 })],
  ])('answers 200 with the extractive answer when the model %s', async (_, script) => {
    llm.script(script);
    const started = performance.now();
    const res = await chat({ question: Q });
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.mode).toBe('extractive');
    expect(body.answer).toContain('300多年');
    expect(body.citations[0].snippet).toContain('300多年');
  });

  it('counts LLM answers and fallbacks in the metrics', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const count = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
    expect(count(/^jc_llm_fallbacks_total (\d+)$/m)).toBeGreaterThanOrEqual(4);
    expect(count(/^jc_answers_total\{channel="api",mode="llm",refused="false"\} (\d+)$/m)).toBeGreaterThanOrEqual(2);
    expect(count(/^jc_answers_total\{channel="api",mode="llm",refused="true"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
  });

  it('condenses a follow-up with the model and answers the condensed question', async () => {
    const STANDALONE = '高平生猪2022年屠宰了多少头？';
    llm.script((req) => (isCondense(req) ? { text: STANDALONE } : { text: `生猪屠宰38.8万头[${sourceWith(req, '38.8万头')}]。` }));
    const body = (await (await chat({ question: '那屠宰了多少头呢？', history: [{ role: 'user', content: '高平生猪2022年出栏多少？' }, { role: 'assistant', content: '…' }] })).json()) as Json;
    expect(llm.received.map(isCondense)).toEqual([true, false]);
    expect(humanOf(llm.received[1]!)).toContain(`问题：${STANDALONE}`);
    expect(body).toMatchObject({ standalone: STANDALONE, mode: 'llm', answer: '生猪屠宰38.8万头[1]。' });
  });

  it('answers /v1/chat/completions with the LLM answer and its sources, streaming and not', async () => {
    llm.script(GROUNDED);
    const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: 'jincheng-towns', messages: [{ role: 'user', content: Q }] });
    const content = completion.choices[0]!.message.content!;
    expect(content).toMatch(/^泽州山楂栽培历史已有300多年\[1\]。\n\n来源：\n\[1\] .+：.*300多年/);
    const stream = await client.chat.completions.create({ model: 'jincheng-towns', messages: [{ role: 'user', content: Q }], stream: true });
    let streamed = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(streamed).toBe(content);
    expect(finish).toBe('stop');
  });
});

describe('clients that hang up while the LLM is answering', () => {
  const LLM_TIMEOUT_MS = 20_000;
  const SLOW_MS = 6000;
  let slow: ServerType;
  let slowBase = '';

  beforeAll(async () => {
    const slowSettings = { ...settings, LLM_TIMEOUT_MS };
    const model = await createChatModel(slowSettings);
    const holder = { service: createAnswerService((await buildTestIndex()).searcher, slowSettings, model) };
    slow = serve({ fetch: createApp({ settings: slowSettings, logger: createLogger('silent'), holder }).fetch, port: 0, hostname: '127.0.0.1' });
    if (!slow.listening) await new Promise((resolve) => slow.once('listening', resolve));
    slowBase = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      (slow as Server).closeAllConnections();
      slow.close(() => resolve());
    });
  });

  const until = async (done: () => boolean, timeoutMs: number) => {
    const started = performance.now();
    while (!done() && performance.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 20));
    return done();
  };

  it.each<[string, string, object]>([
    ['/api/chat as JSON', '/api/chat', { question: Q }],
    ['/api/chat as SSE', '/api/chat', { question: Q, stream: true }],
    ['/v1/chat/completions as JSON', '/v1/chat/completions', { messages: [{ role: 'user', content: Q }] }],
    ['/v1/chat/completions as SSE', '/v1/chat/completions', { messages: [{ role: 'user', content: Q }], stream: true }],
  ])('cancel their LLM calls: %s', async (_, path, body) => {
    const M = 5;
    llm.script(() => ({ text: 'too late', delayMs: SLOW_MS }));
    const before = { ...llm.counts };
    const controllers = Array.from({ length: M }, () => new AbortController());
    const requests = controllers.map((ctl) =>
      fetch(`${slowBase}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: ctl.signal })
        .then((r) => r.text())
        .catch(() => 'hung up'),
    );
    expect(await until(() => llm.received.length === M, 10_000)).toBe(true);
    const hungUp = performance.now();
    controllers.forEach((c) => c.abort());
    expect(await Promise.all(requests)).toEqual(Array(M).fill('hung up'));
    expect(await until(() => llm.counts.aborted - before.aborted === M, SLOW_MS / 2)).toBe(true);
    expect(performance.now() - hungUp).toBeLessThan(SLOW_MS / 2);
    expect(llm.counts.completed - before.completed).toBe(0);
  });
});
