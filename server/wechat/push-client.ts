// Asynchronous replies: the OA customer-service message API and the WeCom application message API,
// both behind one access token per app (access-token.ts), refreshed on expiry or rejection.
import type { SharedState } from '../shared-state.js';
import { callApi, createTokenSource, type PushAccount } from './access-token.js';
import { WechatApiError } from './errors.js';

export type { PushAccount } from './access-token.js';

/** invalid credential / invalid access_token / access_token expired: fetch a new token and retry once. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

function sendRequest(account: PushAccount, token: string, user: string, content: string): [string, RequestInit] {
  const base = account.apiBase.replace(/\/+$/, '');
  const path = account.kind === 'wechat' ? 'cgi-bin/message/custom/send' : 'cgi-bin/message/send';
  const payload =
    account.kind === 'wechat'
      ? { touser: user, msgtype: 'text', text: { content } }
      : { touser: user, msgtype: 'text', agentid: account.agentId, text: { content } };
  return [
    `${base}/${path}?access_token=${encodeURIComponent(token)}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) },
  ];
}

/**
 * Creates a client that sends text messages to a user through the account's message API.
 * `sendText` throws WechatApiError with the platform's errcode (-1 for transport failures), e.g.
 * 45015 (outside the 48 h window), 45047 (quota), 48001 (no API permission).
 */
export function createPushClient(
  account: PushAccount,
  now: () => number,
  shared?: SharedState,
): { sendText: (user: string, content: string) => Promise<void> } {
  const tokens = createTokenSource(account, now, shared);

  async function sendText(user: string, content: string): Promise<void> {
    const token = await tokens.get();
    let reply = await callApi(...sendRequest(account, token, user, content));
    if (TOKEN_ERRCODES.has(reply.errcode ?? 0)) reply = await callApi(...sendRequest(account, await tokens.get(token), user, content));
    if ((reply.errcode ?? 0) !== 0) {
      throw new WechatApiError(reply.errcode ?? -1, `message send failed: ${reply.errmsg ?? ''}`);
    }
  }

  return { sendText };
}
