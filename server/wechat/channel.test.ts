import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWechatApp, createWecomApp, WechatConfigError } from './index.js';
import type { ChannelLog } from './log.js';
import { createFakeAnswer, fakeResult } from './test-support/fake-answer.js';
import { formatAnswerReply } from './format-reply.js';
import { buildDelivery, post, readReply, type PeerMode } from './test-support/platform-client.js';
import { serveApps, type ServedApp } from './test-support/serve-app.js';
import { peerEncrypt, peerQuery, peerSign } from './test-support/tencent-peer.js';
import { TEXT_ONLY_TEXT, WELCOME_TEXT } from './texts.js';

// Accounts of the reference's test vectors.
const oa = { token: 'AAAAA', encodingAesKey: 'A'.repeat(43), receiveId: 'wxba5fad812f8e6fb9' };
const wecom = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: 'wx5823bf96d3bd56c7' };

let nowMs = Date.now();
const fake = createFakeAnswer(5);
const events: string[] = [];
const log: ChannelLog = (level, event, data) => events.push(`${level} ${event} ${JSON.stringify(data ?? {})}`);
const common = { apiBase: 'http://127.0.0.1:1', replyBudgetMs: 1000, answer: fake.answer, now: () => nowMs, log };
let server: ServedApp;

beforeAll(async () => {
  server = await serveApps({
    '/plain': createWechatApp({ ...common, token: oa.token }),
    '/wechat': createWechatApp({ ...common, token: oa.token, appId: oa.receiveId, aesKey: oa.encodingAesKey }),
    '/wecom': createWecomApp({ ...common, token: wecom.token, corpId: wecom.receiveId, aesKey: wecom.encodingAesKey }),
    '/off-wechat': createWechatApp({ ...common }),
    '/off-wecom': createWecomApp({ ...common }),
    '/small': createWechatApp({ ...common, token: oa.token, maxBodyBytes: 1024 }),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  nowMs = Date.now();
  fake.calls.length = 0;
  events.length = 0;
});

let msgCounter = 1_000_000_000_000_000_000n;
function textMessage(content: string, extra: Record<string, string> = {}): Record<string, string> {
  msgCounter += 1n;
  return {
    ToUserName: 'gh_97417a04a28d',
    FromUserName: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
    CreateTime: String(Math.floor(nowMs / 1000)),
    MsgType: 'text',
    Content: content,
    MsgId: String(msgCounter),
    ...extra,
  };
}

async function send(path: string, mode: PeerMode, fields: Record<string, string>, account = mode === 'wecom' ? wecom : oa) {
  const d = buildDelivery(account, mode, fields, { timestamp: String(Math.floor(nowMs / 1000)), nonce: '415670741' });
  const res = await post(`${server.baseUrl}${path}?${d.query}`, d.body);
  if (res === 'dropped') throw new Error('unexpected drop');
  return res;
}

describe('Official Account, plaintext mode', () => {
  it('echoes echostr byte for byte on the reference verification request', async () => {
    nowMs = 1714036504_000;
    const res = await fetch(
      `${server.baseUrl}/plain?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('4375120948345356249');
  });

  it('refuses verification with a wrong signature or a stale timestamp, without echoing', async () => {
    nowMs = 1714036504_000;
    const bad = await fetch(`${server.baseUrl}/plain?signature=${'0'.repeat(40)}&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain('4375120948345356249');
    nowMs = (1714036504 + 301) * 1000;
    const stale = await fetch(
      `${server.baseUrl}/plain?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492`,
    );
    expect(stale.status).toBe(403);
    expect(await stale.json()).toEqual({ code: 'unauthenticated', message: 'request not authenticated' });
    expect(events).toContain('info request_rejected {"channel":"wechat","code":"stale_timestamp"}');
  });

  it('answers a text message with a passive reply: users swapped, answer then sources', async () => {
    const res = await send('/plain', 'plain', textMessage('泽州山楂红酒有什么特色？'));
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/xml/);
    const reply = readReply(oa, 'plain', res.body);
    expect(reply).toEqual({
      toUser: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
      fromUser: 'gh_97417a04a28d',
      msgType: 'text',
      content: formatAnswerReply(fakeResult('泽州山楂红酒有什么特色？')),
      createTime: String(Math.floor(nowMs / 1000)),
    });
    expect(reply.content).toBe(
      '关于「泽州山楂红酒有什么特色？」：据报道，当地特色产业发展良好[1]。\n\n来源：\n[1] 《泽州山楂红酒小镇》报道原文：泽州山楂红酒有什么特色？',
    );
    expect(fake.calls).toEqual(['泽州山楂红酒有什么特色？']);
  });

  it('welcomes subscribers, ignores other events and declines non-text messages', async () => {
    const base = textMessage('');
    const event = (name: string) => ({ ToUserName: base.ToUserName!, FromUserName: base.FromUserName!, CreateTime: base.CreateTime!, MsgType: 'event', Event: name });
    const welcome = await send('/plain', 'plain', { ...event('subscribe'), EventKey: 'qrscene_123' });
    expect(readReply(oa, 'plain', welcome.body).content).toBe(WELCOME_TEXT);
    expect(WELCOME_TEXT).toMatch(/泽州.*山楂红酒[\s\S]*高平.*生猪[\s\S]*阳城.*蚕桑[\s\S]*沁水.*蜂蜜/);
    for (const name of ['unsubscribe', 'CLICK', 'debug_demo']) {
      expect(await send('/plain', 'plain', event(name))).toMatchObject({ status: 200, body: 'success' });
    }
    const nonText: Record<string, string>[] = [
      { MsgType: 'image', PicUrl: 'http://x/y.jpg', MediaId: 'm' },
      { MsgType: 'voice', MediaId: 'm', Format: 'amr' },
      { MsgType: 'location', Location_X: '35.5', Location_Y: '112.8', Scale: '15', Label: '晋城' },
    ];
    for (const extra of nonText) {
      const { Content: _c, ...message } = textMessage('');
      const res = await send('/plain', 'plain', { ...message, ...extra });
      expect(readReply(oa, 'plain', res.body).content).toBe(TEXT_ONLY_TEXT);
    }
    expect(fake.calls).toEqual([]);
  });

  it('rejects a bad signature or stale timestamp before reading the message', async () => {
    const d = buildDelivery(oa, 'plain', textMessage('高平生猪'), { timestamp: String(Math.floor(nowMs / 1000)), nonce: '1' });
    const forged = await post(`${server.baseUrl}/plain?${d.query.replace(/signature=[0-9a-f]+/, `signature=${'a'.repeat(40)}`)}`, d.body);
    expect(forged).toMatchObject({ status: 403, body: '{"code":"unauthenticated","message":"request not authenticated"}' });
    const old = buildDelivery(oa, 'plain', textMessage('高平生猪'), { timestamp: String(Math.floor(nowMs / 1000) - 301), nonce: '1' });
    expect(await post(`${server.baseUrl}/plain?${old.query}`, old.body)).toMatchObject({ status: 403 });
    const unsigned = await post(`${server.baseUrl}/plain?timestamp=${Math.floor(nowMs / 1000)}&nonce=1`, d.body);
    expect(unsigned).toMatchObject({ status: 403 });
    expect(fake.calls).toEqual([]);
    expect(events.join('\n')).not.toContain('高平');
  });

  it('answers malformed XML, DTDs, missing fields and oversized bodies with 4xx, never 500', async () => {
    const cases: [string, string, number, string][] = [
      ['/plain', '<xml><MsgType>text</MsgType>', 400, 'malformed_body'],
      ['/plain', 'not xml at all', 400, 'malformed_body'],
      ['/plain', '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>', 400, 'forbidden_markup'],
      ['/plain', '<xml><MsgType><![CDATA[text]]></MsgType><Content>hi</Content></xml>', 400, 'malformed_body'],
      ['/plain', '<xml><MsgId>1</MsgId><MsgId>2</MsgId></xml>', 400, 'malformed_body'],
      ['/small', `<xml><Content>${'晋'.repeat(400)}</Content></xml>`, 413, 'body_too_large'],
      ['/plain', `<xml><Content>${'x'.repeat(70 * 1024)}</Content></xml>`, 413, 'body_too_large'],
    ];
    for (const [path, body, status, code] of cases) {
      const d = buildDelivery(oa, 'plain', textMessage('x'), { timestamp: String(Math.floor(nowMs / 1000)), nonce: '1' });
      const res = await post(`${server.baseUrl}${path}?${d.query}`, body);
      expect(res, body.slice(0, 40)).toMatchObject({ status });
      expect(JSON.parse((res as { body: string }).body).code).toBe(code);
    }
    expect(fake.calls).toEqual([]);
  });

  it('refuses an encrypted delivery when no EncodingAESKey is configured', async () => {
    expect(await send('/plain', 'safe', textMessage('x'))).toMatchObject({ status: 400 });
  });
});

describe('unsigned callers', () => {
  it('get one and the same refusal from plaintext, safe and WeCom channels, whatever they send', async () => {
    const ts = String(Math.floor(nowMs / 1000));
    const junk = `<xml><Encrypt><![CDATA[${'QUJD'.repeat(10)}]]></Encrypt><MsgType>text</MsgType></xml>`;
    const probes = [
      '',
      `timestamp=${ts}&nonce=1`,
      `timestamp=1&nonce=1&signature=${'a'.repeat(40)}`,
      `timestamp=${ts}&nonce=1&encrypt_type=aes&msg_signature=${'b'.repeat(40)}`,
      `timestamp=${ts}&nonce=1&signature=${'a'.repeat(40)}&encrypt_type=aes&msg_signature=${'b'.repeat(40)}`,
      `timestamp=${ts}&nonce=1&encrypt_type=raw&openid=x`,
    ];
    for (const query of probes) {
      for (const body of [junk, 'not xml', `<xml>${'<A>1</A>'.repeat(9000)}</xml>`]) {
        const answers = await Promise.all(['/plain', '/wechat', '/wecom'].map((path) => post(`${server.baseUrl}${path}?${query}`, body)));
        for (const a of answers) expect(a, `${query} ${body.slice(0, 20)}`).toEqual(answers[0]);
        expect(answers[0]).toMatchObject({ status: 403, body: '{"code":"unauthenticated","message":"request not authenticated"}' });
      }
    }
    expect(fake.calls).toEqual([]);
  });
});

describe('Official Account, safe and compatible mode', () => {
  it('verifies the URL with the plain signature, as in every OA mode', async () => {
    nowMs = 1714036504_000;
    const res = await fetch(
      `${server.baseUrl}/wechat?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492`,
    );
    expect(await res.text()).toBe('4375120948345356249');
  });

  for (const mode of ['safe', 'compatible'] as const) {
    it(`answers a ${mode}-mode text message with an encrypted, signed reply`, async () => {
      const fields = textMessage('阳城蚕桑产业怎么样？');
      const res = await send('/wechat', mode, fields);
      expect(res.status).toBe(200);
      expect(res.body).toMatch(/^<xml><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><MsgSignature>/);
      const reply = readReply(oa, mode, res.body);
      expect(reply).toMatchObject({
        receiveId: oa.receiveId,
        nonce: '415670741',
        toUser: fields.FromUserName,
        fromUser: fields.ToUserName,
        msgType: 'text',
        content: formatAnswerReply(fakeResult('阳城蚕桑产业怎么样？')),
      });
    });
  }

  it('uses the decrypted fields, not the plaintext copies, in compatible mode', async () => {
    const fields = textMessage('沁水蜂蜜');
    const d = buildDelivery(oa, 'compatible', fields, { timestamp: String(Math.floor(nowMs / 1000)), nonce: '7' });
    const res = await post(`${server.baseUrl}/wechat?${d.query}`, d.body.replace('<![CDATA[沁水蜂蜜]]>', '<![CDATA[伪造的问题]]>'));
    expect(readReply(oa, 'compatible', (res as { body: string }).body).content).toContain('沁水蜂蜜');
    expect(fake.calls).toEqual(['沁水蜂蜜']);
  });

  it('rejects a valid signature with a wrong msg_signature, a plaintext delivery and a foreign AppID', async () => {
    const ts = String(Math.floor(nowMs / 1000));
    const d = buildDelivery(oa, 'safe', textMessage('x'), { timestamp: ts, nonce: '9' });
    const wrongMsgSig = d.query.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${peerSign([oa.token, ts, '9', 'other'])}`);
    expect(await post(`${server.baseUrl}/wechat?${wrongMsgSig}`, d.body)).toMatchObject({ status: 403 });
    const plain = buildDelivery(oa, 'plain', textMessage('x'), { timestamp: ts, nonce: '9' });
    expect(await post(`${server.baseUrl}/wechat?${plain.query}`, plain.body)).toMatchObject({
      status: 403,
      body: '{"code":"encryption_required","message":"encrypted mode requires encrypt_type=aes"}',
    });
    const foreign = buildDelivery(oa, 'safe', textMessage('x'), { timestamp: ts, nonce: '9', receiveId: 'wx0000000000000000' });
    expect(await post(`${server.baseUrl}/wechat?${foreign.query}`, foreign.body)).toMatchObject({ status: 403 });
    expect(fake.calls).toEqual([]);
  });

  it('rejects a signed <Encrypt> that does not decrypt', async () => {
    const ts = String(Math.floor(nowMs / 1000));
    const encrypt = Buffer.alloc(48, 7).toString('base64');
    const query = peerQuery({ timestamp: ts, nonce: '1', encrypt_type: 'aes', msg_signature: peerSign([oa.token, ts, '1', encrypt]) });
    const res = await post(`${server.baseUrl}/wechat?${query}`, `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    expect(res).toMatchObject({ status: 400 });
  });

  it('authenticates the reference safe-mode push and refuses its JSON payload as malformed XML', async () => {
    nowMs = 1714112445_000;
    const encrypt =
      '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=';
    const query = peerQuery({
      timestamp: '1714112445',
      nonce: '415670741',
      encrypt_type: 'aes',
      msg_signature: '046e02f8204d34f8ba5fa3b1db94908f3df2e9b3',
    });
    const res = await post(`${server.baseUrl}/wechat?${query}`, `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    expect(res).toMatchObject({ status: 400 });
    expect(JSON.parse((res as { body: string }).body).code).toBe('malformed_body');
  });
});

describe('WeCom application', () => {
  const sampleEcho = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
  const sampleQuery = 'msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780';

  it('answers URL verification with the decrypted echostr, whether "+" arrives as %2B or literally', async () => {
    nowMs = 1409659589_000;
    for (const echostr of [encodeURIComponent(sampleEcho), sampleEcho.replaceAll('/', '%2F').replaceAll('=', '%3D')]) {
      const res = await fetch(`${server.baseUrl}/wecom?${sampleQuery}&echostr=${echostr}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('1616140317555161061');
    }
  });

  it('refuses verification with a wrong msg_signature or an echostr for another CorpID', async () => {
    nowMs = 1409659589_000;
    const bad = await fetch(`${server.baseUrl}/wecom?${sampleQuery.replace('5c45', '5c46')}&echostr=${encodeURIComponent(sampleEcho)}`);
    expect(bad.status).toBe(403);
    const foreign = peerEncrypt(wecom, '42', 'ww_other_corp');
    const q = peerQuery({ msg_signature: peerSign([wecom.token, '1409659589', '5', foreign]), timestamp: '1409659589', nonce: '5', echostr: foreign });
    const res = await fetch(`${server.baseUrl}/wecom?${q}`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('42');
  });

  it('answers the reference WeCom push with an encrypted reply for the CorpID', async () => {
    nowMs = 1409659813_000;
    const encrypt =
      'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
    const query = 'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149';
    const body = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
    const res = await post(`${server.baseUrl}/wecom?${query}`, body);
    const reply = readReply(wecom, 'wecom', (res as { body: string }).body);
    expect(reply).toMatchObject({
      receiveId: wecom.receiveId,
      toUser: 'mycreate',
      fromUser: 'wx5823bf96d3bd56c7',
      content: formatAnswerReply(fakeResult('hello')),
      createTime: '1409659813',
    });
    expect(fake.calls).toEqual(['hello']);
  });

  it('replies with an empty body to events other than subscribe, and welcomes subscribers', async () => {
    const base = { ToUserName: wecom.receiveId, FromUserName: 'zhangsan', CreateTime: String(Math.floor(nowMs / 1000)), MsgType: 'event', AgentID: '1000002' };
    expect(await send('/wecom', 'wecom', { ...base, Event: 'enter_agent' })).toMatchObject({ status: 200, body: '' });
    const welcome = await send('/wecom', 'wecom', { ...base, Event: 'subscribe' });
    expect(readReply(wecom, 'wecom', welcome.body).content).toBe(WELCOME_TEXT);
  });

  it('rejects a message encrypted for another CorpID and a stale one', async () => {
    const fields = textMessage('x', { ToUserName: wecom.receiveId, AgentID: '1000002' });
    const ts = String(Math.floor(nowMs / 1000));
    const foreign = buildDelivery(wecom, 'wecom', fields, { timestamp: ts, nonce: '3', receiveId: 'ww_other_corp' });
    expect(await post(`${server.baseUrl}/wecom?${foreign.query}`, foreign.body)).toMatchObject({ status: 403 });
    const stale = buildDelivery(wecom, 'wecom', fields, { timestamp: String(Number(ts) - 1000), nonce: '3' });
    expect(await post(`${server.baseUrl}/wecom?${stale.query}`, stale.body)).toMatchObject({ status: 403 });
    expect(fake.calls).toEqual([]);
  });
});

describe('configuration', () => {
  it('answers 404 to everything on a channel without configuration', async () => {
    for (const path of ['/off-wechat', '/off-wecom']) {
      const get = await fetch(`${server.baseUrl}${path}?signature=x&echostr=y&timestamp=1&nonce=2`);
      expect(get.status).toBe(404);
      expect(await get.text()).not.toContain('y"');
      expect((await post(`${server.baseUrl}${path}?timestamp=1&nonce=2`, '<xml/>')) as object).toMatchObject({ status: 404 });
    }
  });

  it('refuses to start with a malformed key or an incomplete configuration', () => {
    expect(() => createWechatApp({ ...common, token: oa.token, appId: oa.receiveId, aesKey: 'short' })).toThrow(WechatConfigError);
    expect(() => createWechatApp({ ...common, token: oa.token, aesKey: oa.encodingAesKey })).toThrow(WechatConfigError);
    expect(() => createWechatApp({ ...common, token: 'bad token!' })).toThrow(WechatConfigError);
    expect(() => createWechatApp({ ...common, appId: oa.receiveId })).toThrow(WechatConfigError);
    expect(() => createWecomApp({ ...common, token: wecom.token, corpId: wecom.receiveId })).toThrow(WechatConfigError);
    expect(() =>
      createWecomApp({ ...common, token: wecom.token, corpId: wecom.receiveId, aesKey: wecom.encodingAesKey, secret: 's' }),
    ).toThrow(WechatConfigError);
    expect(() => createWechatApp({ ...common, token: oa.token, replyBudgetMs: 6000 })).toThrow(WechatConfigError);
  });
});
