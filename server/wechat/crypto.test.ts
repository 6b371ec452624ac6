import { describe, expect, it } from 'vitest';
import { decodeAesKey, decryptMessage, encryptMessage } from './crypto.js';
import { WechatConfigError, WechatRequestError } from './errors.js';
import { peerDecrypt, peerEncrypt } from './test-support/tencent-peer.js';

const oaSafe = { token: 'AAAAA', encodingAesKey: 'A'.repeat(43), receiveId: 'wxba5fad812f8e6fb9' };
const oaSdk = {
  token: 'pamtest',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  receiveId: 'wxb11529c136998cb6',
};
const wecom = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  receiveId: 'wx5823bf96d3bd56c7',
};

const oaSafePush =
  '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=';
const wecomPush =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';

describe('decodeAesKey', () => {
  it('turns 43 "A" characters into 32 zero bytes', () => {
    expect(decodeAesKey('A'.repeat(43))).toEqual(Buffer.alloc(32));
  });

  it('refuses keys of the wrong length or alphabet', () => {
    expect(() => decodeAesKey('A'.repeat(42))).toThrow(WechatConfigError);
    expect(() => decodeAesKey(`${'A'.repeat(42)}+`)).toThrow(WechatConfigError);
  });
});

describe('decryptMessage', () => {
  it('decrypts the OA safe-mode example whose pad is 19 bytes', () => {
    const out = decryptMessage(decodeAesKey(oaSafe.encodingAesKey), oaSafePush);
    expect(out.receiveId).toBe('wxba5fad812f8e6fb9');
    expect(Buffer.byteLength(out.message)).toBe(167);
    expect(out.message).toBe(
      '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}',
    );
  });

  it('decrypts the OA safe-mode reply example', () => {
    const reply = 'ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==';
    expect(decryptMessage(decodeAesKey(oaSafe.encodingAesKey), reply).message).toBe('{"demo_resp":"good luck"}');
  });

  it('decrypts the WeCom echostr and push examples', () => {
    const key = decodeAesKey(wecom.encodingAesKey);
    const echo = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
    expect(decryptMessage(key, echo)).toEqual({ message: '1616140317555161061', receiveId: wecom.receiveId });
    const push = decryptMessage(key, wecomPush);
    expect(push.receiveId).toBe(wecom.receiveId);
    expect(push.message.replace(/\n/g, '')).toBe(
      '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[mycreate]]></FromUserName><CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>4561255354251345929</MsgId><AgentID>218</AgentID></xml>',
    );
  });

  it('rejects garbage, truncated and wrongly keyed ciphertext with an undecryptable error', () => {
    const key = decodeAesKey(wecom.encodingAesKey);
    for (const bad of ['', 'not base64!', 'AAAA', wecomPush.slice(0, 40), oaSafePush]) {
      expect(() => decryptMessage(key, bad)).toThrow(WechatRequestError);
    }
  });
});

describe('encryptMessage', () => {
  it('reproduces the official SDK sample with random "aaaabbbbccccdddd"', () => {
    const out = encryptMessage(
      decodeAesKey(oaSdk.encodingAesKey),
      '我是中文abcd123',
      oaSdk.receiveId,
      Buffer.from('aaaabbbbccccdddd'),
    );
    expect(out).toBe('jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==');
  });

  it('round-trips with the independent peer in both directions, including a full 32-byte pad', () => {
    const key = decodeAesKey(wecom.encodingAesKey);
    // 16 + 4 + 4 + 8 = 32 bytes of plaintext: the pad must be a whole extra block.
    for (const msg of ['abcd', '晋城阳城蚕桑 ]]> 😀', 'x'.repeat(3000)]) {
      const mine = encryptMessage(key, msg, 'wx5823bf');
      expect(peerDecrypt({ ...wecom, receiveId: 'wx5823bf' }, mine)).toEqual({ msg, receiveId: 'wx5823bf' });
      expect(decryptMessage(key, peerEncrypt(wecom, msg))).toEqual({ message: msg, receiveId: wecom.receiveId });
    }
    expect(Buffer.from(encryptMessage(key, 'abcd', 'wx5823bf'), 'base64').length).toBe(64);
  });

  it('uses fresh randomness for every call', () => {
    const key = decodeAesKey(wecom.encodingAesKey);
    expect(encryptMessage(key, 'same', 'id')).not.toBe(encryptMessage(key, 'same', 'id'));
  });
});
