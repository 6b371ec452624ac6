// HTTP tests of the real app on a loopback port: chat (JSON and SSE), multi-turn, search, health, metrics, bad input, headers, assets.
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService, REFUSAL_ZH, type AnswerService, type AskInput } from '../answer/index.js';
import type { Settings } from '../config.js';
import type { HybridSearcher } from '../index/index.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createApp, type ServiceHolder } from './app.js';
import { createLogger } from './logger.js';

const Q_HAWTHORN = '泽州山楂的栽培历史有多久？';
const Q_MARS = '火星上有多少人口？';
const CITATION_KEYS = ['author', 'chunkId', 'line', 'n', 'section', 'snippet', 'source', 'title', 'town'];

type Running = { base: string; close: () => Promise<void> };
type SseEvent = { event: string; data: string };
type Json = Record<string, any>;

/** Serves an app on 127.0.0.1 and a free port. */
async function start(holder: ServiceHolder, settings: Settings): Promise<Running> {
  const app = createApp({ settings, logger: createLogger('silent'), holder });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        (server as Server).closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Parses a Server-Sent Events body: blocks split on blank lines, `event:` and `data:` fields. */
function parseSse(body: string): SseEvent[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\n+/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      return { event, data: data.join('\n') };
    });
}

let settings: Settings;
let searcher: HybridSearcher;
let service: AnswerService;
let server: Running;
const asked: AskInput[] = [];

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function chatJson(body: unknown): Promise<Json> {
  const res = await post('/api/chat', body);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as Json;
}

async function chatEvents(body: unknown, headers: Record<string, string> = {}): Promise<SseEvent[]> {
  const res = await post('/api/chat', body, headers);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return parseSse(await res.text());
}

beforeAll(async () => {
  ({ settings, searcher } = await buildTestIndex());
  const real = createAnswerService(searcher, settings);
  // The real service, recording what the routes ask it (to see `k` and `history` arrive).
  service = { ...real, ask: (input) => (asked.push(input), real.ask(input)) };
  server = await start({ service }, settings);
});

afterAll(() => server?.close());

describe('POST /api/chat (JSON)', () => {
  it('answers the hawthorn question with 300多年 and a citation whose snippet holds the fact', async () => {
    const body = await chatJson({ question: Q_HAWTHORN });
    expect(Object.keys(body).sort()).toEqual(['answer', 'citations', 'followUps', 'id', 'mode', 'refused', 'standalone', 'timings']);
    expect(body.followUps.length).toBeGreaterThan(0);
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.answer).toContain('300多年');
    expect(body.answer).toMatch(/\[1\]/);
    expect(body.refused).toBe(false);
    expect(body.mode).toBe('extractive');
    expect(body.standalone).toBe(Q_HAWTHORN);
    expect(body.citations.length).toBeGreaterThan(0);
    body.citations.forEach((c: Json, i: number) => {
      expect(Object.keys(c).sort()).toEqual(CITATION_KEYS);
      expect(c.n).toBe(i + 1);
      expect(c.chunkId).toMatch(/^[0-9a-f]{16}$/);
      expect(c.source).toBe('data/articles/jincheng-specialty-towns-page1.txt');
      expect(Number.isInteger(c.line) && c.line >= 1).toBe(true);
      expect(c.title.length).toBeGreaterThan(0);
    });
    const first = body.citations[0] as Json;
    expect(first.snippet).toContain('300多年');
    expect(first.town).toBe('泽州山楂红酒');
  });

  it('answers a greeting with a short intro marked smallTalk, not refused, and its examples as follow-ups', async () => {
    const body = await chatJson({ question: '你好' });
    expect(body).toMatchObject({ refused: false, smallTalk: true, citations: [], mode: 'extractive' });
    expect(body.answer).toMatch(/^您好！/);
    expect(body.followUps).toHaveLength(3);
  });

  it('reports timings in milliseconds for each stage', async () => {
    const { timings } = await chatJson({ question: Q_HAWTHORN });
    expect(Object.keys(timings).sort()).toEqual(['composeMs', 'condenseMs', 'retrieveMs', 'totalMs']);
    for (const ms of Object.values(timings)) expect(typeof ms === 'number' && ms >= 0).toBe(true);
    expect(timings.totalMs).toBeGreaterThanOrEqual(timings.retrieveMs);
  });

  it('refuses an out-of-scope question without citations', async () => {
    const body = await chatJson({ question: Q_MARS });
    expect(body.refused).toBe(true);
    expect(body.citations).toEqual([]);
    expect(body.answer).toBe(REFUSAL_ZH);
    expect(body.mode).toBe('extractive');
  });

  it('passes k to the answerer and cites only the top k passages', async () => {
    for (const k of [1, 2]) {
      asked.length = 0;
      const body = await chatJson({ question: Q_HAWTHORN, k });
      expect(asked).toEqual([{ question: Q_HAWTHORN, k, signal: expect.any(AbortSignal) }]);
      const top = (await (await fetch(`${server.base}/api/search?q=${encodeURIComponent(Q_HAWTHORN)}&k=${k}`)).json()) as Json;
      const allowed = new Set(top.hits.map((h: Json) => h.chunkId));
      expect(top.hits).toHaveLength(k);
      expect(body.citations.length).toBeLessThanOrEqual(k);
      for (const c of body.citations) expect(allowed.has(c.chunkId)).toBe(true);
    }
  });
});

