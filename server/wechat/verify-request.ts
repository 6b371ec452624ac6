// Authentication of a callback before anything in it is used: parameters, freshness, signatures,
// finding the <Encrypt> envelope without parsing, and decrypting it for the right receiveid.
import { decryptMessage } from './crypto.js';
import { WechatRequestError } from './errors.js';
import { signatureMatches } from './signature.js';

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
 * The text of the one <Encrypt> element of an envelope, found by a linear scan instead of an XML parse
 * (so its msg_signature can be checked before the body is parsed). Throws 'malformed_body' unless
 * there is exactly one, holding base64 (bare or in CDATA).
 */
export function findEncrypt(body: string): string {
  const found = [...body.matchAll(/<Encrypt>\s*(?:<!\[CDATA\[([A-Za-z0-9+/=]+)\]\]>|([A-Za-z0-9+/=]+))\s*<\/Encrypt>/g)];
  if (found.length !== 1 || body.split('<Encrypt>').length !== 2) throw new WechatRequestError('malformed_body', 'missing or repeated <Encrypt>');
  return found[0]![1] ?? found[0]![2]!;
}
