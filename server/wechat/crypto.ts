// WeChat/WeCom message encryption: AES-256-CBC, IV = key[0..16), PKCS#7 to 32-byte blocks,
// plaintext = random(16) ‖ uint32be(len) ‖ msg ‖ receiveid.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { WechatConfigError, WechatRequestError } from './errors.js';

const BLOCK_BYTES = 32;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an EncodingAESKey (43 chars of [A-Za-z0-9]) into the 32-byte AES key.
 * Throws WechatConfigError when the format is wrong, so a channel refuses to start.
 */
export function decodeAesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) {
    throw new WechatConfigError('EncodingAESKey must be 43 characters from [A-Za-z0-9]');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WechatConfigError('EncodingAESKey does not decode to 32 bytes');
  return key;
}

function pad(data: Buffer): Buffer {
  const n = BLOCK_BYTES - (data.length % BLOCK_BYTES);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

/**
 * Encrypts `message` for `receiveId` (AppID or CorpID) and returns base64 ciphertext.
 * `random` (16 bytes) is fresh per call; pass it only to reproduce known vectors.
 */
export function encryptMessage(key: Buffer, message: string, receiveId: string, random = randomBytes(16)): string {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = pad(Buffer.concat([random, length, body, Buffer.from(receiveId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

function undecryptable(reason: string, cause?: unknown): WechatRequestError {
  return new WechatRequestError('undecryptable', `cannot decrypt: ${reason}`, { cause });
}

/**
 * Decrypts base64 `encrypted` into the message and the receiveid it was addressed to.
 * The caller must compare receiveId with its own AppID/CorpID. Throws WechatRequestError
 * ('undecryptable') on bad base64, length, padding, layout or UTF-8.
 */
export function decryptMessage(key: Buffer, encrypted: string): { message: string; receiveId: string } {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted) || encrypted.length % 4 !== 0) throw undecryptable('not base64');
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw undecryptable('length is not a multiple of 16');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  // WeChat pads to 32-byte blocks (pad 1..32), which Node's 16-byte PKCS#7 check would reject.
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  const n = plain[plain.length - 1] ?? 0;
  if (n < 1 || n > BLOCK_BYTES || n > plain.length) throw undecryptable('bad padding');
  const content = plain.subarray(0, plain.length - n);
  if (content.length < 20) throw undecryptable('too short');
  const length = content.readUInt32BE(16);
  if (20 + length > content.length) throw undecryptable('message length out of range');
  try {
    return {
      message: utf8.decode(content.subarray(20, 20 + length)),
      receiveId: utf8.decode(content.subarray(20 + length)),
    };
  } catch (err) {
    throw undecryptable('message is not UTF-8', err);
  }
}