describe('POST /api/chat (Server-Sent Events)', () => {
  /** Checks the event order meta → delta+ → citations → done and that it matches the JSON answer. */
  async function expectStreamMatchesJson(events: SseEvent[], question: string) {
    const json = await chatJson({ question });
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('meta');
    expect(names.slice(-2)).toEqual(['citations', 'done']);
    const middle = names.slice(1, -2);
    expect(middle.length).toBeGreaterThan(0);
    expect(new Set(middle)).toEqual(new Set(['delta']));
    const parsed = events.map((e) => JSON.parse(e.data) as Json);
    const meta = parsed[0]!;
    const done = parsed.at(-1)!;
    expect(meta.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(parsed.slice(1, -2).map((d) => d.text).join('')).toBe(json.answer);
    expect(parsed.at(-2)).toEqual({ citations: json.citations });
    expect(Object.keys(done).sort()).toEqual(['followUps', 'id', 'mode', 'refused', 'standalone', 'timings']);
    expect(done.followUps).toEqual(json.followUps);
    expect(done.id).toBe(meta.id);
    expect(done.refused).toBe(json.refused);
    expect(done.mode).toBe('extractive');
    expect(done.standalone).toBe(question);
    expect(Object.keys(done.timings).sort()).toEqual(['composeMs', 'condenseMs', 'retrieveMs', 'totalMs']);
  }

  it('streams meta, deltas, citations and done when stream is true', async () => {
    const events = await chatEvents({ question: Q_HAWTHORN, stream: true });
    await expectStreamMatchesJson(events, Q_HAWTHORN);
    expect(events.filter((e) => e.event === 'delta').length).toBeGreaterThan(1);
  });

  it('streams when only the Accept header asks for text/event-stream', async () => {
    const events = await chatEvents({ question: Q_HAWTHORN }, { accept: 'text/event-stream' });
    await expectStreamMatchesJson(events, Q_HAWTHORN);
  });

  it('streams a refusal with its done event saying refused', async () => {
    const events = await chatEvents({ question: Q_MARS, stream: true });
    await expectStreamMatchesJson(events, Q_MARS);
    expect(JSON.parse(events.at(-1)!.data).refused).toBe(true);
    expect(JSON.parse(events.at(-2)!.data)).toEqual({ citations: [] });
  });

  it('answers JSON when stream is false even if Accept asks for events', async () => {
    const res = await post('/api/chat', { question: Q_HAWTHORN, stream: false }, { accept: 'text/event-stream' });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as Json).answer).toContain('300多年');
  });
});

describe('multi-turn', () => {
  const history = [
    { role: 'user', content: '高平生猪2022年出栏多少？' },
    { role: 'assistant', content: '…' },
  ];

  it('resolves a follow-up against the town of the earlier turn', async () => {
    asked.length = 0;
    const body = await chatJson({ question: '那屠宰了多少头呢？', history });
    expect(asked[0]?.history).toEqual(history);
    expect(body.standalone).toContain('高平生猪');
    expect(body.standalone).toContain('那屠宰了多少头呢？');
    expect(body.answer).toContain('38.8万头');
    expect(body.citations[0].snippet).toContain('38.8万头');
  });

  it('streams the same follow-up answer', async () => {
    const events = await chatEvents({ question: '那屠宰了多少头呢？', history, stream: true });
    const text = events.filter((e) => e.event === 'delta').map((e) => JSON.parse(e.data).text).join('');
    expect(text).toContain('38.8万头');
    expect(JSON.parse(events.at(-1)!.data).standalone).toContain('高平生猪');
  });
});

