// `npx tsx bench/scale-out.ts [--no-redis]`: figures of the scale-out recipe (docs/scale-out.md) with three
// server processes behind nginx: WeChat computations and deliveries per message, token requests per
// (scaled) hour, rate-limit accuracy across processes, and throughput with 1, 2 and 3 processes.
import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { startFakeWechatApi } from '../server/wechat/test-support/fake-wechat-api.js';
import { buildDelivery } from '../server/wechat/test-support/platform-client.js';
import { fakeLlm, sourceWith } from '../test-support/fake-llm.js';
import { recipeConfig, startNginx } from '../test-support/nginx.js';
import { startRedisServer } from '../test-support/redis-server.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { startServer } from './server-process.js';

type Autocannon = (opts: { url: string; connections: number; duration: number }) => Promise<{ requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({ options: { 'no-redis': { type: 'boolean', default: false }, messages: { type: 'string', default: '20' }, seconds: { type: 'string', default: '5' } } });
const BUDGET_MS = 300;
const TOKEN_LIFETIME_S = 2; // stands for 7200 s: 1 s of the run is one hour
const CALLBACK_LIMIT = 60;
const oa = { token: 'AAAAA', encodingAesKey: 'A'.repeat(43), receiveId: 'wxba5fad812f8e6fb9' };
const wecom = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: 'wx5823bf96d3bd56c7' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const llm = fakeLlm();
let llmDelayMs = 0;
llm.script((req) => ({ text: `泽州山楂栽培历史已有300多年[${sourceWith(req, '300多年')}]。`, delayMs: llmDelayMs }));
const LLM_BASE_URL = await llm.listen();
const indexDir = (await buildTestIndex()).settings.INDEX_DIR;
const redis = await startRedisServer();
const api = await startFakeWechatApi({ appId: oa.receiveId, appSecret: 'secret', corpId: wecom.receiveId, corpSecret: 'x', tokenLifetimeSec: TOKEN_LIFETIME_S });
const env = {
  INDEX_DIR: indexDir, EMBEDDER: 'hash', LOG_LEVEL: 'warn', LLM_BASE_URL, LLM_MODEL: 'fake',
  ...(values['no-redis'] ? {} : { REDIS_URL: redis.url }), TRUST_PROXY: '127.0.0.1',
  RATE_LIMIT_PER_MINUTE: '0', WECHAT_RATE_LIMIT_PER_MINUTE: String(CALLBACK_LIMIT), WECHAT_REPLY_BUDGET_MS: String(BUDGET_MS),
  WECHAT_TOKEN: oa.token, WECHAT_APP_ID: oa.receiveId, WECHAT_AES_KEY: oa.encodingAesKey, WECHAT_APP_SECRET: 'secret', WECHAT_API_BASE: api.baseUrl,
  WECOM_TOKEN: wecom.token, WECOM_CORP_ID: wecom.receiveId, WECOM_AES_KEY: wecom.encodingAesKey,
};
const servers = await Promise.all([0, 1, 2].map(() => startServer('server/start.ts', env, [], 300_000)));
const warnings = servers.map(() => 0);
servers.forEach((s, i) => s.child.stderr!.on('data', (d: Buffer) => (warnings[i] = warnings[i]! + d.toString().split('shared state unavailable').length - 1)));
const recipe = readFileSync(new URL('../docs/scale-out.md', import.meta.url), 'utf8');
const base = (i: number) => `http://127.0.0.1:${servers[i]!.port}`;

async function computations(channel: string): Promise<number> {
  let sum = 0;
  for (let i = 0; i < 3; i++) sum += Number(new RegExp(`^jc_wechat_answers_total\\{channel="${channel}"\\} (\\d+)$`, 'm').exec(await (await fetch(`${base(i)}/metrics`)).text())?.[1] ?? 0);
  return sum;
}

let nextId = 5_000_000_000_000_000_000n;
/** One delivery straight to process `i`, as if forwarded for a client of its own (the callback limit is per client); 1 when it carried a reply. */
async function deliver(i: number, mode: 'wecom' | 'safe', user: string, msgId: string): Promise<number> {
  const account = mode === 'wecom' ? wecom : oa;
  const fields = { ToUserName: account.receiveId, FromUserName: user, CreateTime: String(Math.floor(Date.now() / 1000)), MsgType: 'text', Content: '泽州山楂的栽培历史有多久？', MsgId: msgId, ...(mode === 'wecom' ? { AgentID: '1' } : {}) };
  const d = buildDelivery(account, mode, fields, { timestamp: String(Math.floor(Date.now() / 1000)), nonce: String(Math.floor(Math.random() * 1e9)) });
  const forwardedFor = `10.${Number(BigInt(msgId) % 250n)}.${Number((BigInt(msgId) / 250n) % 250n)}.${i + 1}`;
  const res = await fetch(`${base(i)}/${mode === 'wecom' ? 'wecom' : 'wechat'}?${d.query}`, { method: 'POST', headers: { 'content-type': 'text/xml', 'x-forwarded-for': forwardedFor }, body: d.body });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`delivery answered ${res.status}: ${body}`);
  return body === '' || body === 'success' ? 0 : 1;
}

