// Test-only: delivers callbacks the way WeChat/WeCom servers do (query, signature, envelope) and
// reads passive replies back, using only the independent peer in tencent-peer.ts.
import {
  peerEncrypt,
  peerField,
  peerMessageXml,
  peerOpenReply,
  peerQuery,
  peerSign,
  type PeerAccount,
} from './tencent-peer.js';

/** How the account talks to us: OA plaintext, OA safe, OA compatible, or WeCom. */
export type PeerMode = 'plain' | 'safe' | 'compatible' | 'wecom';

/** One HTTP response as the platform sees it. */
export interface Delivered {
  status: number;
  body: string;
  contentType: string | null;
}

/** A reply read back (and, in encrypted modes, verified and decrypted). */
export interface ReadReply {
  toUser?: string;
  fromUser?: string;
  msgType?: string;
  content?: string;
  createTime?: string;
  /** receiveid inside the encrypted reply, and the envelope's Nonce. */
  receiveId?: string;
  nonce?: string;
}

/** Builds the query and body of one delivery of `fields` in `mode`. */
export function buildDelivery(
  account: PeerAccount,
  mode: PeerMode,
  fields: Record<string, string>,
  opts: { timestamp: string; nonce: string; receiveId?: string },
): { query: string; body: string } {
  const plainXml = peerMessageXml(fields);
  const { timestamp, nonce } = opts;
  const signature = peerSign([account.token, timestamp, nonce]);
  if (mode === 'plain') return { query: peerQuery({ signature, timestamp, nonce, openid: fields.FromUserName ?? '' }), body: plainXml };
  const encrypt = peerEncrypt(account, plainXml, opts.receiveId ?? account.receiveId);
  const msgSignature = peerSign([account.token, timestamp, nonce, encrypt]);
  if (mode === 'wecom') {
    const body = `<xml><ToUserName><![CDATA[${fields.ToUserName}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[${fields.AgentID ?? '1000002'}]]></AgentID></xml>`;
    return { query: peerQuery({ msg_signature: msgSignature, timestamp, nonce }), body };
  }
  const query = peerQuery({ signature, timestamp, nonce, openid: fields.FromUserName ?? '', encrypt_type: 'aes', msg_signature: msgSignature });
  const envelope = `<ToUserName><![CDATA[${fields.ToUserName}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt>`;
  // Compatible mode repeats the plaintext fields beside <Encrypt>.
  const body = mode === 'safe' ? `<xml>${envelope}</xml>` : plainXml.replace('</xml>', `${envelope.replace(/<ToUserName>.*?<\/ToUserName>/, '')}</xml>`);
  return { query, body };
}

/** POSTs a body; when `dropAfterMs` passes first, the platform hangs up like WeChat after 5 s. */
export async function post(url: string, body: string, dropAfterMs?: number): Promise<Delivered | 'dropped'> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body,
      ...(dropAfterMs === undefined ? {} : { signal: AbortSignal.timeout(dropAfterMs) }),
    });
    return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') };
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') return 'dropped';
    throw err;
  }
}

/** Reads a passive reply; in encrypted modes verifies MsgSignature and decrypts it first. */
export function readReply(account: PeerAccount, mode: PeerMode, xml: string): ReadReply {
  let inner = xml;
  let extra: Pick<ReadReply, 'receiveId' | 'nonce'> = {};
  if (mode !== 'plain') {
    const opened = peerOpenReply(account, xml);
    inner = opened.xml;
    extra = { receiveId: opened.receiveId, nonce: peerField(xml, 'Nonce') };
  }
  return {
    toUser: peerField(inner, 'ToUserName'),
    fromUser: peerField(inner, 'FromUserName'),
    msgType: peerField(inner, 'MsgType'),
    content: peerField(inner, 'Content'),
    createTime: peerField(inner, 'CreateTime'),
    ...extra,
  };
}