describe('GET /api/search', () => {
  const search = async (query: string) => {
    const res = await fetch(`${server.base}/api/search?${query}`);
    return { status: res.status, body: (await res.json()) as Json };
  };

  it('returns ranked hits with their retrieval scores', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('泽州山楂')}&k=3`);
    expect(status).toBe(200);
    expect(body.query).toBe('泽州山楂');
    expect(body.hits).toHaveLength(3);
    const expected = await searcher.search('泽州山楂', 3);
    body.hits.forEach((h: Json, i: number) => {
      expect(h.rank).toBe(i + 1);
      for (const key of ['chunkId', 'title', 'town', 'text', 'score', 'dense', 'bm25', 'denseRank', 'bm25Rank', 'boost']) expect(h).toHaveProperty(key);
      expect(h.chunkId).toBe(expected[i]!.chunk.id);
      expect(h.text).toBe(expected[i]!.chunk.text);
      expect(h.score).toBeCloseTo(expected[i]!.score, 10);
      expect(h.boost).toBe(expected[i]!.boost);
    });
    const scores = body.hits.map((h: Json) => h.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.hits.some((h: Json) => h.town === '泽州山楂红酒')).toBe(true);
  });

  it('returns TOP_K hits without k, and at most 20 with k=20', async () => {
    expect((await search(`q=${encodeURIComponent('泽州山楂')}`)).body.hits).toHaveLength(settings.TOP_K);
    const { body } = await search(`q=${encodeURIComponent('泽州山楂')}&k=20`);
    expect(body.hits).toHaveLength(Math.min(20, searcher.index.chunks.length));
    expect(body.hits.at(-1).rank).toBe(body.hits.length);
  });

  it.each([
    ['k=0', 'k=0', /^k: .*1/],
    ['k=21', 'k=21', /^k: .*20/],
    ['k=x', 'k=x', /^k: /],
    ['a missing q', '', /^q: /],
    ['a blank q', 'q=%20%20', /^q: question is empty$/],
  ])('rejects %s with 400 invalid_request', async (_, extra, message) => {
    const q = extra.startsWith('q=') || extra === '' ? extra : `q=${encodeURIComponent('泽州山楂')}&${extra}`;
    const { status, body } = await search(q);
    expect(status).toBe(400);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(message);
  });
});

describe('health, readiness and metrics', () => {
  it('answers /healthz and /readyz when the index is loaded', async () => {
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', chunks: searcher.index.chunks.length, llm: false, pid: process.pid });
  });

  describe('while the index is not loaded', () => {
    let starting: Running;
    beforeAll(async () => {
      starting = await start({ service: null }, settings);
    });
    afterAll(() => starting?.close());

    it('is healthy but not ready', async () => {
      expect((await fetch(`${starting.base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${starting.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'starting' });
    });

    it.each([
      ['POST /api/chat', '/api/chat', { question: Q_HAWTHORN }],
      ['GET /api/search', `/api/search?q=${encodeURIComponent(Q_HAWTHORN)}`, null],
      ['POST /v1/chat/completions', '/v1/chat/completions', { model: 'jincheng-towns', messages: [{ role: 'user', content: Q_HAWTHORN }] }],
    ])('answers %s with 503 not_ready', async (_, path, body) => {
      const res = body ? await fetch(`${starting.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) : await fetch(`${starting.base}${path}`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'not_ready', message: 'the assistant is starting: the index is not loaded yet' } });
    });

    // Regression: the streaming branches once resolved the service inside the stream, answering
    // 200 text/event-stream with an `error` event instead of 503 while the index was loading.
    it.each([
      ['POST /api/chat with stream: true', '/api/chat', { question: Q_HAWTHORN, stream: true }],
      ['POST /v1/chat/completions with stream: true', '/v1/chat/completions', { model: 'jincheng-towns', stream: true, messages: [{ role: 'user', content: Q_HAWTHORN }] }],
    ])('answers %s with 503 not_ready before opening a stream', async (_, path, body) => {
      const res = await fetch(`${starting.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'not_ready', message: 'the assistant is starting: the index is not loaded yet' } });
    });
  });

  it('exposes Prometheus metrics that count answers and requests', async () => {
    const fresh = await start({ service }, settings);
    try {
      const before = await fetch(`${fresh.base}/metrics`);
      expect(before.status).toBe(200);
      expect(before.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const empty = await before.text();
      expect(empty).toContain('# TYPE jc_answers_total counter');
      expect(empty).not.toMatch(/^jc_answers_total\{/m);
      expect((await fetch(`${fresh.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: Q_HAWTHORN }) })).status).toBe(200);
      expect((await fetch(`${fresh.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: Q_MARS }) })).status).toBe(200);
      const text = await (await fetch(`${fresh.base}/metrics`)).text();
      expect(text).toMatch(/^jc_answers_total\{channel="api",mode="extractive",refused="false"\} 1$/m);
      expect(text).toMatch(/^jc_answers_total\{channel="api",mode="extractive",refused="true"\} 1$/m);
      expect(text).toMatch(/^jc_http_requests_total\{route="\/api\/chat",method="POST",status="200"\} 2$/m);
      expect(text).toMatch(/^jc_http_requests_total\{route="\/metrics",method="GET",status="200"\} 1$/m);
      expect(text).toMatch(/^jc_http_request_duration_seconds_count\{route="\/api\/chat"\} 2$/m);
      expect(text).toMatch(/^jc_llm_fallbacks_total 0$/m);
    } finally {
      await fresh.close();
    }
  });
});

