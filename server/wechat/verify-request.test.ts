import { describe, expect, it } from 'vitest';
import { decodeAesKey } from './crypto.js';
import { checkFreshness, decryptFor, findEncrypt, requireParam } from './verify-request.js';
import { peerEncrypt } from './test-support/tencent-peer.js';

const account = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: 'wx5823bf96d3bd56c7' };
const key = decodeAesKey(account.encodingAesKey);

describe('checkFreshness', () => {
  it('accepts timestamps within the window either way and rejects others', () => {
    expect(() => checkFreshness('1000', 1_300_000, 300)).not.toThrow();
    expect(() => checkFreshness('1600', 1_300_000, 300)).not.toThrow();
    expect(() => checkFreshness('999', 1_300_000, 300)).toThrow(/timestamp/);
    expect(() => checkFreshness('1e3', 1_000_000, 300)).toThrow(/timestamp/);
  });
});

describe('requireParam', () => {
  it('rejects absent and empty values', () => {
    const q = new Map([['a', ''], ['b', 'x']]);
    expect(requireParam(q, 'b')).toBe('x');
    expect(() => requireParam(q, 'a')).toThrow(/missing query parameter a/);
    expect(() => requireParam(q, 'c')).toThrow(/missing query parameter c/);
  });
});

describe('findEncrypt', () => {
  const encrypt = peerEncrypt(account, '<xml><A>1</A></xml>');

  it('finds the one <Encrypt> of OA, compatible-mode and WeCom envelopes, with or without CDATA', () => {
    expect(findEncrypt(`<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`)).toBe(encrypt);
    expect(findEncrypt(`<xml>\n<Encrypt>${encrypt}</Encrypt>\n<AgentID><![CDATA[1]]></AgentID></xml>`)).toBe(encrypt);
    expect(findEncrypt(`<xml><MsgType>text</MsgType><Content><![CDATA[hi]]></Content><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`)).toBe(encrypt);
  });

  it('refuses a missing, repeated or non-base64 <Encrypt>', () => {
    for (const body of ['<xml></xml>', `<xml><Encrypt>${encrypt}</Encrypt><Encrypt>${encrypt}</Encrypt></xml>`, '<xml><Encrypt><![CDATA[a<b]]></Encrypt></xml>', 'no xml']) {
      expect(() => findEncrypt(body), body).toThrow(expect.objectContaining({ code: 'malformed_body' }));
    }
  });

  it('decrypts only for our CorpID', () => {
    expect(decryptFor(key, encrypt, account.receiveId)).toBe('<xml><A>1</A></xml>');
    expect(() => decryptFor(key, encrypt, 'ww_other')).toThrow(expect.objectContaining({ code: 'receive_id_mismatch' }));
  });
});
