// HTTP tests of access control on the real app on a loopback port: API key, rate limiting, CORS.
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService, type AnswerService } from '../answer/index.js';
import type { Settings } from '../config.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { startRedisServer, type RedisServer } from '../test-support/redis-server.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { connectSharedState, type SharedState } from './shared-state.js';

const Q = '泽州山楂的栽培历史有多久？';
const KEY = 'test-key-123';

type Running = { base: string; close: () => Promise<void> };
type Json = Record<string, any>;

let settings: Settings;
let service: AnswerService;
const running: Running[] = [];

/** Serves the app with `overrides` on the settings, on 127.0.0.1 and a free port. */
async function start(overrides: Partial<Settings>, shared?: SharedState): Promise<Running> {
  const app = createApp({ settings: { ...settings, ...overrides }, logger: createLogger('silent'), holder: { service }, ...(shared ? { shared } : {}) });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const r: Running = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        (server as Server).closeAllConnections();
        server.close(() => resolve());
      }),
  };
  running.push(r);
  return r;
}

const chat = (base: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ question: Q }) });

beforeAll(async () => {
  const built = await buildTestIndex();
  settings = built.settings;
  service = createAnswerService(built.searcher, settings);
});

afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

describe('API key', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start({ API_KEY: KEY });
  });

  const guarded: [string, string, RequestInit][] = [
    ['POST /api/chat', '/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: Q }) }],
    ['GET /api/search', `/api/search?q=${encodeURIComponent(Q)}`, {}],
    ['GET /v1/models', '/v1/models', {}],
    ['POST /v1/chat/completions', '/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: Q }] }) }],
  ];
  const withAuth = (init: RequestInit, authorization?: string): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), ...(authorization ? { authorization } : {}) },
  });

  it.each(guarded)('rejects %s without a bearer, or with a wrong one, with 401 JSON', async (_, path, init) => {
    for (const authorization of [undefined, 'Bearer wrong-key']) {
      const res = await fetch(`${s.base}${path}`, withAuth(init, authorization));
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const body = (await res.json()) as Json;
      expect(Object.keys(body)).toEqual(['error']);
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    }
  });

  // BUG: handleError turns bearerAuth's HTTPException into {code:'bad_request', message:'bad request'},
  // discarding the error bodies app.ts configures (and the WWW-Authenticate header).
  it('names the problem in the 401 body: missing token or invalid key', async () => {
    const missing = await fetch(`${s.base}/api/search?q=x`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: 'unauthorized', message: 'missing bearer token' } });
    const wrong = await fetch(`${s.base}/api/search?q=x`, { headers: { authorization: 'Bearer wrong-key' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'invalid API key' } });
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it.each(guarded)('answers %s with the correct bearer', async (_, path, init) => {
    const res = await fetch(`${s.base}${path}`, withAuth(init, `Bearer ${KEY}`));
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it('lets the OpenAI client in with the key and keeps it out without', async () => {
    const ok = new OpenAI({ baseURL: `${s.base}/v1`, apiKey: KEY, maxRetries: 0 });
    const completion = await ok.chat.completions.create({ model: 'jincheng-towns', messages: [{ role: 'user', content: Q }] });
    expect(completion.choices[0]!.message.content).toContain('300多年');
    const bad = new OpenAI({ baseURL: `${s.base}/v1`, apiKey: 'wrong-key', maxRetries: 0 });
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401 });
  });

  it.each(['/', '/widget.js', '/healthz', '/readyz', '/metrics'])('leaves %s open', async (path) => {
    const res = await fetch(`${s.base}${path}`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it('answers a CORS preflight without a key', async () => {
    const res = await fetch(`${s.base}/api/chat`, { method: 'OPTIONS', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type,Authorization,Accept');
  });
});

describe('rate limiting over HTTP', () => {
  it('answers the 4th request in a minute with 429, Retry-After and a JSON body', async () => {
    const s = await start({ RATE_LIMIT_PER_MINUTE: 3 });
    for (const remaining of ['2', '1', '0']) {
      const res = await chat(s.base);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('3');
      expect(res.headers.get('ratelimit-remaining')).toBe(remaining);
      await res.arrayBuffer();
    }
    const limited = await chat(s.base);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(limited.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: 'too many requests: at most 3 per minute' } });
    // Health checks, pages and CORS preflights are not counted or limited.
    for (let i = 0; i < 5; i++) expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${s.base}/api/chat`, { method: 'OPTIONS', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' } })).status).toBe(204);
  });

  // BUG: app.ts builds one rateLimit per path prefix, so each client gets RATE_LIMIT_PER_MINUTE on
  // /api and again on /v1 (twice the documented "requests per client per minute on /api and /v1").
  it('shares one budget between /api and /v1', async () => {
    const s = await start({ RATE_LIMIT_PER_MINUTE: 3 });
    for (let i = 0; i < 3; i++) expect((await fetch(`${s.base}/api/search?q=x`)).status).toBe(200);
    const res = await fetch(`${s.base}/v1/models`);
    expect(res.status).toBe(429);
  });

  it('does not limit with RATE_LIMIT_PER_MINUTE=0', async () => {
    const s = await start({ RATE_LIMIT_PER_MINUTE: 0 });
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${s.base}/api/search?q=x`);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
      await res.arrayBuffer();
    }
  });
});

