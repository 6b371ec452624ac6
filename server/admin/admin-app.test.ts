// HTTP tests of the admin console's access on the real app on a loopback port: off without a key, sign-in, session, bearer.
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../answer/index.js';
import type { Settings } from '../../config.js';
import { buildTestIndex } from '../../test-support/test-index.js';
import { createApp, type ServiceHolder } from '../app.js';
import { createLiveIndex } from '../live-index.js';
import { createLogger } from '../logger.js';

const KEY = 'admin-key-0123456789';
const servers: ServerType[] = [];
let settings: Settings;
let holder: ServiceHolder;

/** Serves the app with `overrides` on the settings; returns its base URL. */
async function start(overrides: Partial<Settings>): Promise<string> {
  const s = { ...settings, ...overrides };
  const logger = createLogger('silent');
  const liveIndex = createLiveIndex({ settings: s, logger, holder, makeService: (searcher) => createAnswerService(searcher, s) });
  const server = serve({ fetch: createApp({ settings: s, logger, holder, liveIndex }).fetch, port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const built = await buildTestIndex();
  settings = built.settings;
  holder = { service: createAnswerService(built.searcher, settings) };
});

afterAll(() => {
  for (const s of servers) {
    (s as Server).closeAllConnections();
    s.close();
  }
});

describe('admin console without ADMIN_KEY', () => {
  it('answers 404 on every admin route', async () => {
    const base = await start({ ADMIN_KEY: undefined });
    for (const path of ['/admin', '/admin/api/documents', '/admin/assets/admin.js']) {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: `no route for GET ${path}` } });
    }
    expect((await fetch(`${base}/admin/login`, { method: 'POST', body: new URLSearchParams({ key: KEY }) })).status).toBe(404);
  });
});

describe('admin console with ADMIN_KEY', () => {
  let base: string;
  beforeAll(async () => {
    base = await start({ ADMIN_KEY: KEY });
  });

  it('shows the sign-in page until signed in, and refuses the API with 401', async () => {
    const page = await fetch(`${base}/admin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/admin/login"');
    const api = await fetch(`${base}/admin/api/documents`);
    expect(api.status).toBe(401);
    expect((await api.json()).error.code).toBe('unauthorized');
  });

  it('accepts the key as a bearer token', async () => {
    const res = await fetch(`${base}/admin/api/session`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(await res.json()).toEqual({ signedIn: true });
    expect((await fetch(`${base}/admin/api/session`, { headers: { authorization: 'Bearer wrong-key-0123456789' } })).status).toBe(401);
  });

  it('signs in with the form: a wrong key goes back with ?failed=1, the right one sets an HttpOnly SameSite=Strict cookie', async () => {
    const wrong = await fetch(`${base}/admin/login`, { method: 'POST', body: new URLSearchParams({ key: 'nope' }), redirect: 'manual' });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe('/admin?failed=1');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await fetch(`${base}/admin/login`, { method: 'POST', body: new URLSearchParams({ key: KEY }), redirect: 'manual' });
    expect(right.status).toBe(303);
    const cookie = right.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^admin_session=[\w-]+; Max-Age=43200; Path=\/admin; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain(KEY);
    const session = cookie.split(';')[0]!;
    expect(await (await fetch(`${base}/admin`, { headers: { cookie: session } })).text()).toContain('data-tab="documents"');
    expect((await fetch(`${base}/admin/api/session`, { headers: { cookie: session } })).status).toBe(200);
    const crossSite = await fetch(`${base}/admin/api/documents/rebuild`, { method: 'POST', headers: { cookie: session, origin: 'http://evil.example' } });
    expect(crossSite.status).toBe(403);
  });

  it('lists the indexed documents and previews a document\'s chunks', async () => {
    const auth = { authorization: `Bearer ${KEY}` };
    const { documents } = await (await fetch(`${base}/admin/api/documents`, { headers: auth })).json();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ source: 'data/articles/jincheng-specialty-towns-page1.txt', chunks: holder.service!.searcher.index.chunks.length });
    expect(documents[0].titles).toContain('泽州山楂红酒：打造“泽州红”品牌优势');
    const preview = await (await fetch(`${base}/admin/api/documents/chunks?source=${encodeURIComponent(documents[0].source)}`, { headers: auth })).json();
    expect(preview.chunks[0]).toMatchObject({ paragraph: 0, part: 0, page: null });
    expect(preview.chunks.map((c: { text: string }) => c.text)).toEqual(holder.service!.searcher.index.chunks.map((c) => c.text));
    const missing = await fetch(`${base}/admin/api/documents/chunks?source=nope.txt`, { headers: auth });
    expect(missing.status).toBe(404);
  });

  it('hit-tests a question: ranked passages with fused, BM25 and dense scores', async () => {
    const res = await fetch(`${base}/admin/api/hit-test?q=${encodeURIComponent('泽州山楂的栽培历史有多久？')}&k=3`, { headers: { authorization: `Bearer ${KEY}` } });
    const { hits } = await res.json();
    expect(hits).toHaveLength(3);
    expect(hits.map((h: { rank: number }) => h.rank)).toEqual([1, 2, 3]);
    expect(hits[0].text).toContain('泽州山楂栽培历史已有300多年');
    for (const h of hits) for (const key of ['score', 'bm25', 'dense', 'bm25Rank', 'denseRank']) expect(h).toHaveProperty(key);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
  });
});
