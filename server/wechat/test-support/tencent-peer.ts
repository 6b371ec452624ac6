// Test-only stand-in for Tencent's servers: signs and encrypts callbacks straight from the protocol
// reference, without the channel's own helpers, so a symmetric bug in both directions still shows.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Settings one side of a channel shares with the platform. */
export interface PeerAccount {
  token: string;
  encodingAesKey: string;
  receiveId: string;
}

/** sha1 hex of the lexicographically sorted values joined without separator. */
export function peerSign(values: string[]): string {
  const sorted = values.slice().sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const hash = createHash('sha1');
  for (const v of sorted) hash.update(v);
  return hash.digest('hex');
}

function keyOf(account: PeerAccount): Buffer {
  return Buffer.from(account.encodingAesKey + '=', 'base64');
}

/** Encrypts `msg` as Tencent does: random16 ‖ len ‖ msg ‖ receiveid, PKCS#7 to 32, AES-256-CBC. */
export function peerEncrypt(account: PeerAccount, msg: string, receiveId = account.receiveId): string {
  const key = keyOf(account);
  const msgBytes = Buffer.from(msg);
  const header = Buffer.alloc(20);
  randomBytes(16).copy(header, 0);
  header.writeUInt32BE(msgBytes.length, 16);
  const full = Buffer.concat([header, msgBytes, Buffer.from(receiveId)]);
  const padLength = 32 - (full.length % 32);
  const padded = Buffer.concat([full, Buffer.from(new Array<number>(padLength).fill(padLength))]);
  const cipher = createCipheriv('aes-256-cbc', key, key.slice(0, 16)).setAutoPadding(false);
  return cipher.update(padded, undefined, 'base64') + cipher.final('base64');
}

/** Decrypts a ciphertext the channel produced; returns msg and the trailing receiveid. */
export function peerDecrypt(account: PeerAccount, encrypt: string): { msg: string; receiveId: string } {
  const key = keyOf(account);
  const decipher = createDecipheriv('aes-256-cbc', key, key.slice(0, 16)).setAutoPadding(false);
  const full = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const padLength = full[full.length - 1]!;
  const unpadded = full.slice(0, full.length - padLength);
  const msgLength = unpadded.readUInt32BE(16);
  return {
    msg: unpadded.slice(20, 20 + msgLength).toString('utf8'),
    receiveId: unpadded.slice(20 + msgLength).toString('utf8'),
  };
}

/** Query string of a signed callback (values percent-encoded like the platform does). */
export function peerQuery(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/** Plain message XML as the platform sends it, bare numbers for CreateTime/MsgId/AgentID. */
export function peerMessageXml(fields: Record<string, string>): string {
  const bare = new Set(['CreateTime', 'MsgId', 'AgentID']);
  const inner = Object.entries(fields)
    .map(([k, v]) => (bare.has(k) ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`))
    .join('');
  return `<xml>${inner}</xml>`;
}

/** Reads an element's text from reply XML with regexes, joining CDATA sections. */
export function peerField(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? m[1]!.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1') : undefined;
}

/**
 * Opens an encrypted passive reply: checks MsgSignature over TimeStamp/Nonce/Encrypt and
 * returns the decrypted XML and its receiveid. Throws when the signature does not verify.
 */
export function peerOpenReply(account: PeerAccount, replyXml: string): { xml: string; receiveId: string } {
  const encrypt = peerField(replyXml, 'Encrypt');
  const signature = peerField(replyXml, 'MsgSignature');
  const timestamp = peerField(replyXml, 'TimeStamp');
  const nonce = peerField(replyXml, 'Nonce');
  if (!encrypt || !signature || !timestamp || !nonce) throw new Error(`not an encrypted reply: ${replyXml}`);
  if (peerSign([account.token, timestamp, nonce, encrypt]) !== signature) throw new Error('bad MsgSignature');
  const { msg, receiveId } = peerDecrypt(account, encrypt);
  return { xml: msg, receiveId };
}