describe('client addresses behind a trusted proxy (TRUST_PROXY)', () => {
  const search = (base: string, forwardedFor?: string) => fetch(`${base}/api/search?q=x`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  it('gives each forwarded client its own budget behind a trusted proxy', async () => {
    const s = await start({ RATE_LIMIT_PER_MINUTE: 2, TRUST_PROXY: ['127.0.0.1'] });
    for (const client of ['198.51.100.1', '198.51.100.2']) {
      expect((await search(s.base, client)).status).toBe(200);
      expect((await search(s.base, `6.6.6.6, ${client}`)).status).toBe(200); // a spoofed left hop changes nothing
      expect((await search(s.base, client)).status).toBe(429);
    }
  });

  it('ignores X-Forwarded-For when the peer is not a trusted proxy', async () => {
    const s = await start({ RATE_LIMIT_PER_MINUTE: 2, TRUST_PROXY: [] });
    expect((await search(s.base, '198.51.100.1')).status).toBe(200);
    expect((await search(s.base, '198.51.100.2')).status).toBe(200);
    expect((await search(s.base, '198.51.100.3')).status).toBe(429);
  });

  it('limits /wechat and /wecom callbacks per client before reading them', async () => {
    const s = await start({ WECHAT_RATE_LIMIT_PER_MINUTE: 2, WECHAT_TOKEN: 'AAAAA' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${s.base}/wechat?timestamp=1&nonce=1`, { method: 'POST', body: '<xml/>' })).status);
    expect(statuses).toEqual([403, 403, 429]);
    expect((await fetch(`${s.base}/wecom`, { method: 'POST', body: '<xml/>' })).status).toBe(429); // one budget for both
  });
});

describe('rate limits shared through Redis', () => {
  let redis: RedisServer;
  const connections: SharedState[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const c of connections) await c.close();
    await redis.close();
  });

  it('holds one budget across three app instances, and each counts on its own while Redis is away', async () => {
    const apps: Running[] = [];
    for (let i = 0; i < 3; i++) {
      const shared = await connectSharedState(redis.url, createLogger('silent'));
      connections.push(shared);
      apps.push(await start({ RATE_LIMIT_PER_MINUTE: 5 }, shared));
    }
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await fetch(`${apps[i % 3]!.base}/api/search?q=x`)).status);
    expect(statuses.filter((st) => st === 200).length).toBe(5);
    await redis.stop();
    const offline = await Promise.all(apps.map((a) => fetch(`${a.base}/api/search?q=x`)));
    expect(offline.map((r) => r.status)).toEqual([200, 200, 200]);
    await redis.start();
  });
});

describe('CORS', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start({ CORS_ORIGINS: ['https://a.example'] });
  });
  const preflight = (origin: string, path = '/api/chat') =>
    fetch(`${s.base}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('allows a preflight from a configured origin', async () => {
    for (const path of ['/api/chat', '/v1/chat/completions']) {
      const res = await preflight('https://a.example', path);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://a.example');
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type,Authorization,Accept');
      expect(res.headers.get('access-control-max-age')).toBe('600');
      expect(res.headers.get('vary')).toMatch(/Origin/);
    }
  });

  it('does not allow another origin', async () => {
    const res = await preflight('https://b.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await chat(s.base, { origin: 'https://b.example' });
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
    await actual.arrayBuffer();
  });

  it('marks the actual response from the allowed origin', async () => {
    const res = await chat(s.base, { origin: 'https://a.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(res.headers.get('vary')).toMatch(/Origin/);
    await res.arrayBuffer();
  });

  it('allows any origin with the default *', async () => {
    const any = await start({});
    const res = await fetch(`${any.base}/api/chat`, { method: 'OPTIONS', headers: { origin: 'https://z.example', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('adds no CORS headers outside /api and /v1', async () => {
    const res = await fetch(`${s.base}/healthz`, { headers: { origin: 'https://a.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    await res.arrayBuffer();
  });
});
