// The scale-out recipe (docs/scale-out.md) for real: redis-server, nginx with the documented config,
// three server processes, a fake WeChat API and a scripted LLM, all on loopback in temp folders.
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../bench/server-process.js';
import { fakeLlm, sourceWith } from '../test-support/fake-llm.js';
import { recipeConfig, startNginx, type Nginx } from '../test-support/nginx.js';
import { startRedisServer, type RedisServer } from '../test-support/redis-server.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { startFakeWechatApi, type FakeWechatApi } from './wechat/test-support/fake-wechat-api.js';
import { buildDelivery, post, readReply, type PeerMode } from './wechat/test-support/platform-client.js';
import { HOLDING_TEXT } from './wechat/texts.js';

const BUDGET_MS = 1000; // stands for 4.5 s (roomy: the machine running the tests may be busy)
const PLATFORM_WAIT_MS = 1500; // stands for WeChat's 5 s
const RATE_LIMIT = 30;
const oa = { token: 'AAAAA', encodingAesKey: 'A'.repeat(43), receiveId: 'wxba5fad812f8e6fb9' };
const wecom = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: 'wx5823bf96d3bd56c7' };
const secrets = { appId: oa.receiveId, appSecret: 'oa-app-secret', corpId: wecom.receiveId, corpSecret: 'unused' };
const Q = '泽州山楂的栽培历史有多久？';

const llm = fakeLlm();
let llmDelayMs = 0;
let redis: RedisServer;
let api: FakeWechatApi;
let nginx: Nginx;
let indexDir = '';
const servers: ServerProcess[] = [];
const logs: string[][] = [];

