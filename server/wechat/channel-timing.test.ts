// WeChat's 5-second rule over real HTTP, scaled down: replyBudgetMs = 200 ms stands for 4.5 s and
// the platform hangs up after PLATFORM_WAIT_MS (standing for 5 s) and delivers the message again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWechatApp, createWecomApp } from './index.js';
import type { ChannelLog } from './log.js';
import { formatAnswerReply } from './format-reply.js';
import { createFakeAnswer, fakeResult } from './test-support/fake-answer.js';
import { startFakeWechatApi, type FakeWechatApi } from './test-support/fake-wechat-api.js';
import { buildDelivery, post, readReply, type Delivered, type PeerMode } from './test-support/platform-client.js';
import { serveApps, type ServedApp } from './test-support/serve-app.js';
import { FAILURE_TEXT, HOLDING_TEXT, heldAnswerText } from './texts.js';

const BUDGET_MS = 200;
const PLATFORM_WAIT_MS = 400;
const oa = { token: 'AAAAA', encodingAesKey: 'A'.repeat(43), receiveId: 'wxba5fad812f8e6fb9' };
const wecom = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: 'wx5823bf96d3bd56c7' };
const secrets = { appId: oa.receiveId, appSecret: 'oa-app-secret', corpId: wecom.receiveId, corpSecret: 'wecom-secret' };

// Question text sets the fake pipeline's delay: "slow:600 …" takes 600 ms, anything else 20 ms.
const fake = createFakeAnswer((q) => Number(/^slow:(\d+)/.exec(q)?.[1] ?? 20));
const events: string[] = [];
const log: ChannelLog = (level, event, data) => events.push(`${level} ${event} ${JSON.stringify(data ?? {})}`);
let server: ServedApp;
let api: FakeWechatApi;
let refusingApi: FakeWechatApi;

beforeAll(async () => {
  api = await startFakeWechatApi(secrets);
  refusingApi = await startFakeWechatApi({ ...secrets, sendErrcode: 48001 });
  const common = { replyBudgetMs: BUDGET_MS, answer: fake.answer, log, apiBase: api.baseUrl };
  server = await serveApps({
    '/passive': createWechatApp({ ...common, token: oa.token, appId: oa.receiveId, aesKey: oa.encodingAesKey }),
    '/push': createWechatApp({ ...common, token: oa.token, appId: oa.receiveId, aesKey: oa.encodingAesKey, appSecret: secrets.appSecret }),
    '/push-refused': createWechatApp({ ...common, apiBase: refusingApi.baseUrl, token: oa.token, appId: oa.receiveId, appSecret: secrets.appSecret }),
    '/wecom-passive': createWecomApp({ ...common, token: wecom.token, corpId: wecom.receiveId, aesKey: wecom.encodingAesKey }),
    '/wecom-push': createWecomApp({
      ...common,
      token: wecom.token,
      corpId: wecom.receiveId,
      aesKey: wecom.encodingAesKey,
      secret: secrets.corpSecret,
      agentId: '1000002',
    }),
  });
});
afterAll(async () => {
  await server.close();
  await api.close();
  await refusingApi.close();
});
beforeEach(() => {
  fake.calls.length = 0;
  events.length = 0;
});

let nextId = 7_000_000_000_000_000_000n;
let nextUser = 0;
/** A text message with a fresh MsgId (from a fresh user unless one is given). */
function message(content: string, user = `openid-${++nextUser}`, toUser = 'gh_97417a04a28d') {
  nextId += 1n;
  return { ToUserName: toUser, FromUserName: user, CreateTime: String(Math.floor(Date.now() / 1000)), MsgType: 'text', Content: content, MsgId: String(nextId), AgentID: '1000002' };
}

/** One delivery by the platform, which hangs up after PLATFORM_WAIT_MS. */
function deliver(path: string, mode: PeerMode, fields: Record<string, string>): Promise<Delivered | 'dropped'> {
  const d = buildDelivery(mode === 'wecom' ? wecom : oa, mode, fields, { timestamp: String(Math.floor(Date.now() / 1000)), nonce: String(Math.floor(Math.random() * 1e9)) });
  return post(`${server.baseUrl}${path}?${d.query}`, d.body, PLATFORM_WAIT_MS);
}

