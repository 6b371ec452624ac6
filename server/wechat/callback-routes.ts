// The HTTP side of one configured channel: GET URL verification and POST messages with passive replies.
// Every signature is checked before any XML is parsed, and a caller who is not yet authenticated gets
// one and the same refusal whatever went wrong, so it learns nothing of the channel's mode.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { encryptMessage } from './crypto.js';
import { WechatRequestError } from './errors.js';
import { readAddressing } from './handle-message.js';
import type { ChannelLog } from './log.js';
import { readBodyText, readQuery } from './read-request.js';
import { computeMsgSignature, computeSignature } from './signature.js';
import { checkFreshness, checkSignature, decryptFor, findEncrypt, requireParam } from './verify-request.js';
import { buildEncryptedReplyXml, buildTextReplyXml, parseXmlFields } from './xml.js';

/** AES key and receiveid (AppID or CorpID) of an encrypted channel. */
interface ChannelEncryption {
  key: Buffer;
  receiveId: string;
}

/** Which platform a channel serves; WeCom is always encrypted, an OA only with an AES key. */
export type ChannelIdentity =
  | { kind: 'wechat'; encryption: ChannelEncryption | undefined }
  | { kind: 'wecom'; encryption: ChannelEncryption };

/** A validated channel: who it is, how requests are authenticated, and what answers messages. */
export type ChannelProfile = ChannelIdentity & {
  token: string;
  timestampWindowSec: number;
  maxBodyBytes: number;
  now: () => number;
  log: ChannelLog;
  respond: (fields: ReadonlyMap<string, string>, signal: AbortSignal) => Promise<string | undefined>;
};

/** Requests whose signature has been checked: only their callers see the exact rejection codes. */
const authenticated = new WeakSet<Request>();

function verifyUrl(profile: ChannelProfile, c: Context): Response {
  const query = readQuery(c.req.url);
  const timestamp = requireParam(query, 'timestamp');
  const nonce = requireParam(query, 'nonce');
  const echostr = requireParam(query, 'echostr');
  checkFreshness(timestamp, profile.now(), profile.timestampWindowSec);
  if (profile.kind === 'wechat') {
    // OA verification is never encrypted, not even in safe mode.
    checkSignature(computeSignature(profile.token, timestamp, nonce), requireParam(query, 'signature'));
    return c.text(echostr);
  }
  checkSignature(computeMsgSignature(profile.token, timestamp, nonce, echostr), requireParam(query, 'msg_signature'));
  authenticated.add(c.req.raw);
  const { key, receiveId } = profile.encryption;
  return c.text(decryptFor(key, echostr, receiveId));
}

/**
 * Authenticates a POST and returns the plaintext message fields. The query signature (OA) is checked
 * before the body is read; an <Encrypt> envelope is found without parsing the XML and its
 * msg_signature checked before the envelope is parsed and decrypted.
 */
async function readMessage(profile: ChannelProfile, c: Context, query: ReadonlyMap<string, string>) {
  const timestamp = requireParam(query, 'timestamp');
  const nonce = requireParam(query, 'nonce');
  checkFreshness(timestamp, profile.now(), profile.timestampWindowSec);
  const crypt = profile.encryption;
  // An OA signs the query in every mode; in safe/compatible mode it does not cover the body, so there it
  // only tells a signed caller apart early, and msg_signature decides.
  if (profile.kind === 'wechat' && (!crypt || query.has('signature'))) {
    checkSignature(computeSignature(profile.token, timestamp, nonce), requireParam(query, 'signature'));
    authenticated.add(c.req.raw);
  }
  const encryptType = profile.kind === 'wecom' ? 'aes' : (query.get('encrypt_type') ?? 'raw');
  if (crypt && encryptType !== 'aes') throw new WechatRequestError('encryption_required', 'encrypted mode requires encrypt_type=aes');
  if (!crypt && encryptType === 'aes') throw new WechatRequestError('encryption_not_configured', 'no EncodingAESKey configured');
  const body = await readBodyText(c.req.raw, profile.maxBodyBytes);
  if (!crypt) return parseXmlFields(body);
  const msgSignature = requireParam(query, 'msg_signature');
  const encrypt = findEncrypt(body);
  checkSignature(computeMsgSignature(profile.token, timestamp, nonce, encrypt), msgSignature);
  authenticated.add(c.req.raw);
  if (parseXmlFields(body).get('Encrypt') !== encrypt) throw new WechatRequestError('malformed_body', 'malformed <Encrypt> envelope');
  return parseXmlFields(decryptFor(crypt.key, encrypt, crypt.receiveId));
}

async function receive(profile: ChannelProfile, c: Context): Promise<Response> {
  const query = readQuery(c.req.url);
  const fields = await readMessage(profile, c, query);
  const { toUser, fromUser } = readAddressing(fields);
  const content = await profile.respond(fields, c.req.raw.signal);
  if (content === undefined) return profile.kind === 'wechat' ? c.text('success') : c.body(null, 200);
  const nowSec = Math.floor(profile.now() / 1000);
  const xml = buildTextReplyXml({ toUser: fromUser, fromUser: toUser, createTimeSec: nowSec, content });
  const crypt = profile.encryption;
  if (!crypt) return c.body(xml, 200, { 'content-type': 'text/xml; charset=utf-8' });
  const encrypt = encryptMessage(crypt.key, xml, crypt.receiveId);
  const nonce = requireParam(query, 'nonce');
  const msgSignature = computeMsgSignature(profile.token, String(nowSec), nonce, encrypt);
  const envelope = buildEncryptedReplyXml({ encrypt, msgSignature, timestampSec: nowSec, nonce });
  return c.body(envelope, 200, { 'content-type': 'text/xml; charset=utf-8' });
}

/** What a caller that has not been authenticated yet gets for any rejection. */
export const UNAUTHENTICATED = { code: 'unauthenticated', message: 'request not authenticated' } as const;

/**
 * The Hono app of a configured channel. Rejections become 4xx JSON `{ code, message }`: the exact code
 * for an authenticated caller, and UNAUTHENTICATED (403) for anyone else (the exact code goes to the log).
 */
export function createCallbackRoutes(profile: ChannelProfile): Hono {
  const app = new Hono();
  app.get('/', (c) => verifyUrl(profile, c));
  app.post('/', (c) => receive(profile, c));
  app.onError((err, c) => {
    if (err instanceof WechatRequestError) {
      profile.log('info', 'request_rejected', { channel: profile.kind, code: err.code });
      if (!authenticated.has(c.req.raw)) return c.json(UNAUTHENTICATED, 403);
      return c.json({ code: err.code, message: err.message }, err.status);
    }
    profile.log('error', 'callback_failed', { channel: profile.kind, error: err.name });
    return c.json({ code: 'internal_error', message: 'internal error' }, 500);
  });
  return app;
}
