// Access tokens: the stable_token endpoint, and one token per app shared by three processes through a real Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../test-support/redis-server.js';
import { createLogger } from '../logger.js';
import { connectSharedState, type SharedState } from '../shared-state.js';
import { createTokenSource } from './access-token.js';
import { createPushClient } from './push-client.js';
import { startFakeWechatApi, type FakeWechatApi } from './test-support/fake-wechat-api.js';

const creds = { appId: 'wx0123456789abcdef', appSecret: 'oa-secret', corpId: 'ww0123456789', corpSecret: 'corp-secret' };
let redis: RedisServer;
const connections: SharedState[] = [];
const apis: FakeWechatApi[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const c of connections) await c.close();
  for (const a of apis) await a.close();
  await redis.close();
});

async function fakeApi(tokenLifetimeSec?: number) {
  const api = await startFakeWechatApi({ ...creds, ...(tokenLifetimeSec ? { tokenLifetimeSec } : {}) });
  apis.push(api);
  return api;
}

/** `n` push clients of one OA app, each on its own Redis connection (one per process). */
async function processes(api: FakeWechatApi, n: number) {
  const account = { kind: 'wechat' as const, apiBase: api.baseUrl, appId: creds.appId, appSecret: creds.appSecret };
  return Promise.all(
    Array.from({ length: n }, async () => {
      const shared = await connectSharedState(redis.url, createLogger('silent'));
      connections.push(shared);
      return createPushClient(account, Date.now, shared);
    }),
  );
}

describe('createTokenSource', () => {
  it('asks the OA stable_token endpoint (POST), never the legacy token endpoint', async () => {
    const api = await fakeApi();
    const tokens = createTokenSource({ kind: 'wechat', apiBase: api.baseUrl, appId: creds.appId, appSecret: creds.appSecret }, Date.now);
    expect(await tokens.get()).toBe('TOKEN_1');
    expect(await tokens.get()).toBe('TOKEN_1');
    expect(api.tokenPaths).toEqual(['/cgi-bin/stable_token']);
  });

  it('gives three processes one token per app: one fetch for all, and one new token after a rejection', async () => {
    const api = await fakeApi();
    const clients = await processes(api, 3);
    await Promise.all(clients.flatMap((c, i) => [c.sendText(`u${i}`, 'a'), c.sendText(`u${i}`, 'b')]));
    expect(api.tokenRequests).toBe(1);
    api.expireToken();
    await Promise.all(clients.map((c, i) => c.sendText(`u${i}`, 'c')));
    expect(api.tokensIssued).toBe(2);
    expect(api.sent.length).toBe(9);
  });

  it('refreshes once per token lifetime across three processes under steady load', async () => {
    const api = await fakeApi(1); // 1 s stands for 7200 s
    const clients = await processes(api, 3);
    const until = Date.now() + 3000;
    await Promise.all(
      clients.map(async (c, i) => {
        while (Date.now() < until) await c.sendText(`u${i}`, 'x');
      }),
    );
    // 3 s of load with 1 s tokens: 3 or 4 tokens, each asked for twice (10% early, which brings the
    // same token back, then at its expiry) by one process for all three.
    console.log(`token lifetime 1 s, 3 processes, 3 s: ${api.tokenRequests} token requests, ${api.tokensIssued} tokens, ${api.sent.length} sends, ${api.rejectedSends} rejected`);
    expect(api.tokensIssued).toBeLessThanOrEqual(4);
    expect(api.tokenRequests).toBeLessThanOrEqual(2 * api.tokensIssued);
    // A send in flight when its token expires is refused once (42001) and sent again with the next token.
    expect(api.rejectedSends).toBeLessThanOrEqual(3 * api.tokensIssued);
  });
});
