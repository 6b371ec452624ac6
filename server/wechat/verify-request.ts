// Authentication of a callback before anything in it is used: parameters, freshness, signatures,
// and opening the <Encrypt> envelope (msg_signature, decrypt, receiveid — in that order).
import { decryptMessage } from './crypto.js';
import { WechatRequestError } from './errors.js';
import { computeMsgSignature, signatureMatches } from './signature.js';

/** The named query value, or WechatRequestError 'missing_parameter' when absent or empty. */
export function requireParam(query: ReadonlyMap<string, string>, name: string): string {
  const value = query.get(name);
  if (!value) throw new WechatRequestError('missing_parameter', `missing query parameter ${name}`);
  return value;
}

/** Throws 'stale_timestamp' unless `timestamp` (Unix seconds) is within `windowSec` of `nowMs`. */
export function checkFreshness(timestamp: string, nowMs: number, windowSec: number): void {
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > windowSec) {
    throw new WechatRequestError('stale_timestamp', 'timestamp outside the accepted window');
  }
}

/** Throws 'invalid_signature' unless `received` equals `expected` (constant-time). */
export function checkSignature(expected: string, received: string): void {
  if (!signatureMatches(expected, received)) throw new WechatRequestError('invalid_signature', 'signature check failed');
}

/** Decrypts ciphertext and throws 'receive_id_mismatch' unless it is addressed to `receiveId`. */
export function decryptFor(key: Buffer, encrypt: string, receiveId: string): string {
  const { message, receiveId: addressee } = decryptMessage(key, encrypt);
  if (addressee !== receiveId) throw new WechatRequestError('receive_id_mismatch', 'message is for another account');
  return message;
}

/**
 * Opens an encrypted callback body: checks msg_signature over its <Encrypt>, decrypts it and
 * checks the receiveid. Returns the inner XML text; the caller parses it.
 */
export function openEnvelope(
  body: ReadonlyMap<string, string>,
  auth: { token: string; timestamp: string; nonce: string; msgSignature: string; key: Buffer; receiveId: string },
): string {
  const encrypt = body.get('Encrypt');
  if (!encrypt) throw new WechatRequestError('malformed_body', 'missing <Encrypt>');
  checkSignature(computeMsgSignature(auth.token, auth.timestamp, auth.nonce, encrypt), auth.msgSignature);
  return decryptFor(auth.key, encrypt, auth.receiveId);
}
