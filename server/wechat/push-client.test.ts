import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatApiError } from './errors.js';
import { createPushClient } from './push-client.js';
import { startFakeWechatApi, type FakeWechatApi } from './test-support/fake-wechat-api.js';

const creds = { appId: 'wx0123456789abcdef', appSecret: 'oa-secret', corpId: 'ww0123456789', corpSecret: 'corp-secret' };
let api: FakeWechatApi;

beforeAll(async () => {
  api = await startFakeWechatApi(creds);
});
afterAll(() => api.close());

describe('createPushClient (Official Account customer-service API)', () => {
  it('fetches a token once, reuses it, and refreshes it after an expired-token error', async () => {
    const client = createPushClient({ kind: 'wechat', apiBase: `${api.baseUrl}/`, appId: creds.appId, appSecret: creds.appSecret }, Date.now);
    const before = api.tokenRequests;
    await Promise.all([client.sendText('OPENID_1', '泽州山楂红酒'), client.sendText('OPENID_2', '高平生猪')]);
    expect(api.tokenRequests - before).toBe(1);
    api.expireToken();
    await client.sendText('OPENID_1', '第三条');
    expect(api.tokenRequests - before).toBe(2);
    expect(api.sent.slice(-3)).toEqual([
      { api: 'custom', touser: 'OPENID_1', content: '泽州山楂红酒' },
      { api: 'custom', touser: 'OPENID_2', content: '高平生猪' },
      { api: 'custom', touser: 'OPENID_1', content: '第三条' },
    ]);
  });

  it('refreshes a token whose lifetime has run out without waiting for an error', async () => {
    let now = 0;
    const client = createPushClient({ kind: 'wechat', apiBase: api.baseUrl, appId: creds.appId, appSecret: creds.appSecret }, () => now);
    const before = api.tokenRequests;
    await client.sendText('OPENID_1', 'a');
    now = 7200 * 1000;
    const rejectedBefore = api.rejectedSends;
    await client.sendText('OPENID_1', 'b');
    expect(api.tokenRequests - before).toBe(2);
    expect(api.rejectedSends).toBe(rejectedBefore);
  });

  it('throws the platform errcode when the secret is wrong', async () => {
    const client = createPushClient({ kind: 'wechat', apiBase: api.baseUrl, appId: creds.appId, appSecret: 'wrong' }, Date.now);
    await expect(client.sendText('OPENID_1', 'x')).rejects.toMatchObject({ errcode: 40125 });
  });
});

describe('createPushClient (WeCom application API)', () => {
  it('sends with agentid through gettoken and message/send, refreshing on 42001', async () => {
    const client = createPushClient(
      { kind: 'wecom', apiBase: api.baseUrl, corpId: creds.corpId, secret: creds.corpSecret, agentId: 1000002 },
      Date.now,
    );
    await client.sendText('zhangsan', '阳城蚕桑');
    api.expireToken();
    await client.sendText('zhangsan', '沁水蜂蜜');
    expect(api.sent.slice(-2)).toEqual([
      { api: 'wecom', touser: 'zhangsan', content: '阳城蚕桑', agentid: 1000002 },
      { api: 'wecom', touser: 'zhangsan', content: '沁水蜂蜜', agentid: 1000002 },
    ]);
  });

  it('reports an unreachable API as errcode -1', async () => {
    const client = createPushClient(
      { kind: 'wecom', apiBase: 'http://127.0.0.1:1', corpId: creds.corpId, secret: creds.corpSecret, agentId: 1 },
      Date.now,
    );
    const err = await client.sendText('zhangsan', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect((err as WechatApiError).errcode).toBe(-1);
  });
});
