import { describe, expect, it } from 'vitest';
import { decodeAesKey } from './crypto.js';
import { checkFreshness, openEnvelope, requireParam } from './verify-request.js';
import { peerEncrypt, peerSign } from './test-support/tencent-peer.js';

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

describe('openEnvelope', () => {
  const auth = (encrypt: string, receiveId = account.receiveId) => ({
    token: account.token,
    timestamp: '1409659813',
    nonce: '1372623149',
    msgSignature: peerSign([account.token, '1409659813', '1372623149', encrypt]),
    key,
    receiveId,
  });

  it('returns the inner XML of a correctly signed envelope for our CorpID', () => {
    const encrypt = peerEncrypt(account, '<xml><A>1</A></xml>');
    expect(openEnvelope(new Map([['Encrypt', encrypt]]), auth(encrypt))).toBe('<xml><A>1</A></xml>');
  });

  it('checks the signature before decrypting, then the receiveid', () => {
    const encrypt = peerEncrypt(account, 'x');
    const other = peerEncrypt(account, 'y');
    expect(() => openEnvelope(new Map([['Encrypt', other]]), auth(encrypt))).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
    expect(() => openEnvelope(new Map([['Encrypt', encrypt]]), auth(encrypt, 'ww_other'))).toThrow(
      expect.objectContaining({ code: 'receive_id_mismatch' }),
    );
    expect(() => openEnvelope(new Map(), auth(encrypt))).toThrow(expect.objectContaining({ code: 'malformed_body' }));
  });
});