describe('bad input', () => {
  const LONG = '山'.repeat(501);
  const turns = (n: number) => Array.from({ length: n }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: '泽州山楂' }));
  const cases: [string, unknown, number, string, string | RegExp][] = [
    ['malformed JSON', '{"question": "泽州', 400, 'bad_request', 'malformed JSON in request body'],
    ['a body that is not an object', '[1,2]', 400, 'invalid_request', /^Invalid input/],
    ['a numeric question', { question: 123 }, 400, 'invalid_request', 'question: question must be a string'],
    ['a missing question', {}, 400, 'invalid_request', 'question: question must be a string'],
    ['an empty question', { question: '' }, 400, 'invalid_request', 'question: question is empty'],
    ['a blank question', { question: ' \n\t ' }, 400, 'invalid_request', 'question: question is empty'],
    ['a question over MAX_QUESTION_CHARS', { question: LONG }, 400, 'invalid_request', 'question: question is longer than 500 characters'],
    ['history over the limit', { question: Q_HAWTHORN, history: turns(41) }, 400, 'invalid_request', 'history: history has more than 40 turns'],
    ['a history item with a bad role', { question: Q_HAWTHORN, history: [{ role: 'system', content: 'x' }] }, 400, 'invalid_request', /^history\.0\.role: /],
    ['a history item without content', { question: Q_HAWTHORN, history: [{ role: 'user' }] }, 400, 'invalid_request', /^history\.0\.content: /],
    ['a history turn over 4000 characters', { question: Q_HAWTHORN, history: [{ role: 'user', content: 'x'.repeat(4001) }] }, 400, 'invalid_request', 'history.0.content: a history turn is longer than 4000 characters'],
    ['k = 0', { question: Q_HAWTHORN, k: 0 }, 400, 'invalid_request', /^k: .*>=1/],
    ['k = 21', { question: Q_HAWTHORN, k: 21 }, 400, 'invalid_request', /^k: .*<=20/],
    ['k = 1.5', { question: Q_HAWTHORN, k: 1.5 }, 400, 'invalid_request', 'k: Invalid input: expected int, received number'],
    ["k = 'x'", { question: Q_HAWTHORN, k: 'x' }, 400, 'invalid_request', /^k: .*expected number/],
    ['stream = "yes"', { question: Q_HAWTHORN, stream: 'yes' }, 400, 'invalid_request', /^stream: .*expected boolean/],
  ];

  it.each(cases)('rejects %s', async (_, body, status, code, message) => {
    const res = await post('/api/chat', body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const json = (await res.json()) as Json;
    expect(Object.keys(json)).toEqual(['error']);
    expect(Object.keys(json.error).sort()).toEqual(['code', 'message']);
    expect(json.error.code).toBe(code);
    if (typeof message === 'string') expect(json.error.message).toBe(message);
    else expect(json.error.message).toMatch(message);
  });

  it('accepts a question of exactly MAX_QUESTION_CHARS and history of exactly 40 turns', async () => {
    expect((await post('/api/chat', { question: '山'.repeat(500) })).status).toBe(200);
    expect((await post('/api/chat', { question: Q_HAWTHORN, history: turns(40) })).status).toBe(200);
  });

  // 300 characters outside the BMP are 600 UTF-16 units; both endpoints must count characters.
  it('counts MAX_QUESTION_CHARS in characters, not UTF-16 units, like /v1', async () => {
    const question = '𠀀'.repeat(300);
    const v1 = await post('/v1/chat/completions', { messages: [{ role: 'user', content: question }] });
    expect(v1.status).toBe(200);
    await v1.arrayBuffer();
    const res = await post('/api/chat', { question });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).refused).toBe(true);
  });

  it('rejects a body over BODY_LIMIT_BYTES with 413', async () => {
    const res = await post('/api/chat', { question: Q_HAWTHORN, pad: 'x'.repeat(settings.BODY_LIMIT_BYTES) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'payload_too_large', message: `request body is larger than ${settings.BODY_LIMIT_BYTES} bytes` } });
  });

  // A streamed body has no Content-Length: the limit is counted while reading it.
  it('counts a streamed (chunked) body against BODY_LIMIT_BYTES and answers one under it', async () => {
    const streamed = (text: string, parts: number) => {
      const bytes = new TextEncoder().encode(text);
      const size = Math.ceil(bytes.length / parts);
      return fetch(`${server.base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.subarray(i, i + size));
            controller.close();
          },
        }),
      } as RequestInit);
    };
    const big = await streamed(JSON.stringify({ question: Q_HAWTHORN, pad: 'x'.repeat(settings.BODY_LIMIT_BYTES) }), 8);
    expect(big.status).toBe(413);
    expect(((await big.json()) as Json).error.code).toBe('payload_too_large');
    const ok = await streamed(JSON.stringify({ question: Q_HAWTHORN }), 3);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Json).answer).toContain('300多年');
  });

  it.each([
    ['an unknown route', 'GET', '/nope', 'no route for GET /nope'],
    ['an unknown API route', 'POST', '/api/nope', 'no route for POST /api/nope'],
  ])('answers %s with 404 not_found', async (_, method, path, message) => {
    const res = await fetch(`${server.base}${path}`, { method, ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}) });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message } });
  });

  it.each([
    ['GET', '/api/chat', 'POST'],
    ['POST', '/api/search', 'GET'],
    ['DELETE', '/healthz', 'GET'],
    ['GET', '/v1/chat/completions', 'POST'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const res = await fetch(`${server.base}${path}`, { method, ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}) });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toEqual({ error: { code: 'method_not_allowed', message: `${method} is not allowed on ${path}; use ${allow}` } });
  });

  it('answers a JSON body sent as a form (curl -d) with 415', async () => {
    const res = await fetch(`${server.base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify({ question: Q_HAWTHORN }),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { code: 'unsupported_media_type', message: 'the request body must be JSON (Content-Type: application/json)' } });
  });

  it('still answers a good request after all the bad ones', async () => {
    const body = await chatJson({ question: Q_HAWTHORN });
    expect(body.answer).toContain('300多年');
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });
});