const out: Record<string, unknown> = { redis: !values['no-redis'] };
const n = Number(values.messages);

// 1. Passive mode: every message delivered 3 times at once, one delivery per process.
llmDelayMs = 0;
let c0 = await computations('wecom');
let replies = 0;
for (let m = 0; m < n; m++) {
  const id = String(++nextId);
  for (const r of await Promise.all([0, 1, 2].map((i) => deliver(i, 'wecom', `u${m}`, id)))) replies += r;
}
out.passive = { messages: n, computations: (await computations('wecom')) - c0, repliesWithContent: replies, deliveries: 3 * n };

// 2. Push mode: slow answers, 3 deliveries per message over the 3 processes; pushes counted by the fake API.
llmDelayMs = 2 * BUDGET_MS;
c0 = await computations('wechat');
const sentBefore = api.sent.length;
await Promise.all(Array.from({ length: n }, async (_, m) => {
  const id = String(++nextId);
  await Promise.all([0, 1, 2].map((i) => deliver(i, 'safe', `p${m}`, id)));
}));
await sleep(3000);
out.push = { messages: n, computations: (await computations('wechat')) - c0, pushes: api.sent.length - sentBefore };

// 3. Token requests under steady push load for `seconds` scaled hours (1 s = 1 h at a 2 s token lifetime).
const seconds = Number(values.seconds);
const tokensBefore = api.tokenRequests;
const issuedBefore = api.tokensIssued;
const until = Date.now() + seconds * 1000;
let pushed = 0;
await Promise.all([0, 1, 2].map(async (i) => {
  while (Date.now() < until) {
    await deliver(i, 'safe', `load${i}`, String(++nextId));
    pushed++;
  }
}));
await sleep(1500);
out.tokens = { scaledHours: seconds, messages: pushed, tokenRequests: api.tokenRequests - tokensBefore, tokensIssued: api.tokensIssued - issuedBefore, perHour: Math.round(((api.tokenRequests - tokensBefore) / seconds) * 10) / 10, rejectedSends: api.rejectedSends };
llmDelayMs = 0;

// 4. Rate limit across processes: 3 × the limit of unsigned callbacks from one client through nginx (round robin).
let nginx = await startNginx((port) => recipeConfig(recipe, port, servers.map((s) => s.port)));
const statuses: number[] = [];
for (let r = 0; r < 3 * CALLBACK_LIMIT; r++) statuses.push((await fetch(`${nginx.url}/wechat?timestamp=1&nonce=1`, { method: 'POST', body: '<xml/>' })).status);
out.sharedStateWarnings = warnings;
out.rateLimit = { limit: CALLBACK_LIMIT, sent: statuses.length, allowed: statuses.filter((s) => s !== 429).length };
await nginx.stop();

// 5. Throughput behind nginx with 1, 2 and 3 processes (GET /api/search).
const throughput: unknown[] = [];
for (const count of [1, 2, 3]) {
  nginx = await startNginx((port) => recipeConfig(recipe, port, servers.slice(0, count).map((s) => s.port)));
  const r = await autocannon({ url: `${nginx.url}/api/search?q=${encodeURIComponent('沁水蜂蜜')}`, connections: 16, duration: seconds });
  throughput.push({ processes: count, requestsPerSecond: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
  await nginx.stop();
}
out.throughput = throughput;

console.log(JSON.stringify(out, null, 1));
await Promise.all(servers.map((s) => s.stop()));
await api.close();
await redis.close();
await llm.close();
rmSync(indexDir, { recursive: true, force: true });