beforeAll(async () => {
  indexDir = (await buildTestIndex()).settings.INDEX_DIR;
  const LLM_BASE_URL = await llm.listen();
  llm.script((req) => ({ text: `泽州山楂栽培历史已有300多年[${sourceWith(req, '300多年')}]。`, delayMs: llmDelayMs }));
  redis = await startRedisServer();
  api = await startFakeWechatApi(secrets);
  const env = {
    INDEX_DIR: indexDir,
    EMBEDDER: 'hash',
    LOG_LEVEL: 'info',
    LLM_BASE_URL,
    LLM_MODEL: 'fake',
    REDIS_URL: redis.url,
    TRUST_PROXY: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    WECHAT_RATE_LIMIT_PER_MINUTE: '0',
    WECHAT_REPLY_BUDGET_MS: String(BUDGET_MS),
    WECHAT_TOKEN: oa.token,
    WECHAT_APP_ID: oa.receiveId,
    WECHAT_AES_KEY: oa.encodingAesKey,
    WECHAT_APP_SECRET: secrets.appSecret,
    WECHAT_API_BASE: api.baseUrl,
    WECOM_TOKEN: wecom.token,
    WECOM_CORP_ID: wecom.receiveId,
    WECOM_AES_KEY: wecom.encodingAesKey,
  };
  servers.push(...(await Promise.all([0, 1, 2].map(() => startServer('server/start.ts', env, [], 180_000)))));
  for (const s of servers) {
    const lines: string[] = [];
    s.child.stderr!.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    logs.push(lines);
  }
  const recipe = readFileSync(new URL('../docs/scale-out.md', import.meta.url), 'utf8');
  nginx = await startNginx((port) => recipeConfig(recipe, port, servers.map((s) => s.port)));
  // Warm each process up (first answer loads lazily) so that the timings below are the steady ones.
  for (const s of servers) await fetch(`http://127.0.0.1:${s.port}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: Q }) });
}, 240_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  await api?.close();
  await redis?.close();
  await llm.close();
  rmSync(indexDir, { recursive: true, force: true });
});

const base = (i: number) => `http://127.0.0.1:${servers[i]!.port}`;
const alive = () => servers.map((s, i) => (s.child.exitCode === null && s.child.signalCode === null ? i : -1)).filter((i) => i >= 0);

/** WeChat answer computations summed over the live processes' /metrics. */
async function computations(channel: 'wechat' | 'wecom'): Promise<number> {
  let sum = 0;
  for (const i of alive()) {
    const text = await (await fetch(`${base(i)}/metrics`)).text();
    sum += Number(new RegExp(`^jc_wechat_answers_total\\{channel="${channel}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  }
  return sum;
}

let nextId = 9_100_000_000_000_000_000n;
function message(user: string, content = Q, toUser = 'gh_97417a04a28d') {
  nextId += 1n;
  return { ToUserName: toUser, FromUserName: user, CreateTime: String(Math.floor(Date.now() / 1000)), MsgType: 'text', Content: content, MsgId: String(nextId) };
}

/** Delivers `fields` to process `i` (at /wechat or /wecom); the platform hangs up after `dropAfterMs`. */
async function deliver(i: number, mode: PeerMode, fields: Record<string, string>, dropAfterMs?: number) {
  const account = mode === 'wecom' ? wecom : oa;
  const d = buildDelivery(account, mode, fields, { timestamp: String(Math.floor(Date.now() / 1000)), nonce: String(1000 + Math.floor(Math.random() * 1e6)) });
  const res = await post(`${base(i)}/${mode === 'wecom' ? 'wecom' : 'wechat'}?${d.query}`, d.body, dropAfterMs);
  if (res === 'dropped') return 'dropped' as const;
  expect(res.status).toBe(200);
  return res.body === '' || res.body === 'success' ? ('no reply' as const) : (readReply(account, mode, res.body).content ?? '');
}

describe('three server processes behind nginx, sharing Redis', () => {
  it('passive mode: three overlapping deliveries on three processes, one computation, one same reply', async () => {
    llmDelayMs = 0;
    const before = await computations('wecom');
    const fields = { ...message('zhangsan', Q, wecom.receiveId), AgentID: '1000002' };
    const replies = await Promise.all([0, 1, 2].map((i) => deliver(i, 'wecom', fields)));
    expect(replies[0]).toContain('300多年');
    expect(new Set(replies).size).toBe(1);
    expect((await computations('wecom')) - before).toBe(1);
  });

  it('held mode: a slow answer is held on the last delivery and given to the next message at another process', async () => {
    llmDelayMs = 5000; // longer than three deliveries (1.5 + 1.5 + 1 s)
    const before = await computations('wecom');
    const fields = { ...message('lisi', Q, wecom.receiveId), AgentID: '1000002' };
    expect(await deliver(0, 'wecom', fields, PLATFORM_WAIT_MS)).toBe('dropped');
    expect(await deliver(1, 'wecom', fields, PLATFORM_WAIT_MS)).toBe('dropped');
    expect(await deliver(2, 'wecom', fields)).toBe(HOLDING_TEXT);
    await new Promise((r) => setTimeout(r, 2000));
    llmDelayMs = 0;
    const next = await deliver(1, 'wecom', { ...message('lisi', '1', wecom.receiveId), AgentID: '1000002' });
    expect(next).toMatch(/^【您上一个问题的回答】[\s\S]*300多年/);
    expect((await computations('wecom')) - before).toBe(1); // the "1" was not computed: it carried the held answer
  });

  it('push mode: deliveries on three processes, one computation and exactly one push', async () => {
    llmDelayMs = 2500;
    const before = await computations('wechat');
    const fields = message('openid-push');
    expect(await Promise.all([0, 1, 2].map((i) => deliver(i, 'safe', fields)))).toEqual(['no reply', 'no reply', 'no reply']);
    await api.waitForSent(1, 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(api.sent.filter((m) => m.touser === 'openid-push').length).toBe(1);
    expect(api.sent[0]!.content).toContain('300多年');
    expect((await computations('wechat')) - before).toBe(1);
    expect(api.tokenRequests).toBe(1);
    llmDelayMs = 0;
  });

  it(`holds the rate limit across processes: ${RATE_LIMIT} allowed per client per minute, whichever process answers`, async () => {
    const hit = (localAddress: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${nginx.url}/v1/models`, { localAddress, agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      });
    for (const client of ['127.0.0.2', '127.0.0.3']) {
      const statuses: number[] = [];
      for (let i = 0; i < 3 * RATE_LIMIT; i++) statuses.push(await hit(client));
      expect(statuses.filter((s) => s === 200).length).toBe(RATE_LIMIT);
      expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    }
  });

  it('Redis going away: no failed request, one warning per process; when it returns the processes share again', async () => {
    await redis.stop();
    const fields = { ...message('wangwu', Q, wecom.receiveId), AgentID: '1000002' };
    const replies = await Promise.all([0, 1, 2].map((i) => deliver(i, 'wecom', fields)));
    expect(replies.every((r) => r.includes('300多年'))).toBe(true);
    for (let i = 0; i < 10; i++) expect((await fetch(`${nginx.url}/api/search?q=${encodeURIComponent('沁水蜂蜜')}`, { headers: { 'x-forwarded-for': '1.2.3.4' } })).status).toBe(200);
    expect(alive()).toEqual([0, 1, 2]);
    for (const lines of logs) expect(lines.filter((l) => l.includes('shared state unavailable')).length).toBe(1);
    await redis.start();
    for (let t = 0; t < 100 && !logs.every((lines) => lines.some((l) => l.includes('shared state restored'))); t++) await new Promise((r) => setTimeout(r, 100));
    for (const lines of logs) expect(lines.filter((l) => l.includes('shared state restored')).length).toBe(1);
    const before = await computations('wecom');
    const again = { ...message('wangwu', '陵川中药材种类有多少种？', wecom.receiveId), AgentID: '1000002' };
    const shared = await Promise.all([0, 1, 2].map((i) => deliver(i, 'wecom', again)));
    expect(new Set(shared).size).toBe(1);
    expect((await computations('wecom')) - before).toBe(1);
  });

  it('killing one process under load costs no more than the requests it had in flight', async () => {
    llmDelayMs = 150;
    type Outcome = { startedMs: number; endedMs: number; ok: boolean };
    const outcomes: Outcome[] = [];
    const t0 = performance.now();
    let killedAtMs = Infinity;
    const client = async (c: number) => {
      for (let n = 0; performance.now() - t0 < 3000; n++) {
        const startedMs = performance.now() - t0;
        // Spread over many local addresses (nginx forwards each as the client) to stay under the rate limit.
        const ok = await new Promise<boolean>((resolve) => {
          const body = JSON.stringify({ question: Q });
          const req = request(`${nginx.url}/api/chat`, { method: 'POST', localAddress: `127.0.1.${1 + ((c * 50 + n) % 250)}`, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode === 200));
            res.on('error', () => resolve(false));
          });
          req.on('error', () => resolve(false));
          req.end(body);
        });
        outcomes.push({ startedMs, endedMs: performance.now() - t0, ok });
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, c) => client(c)));
    await new Promise((r) => setTimeout(r, 1000));
    // The process takes requests until it has exited, so "in flight at the kill" counts up to its exit.
    const exited = new Promise<void>((resolve) => servers[2]!.child.once('exit', () => resolve()));
    servers[2]!.child.kill('SIGKILL');
    await exited;
    killedAtMs = performance.now() - t0;
    await load;
    const inFlightAtKill = outcomes.filter((o) => o.startedMs <= killedAtMs && o.endedMs >= killedAtMs).length;
    const failed = outcomes.filter((o) => !o.ok);
    console.log(`kill under load: ${outcomes.length} requests, ${inFlightAtKill} in flight at the kill, ${failed.length} failed`);
    expect(outcomes.length).toBeGreaterThan(10);
    expect(failed.length).toBeLessThanOrEqual(inFlightAtKill);
    for (const f of failed) expect(f.startedMs).toBeLessThanOrEqual(killedAtMs);
    expect(alive()).toEqual([0, 1]);
  });
});