/** Delivers like WeChat: again after each hang-up, at most `attempts` times; returns every outcome. */
async function deliverWithRetries(path: string, mode: PeerMode, fields: Record<string, string>, attempts = 3) {
  const outcomes: (Delivered | 'dropped')[] = [];
  for (let i = 0; i < attempts; i++) {
    const outcome = await deliver(path, mode, fields);
    outcomes.push(outcome);
    if (outcome !== 'dropped') break;
  }
  return outcomes;
}

function contentOf(mode: PeerMode, outcome: Delivered | 'dropped'): string | undefined {
  if (outcome === 'dropped') return 'dropped';
  return readReply(mode === 'wecom' ? wecom : oa, mode, outcome.body).content;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('passive-only accounts (no AppSecret)', () => {
  it('answers on the first delivery when the answer is ready within budget', async () => {
    const outcomes = await deliverWithRetries('/passive', 'safe', message('阳城蚕桑'));
    expect(outcomes.map((o) => contentOf('safe', o))).toEqual([formatAnswerReply(fakeResult('阳城蚕桑'))]);
  });

  it('gives overlapping deliveries of one MsgId the same reply from one computation', async () => {
    const fields = message('slow:100 泽州山楂红酒');
    const outcomes = await Promise.all([1, 2, 3].map(() => deliver('/passive', 'safe', fields)));
    const contents = outcomes.map((o) => contentOf('safe', o));
    expect(new Set(contents)).toEqual(new Set([formatAnswerReply(fakeResult('slow:100 泽州山楂红酒'))]));
    expect(fake.calls).toEqual(['slow:100 泽州山楂红酒']);
  });

  it('stays silent past the budget and answers the retry that is open when the answer is ready', async () => {
    const fields = message('slow:600 高平生猪');
    const outcomes = await deliverWithRetries('/passive', 'safe', fields);
    expect(outcomes.map((o) => contentOf('safe', o))).toEqual(['dropped', formatAnswerReply(fakeResult('slow:600 高平生猪'))]);
    // A late retry of the same MsgId gets the very same text, without a second computation.
    expect(contentOf('safe', await deliver('/passive', 'safe', fields))).toBe(formatAnswerReply(fakeResult('slow:600 高平生猪')));
    expect(fake.calls).toEqual(['slow:600 高平生猪']);
  });

  it('sends a holding text on the last delivery and the answer with the next message', async () => {
    const user = 'openid-holding';
    const fields = message('slow:1500 沁水蜂蜜', user);
    const outcomes = await deliverWithRetries('/passive', 'safe', fields);
    expect(outcomes.map((o) => contentOf('safe', o))).toEqual(['dropped', 'dropped', HOLDING_TEXT]);
    // A fourth delivery of the same MsgId repeats the holding text, never a different one.
    expect(contentOf('safe', await deliver('/passive', 'safe', fields))).toBe(HOLDING_TEXT);
    await sleep(800);
    const next = await deliver('/passive', 'safe', message('1', user));
    expect(contentOf('safe', next)).toBe(heldAnswerText(formatAnswerReply(fakeResult('slow:1500 沁水蜂蜜'))));
    // The held answer is delivered once; the message after that is a new question again.
    expect(contentOf('safe', await deliver('/passive', 'safe', message('阳城', user)))).toBe(formatAnswerReply(fakeResult('阳城')));
    expect(fake.calls).toEqual(['slow:1500 沁水蜂蜜', '阳城']);
    expect(events.some((e) => e.startsWith('info answer_held'))).toBe(true);
  });

  it('replies with a failure notice when the pipeline throws, and logs no content', async () => {
    const [outcome] = await deliverWithRetries('/passive', 'safe', message('boom 晋城'));
    expect(contentOf('safe', outcome!)).toBe(FAILURE_TEXT);
    expect(events.filter((e) => e.includes('answer_failed'))).toEqual(['error answer_failed {"error":"Error"}']);
    expect(events.join('\n')).not.toContain('晋城');
  });

  it('shares one computation across WeCom retries too', async () => {
    const fields = message('slow:600 泽州', 'zhangsan', wecom.receiveId);
    const outcomes = await deliverWithRetries('/wecom-passive', 'wecom', fields);
    expect(outcomes.map((o) => contentOf('wecom', o))).toEqual(['dropped', formatAnswerReply(fakeResult('slow:600 泽州'))]);
    expect(fake.calls).toEqual(['slow:600 泽州']);
  });
});

describe('accounts with API access (AppSecret / WeCom secret)', () => {
  it('replies passively when the answer is ready within budget and pushes nothing', async () => {
    const sentBefore = api.sent.length;
    const [outcome] = await deliverWithRetries('/push', 'safe', message('阳城蚕桑'));
    expect(contentOf('safe', outcome!)).toBe(formatAnswerReply(fakeResult('阳城蚕桑')));
    await sleep(50);
    expect(api.sent.length).toBe(sentBefore);
  });

  it('acknowledges with "success" and pushes the answer once through the customer-service API', async () => {
    const sentBefore = api.sent.length;
    const fields = message('slow:500 高平生猪');
    const started = Date.now();
    const first = await deliver('/push', 'safe', fields);
    expect(first).toMatchObject({ status: 200, body: 'success' });
    expect(Date.now() - started).toBeLessThan(PLATFORM_WAIT_MS);
    expect(await deliver('/push', 'safe', fields)).toMatchObject({ status: 200, body: 'success' });
    await api.waitForSent(sentBefore + 1);
    await sleep(100);
    expect(api.sent.slice(sentBefore)).toEqual([
      { api: 'custom', touser: fields.FromUserName, content: formatAnswerReply(fakeResult('slow:500 高平生猪')) },
    ]);
    expect(fake.calls).toEqual(['slow:500 高平生猪']);
  });

  it('refreshes an expired access token and still delivers the push', async () => {
    await deliver('/push', 'safe', message('slow:300 预热'));
    await api.waitForSent(api.sent.length + 1);
    const tokensBefore = api.tokenRequests;
    api.expireToken();
    const fields = message('slow:300 泽州山楂');
    const sentBefore = api.sent.length;
    expect(await deliver('/push', 'safe', fields)).toMatchObject({ body: 'success' });
    await api.waitForSent(sentBefore + 1);
    expect(api.tokenRequests).toBe(tokensBefore + 1);
    expect(api.sent.at(-1)?.content).toBe(formatAnswerReply(fakeResult('slow:300 泽州山楂')));
  });

  it('holds the answer for the next message when the push is refused (48001)', async () => {
    const user = 'openid-refused';
    expect(await deliver('/push-refused', 'plain', message('slow:300 沁水', user))).toMatchObject({ body: 'success' });
    await sleep(400);
    expect(events.some((e) => e.startsWith('warn push_failed') && e.includes('48001'))).toBe(true);
    const next = await deliver('/push-refused', 'plain', message('在吗', user));
    expect(contentOf('plain', next)).toBe(heldAnswerText(formatAnswerReply(fakeResult('slow:300 沁水'))));
  });

  it('acknowledges WeCom with an empty body and pushes via message/send with the agentid', async () => {
    const fields = message('slow:500 阳城蚕桑', 'lisi', wecom.receiveId);
    const sentBefore = api.sent.length;
    const outcomes = await Promise.all([deliver('/wecom-push', 'wecom', fields), deliver('/wecom-push', 'wecom', fields)]);
    expect(outcomes).toMatchObject([{ status: 200, body: '' }, { status: 200, body: '' }]);
    await api.waitForSent(sentBefore + 1);
    await sleep(100);
    expect(api.sent.slice(sentBefore)).toEqual([
      { api: 'wecom', touser: 'lisi', agentid: 1000002, content: formatAnswerReply(fakeResult('slow:500 阳城蚕桑')) },
    ]);
    expect(fake.calls).toEqual(['slow:500 阳城蚕桑']);
  });
});