describe('headers and assets', () => {
  it('puts an X-Request-Id on every response, and echoes a valid one from the client', async () => {
    const responses = await Promise.all([
      fetch(`${server.base}/`),
      fetch(`${server.base}/healthz`),
      fetch(`${server.base}/metrics`),
      fetch(`${server.base}/nope`),
      post('/api/chat', '{'),
      post('/api/chat', { question: Q_HAWTHORN }),
      post('/api/chat', { question: Q_HAWTHORN, stream: true }),
      fetch(`${server.base}/api/chat`, { method: 'OPTIONS', headers: { origin: 'https://x.example', 'access-control-request-method': 'POST' } }),
    ]);
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const echoed = await fetch(`${server.base}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123');
  });

  it('sets secure headers on pages, API answers and errors', async () => {
    for (const res of [await fetch(`${server.base}/`), await post('/api/chat', { question: Q_HAWTHORN }), await fetch(`${server.base}/nope`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      await res.arrayBuffer();
    }
  });

  it('serves the demo page that loads /widget.js', async () => {
    const res = await fetch(`${server.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<script src="/widget.js" defer></script>');
  });

  it('serves the widget as JavaScript that parses', async () => {
    const res = await fetch(`${server.base}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const js = await res.text();
    expect(js).toContain('/api/chat');
    expect(() => new Function(js)).not.toThrow();
  });
});
