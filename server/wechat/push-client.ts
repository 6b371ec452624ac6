// Asynchronous replies: the OA customer-service message API and the WeCom application message API,
// both behind one cached, single-flight access token that is refreshed on expiry or rejection.
import { z } from 'zod';
import { WechatApiError } from './errors.js';

/** Credentials and API base of the account that pushes (e.g. https://api.weixin.qq.com). */
export type PushAccount =
  | { kind: 'wechat'; apiBase: string; appId: string; appSecret: string }
  | { kind: 'wecom'; apiBase: string; corpId: string; secret: string; agentId: number };

const apiReplySchema = z.object({
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
  access_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
});
type ApiReply = z.infer<typeof apiReplySchema>;

/** invalid credential / invalid access_token / access_token expired: fetch a new token and retry once. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
const MAX_REFRESH_MARGIN_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

async function callApi(url: string, init?: RequestInit): Promise<ApiReply> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (err) {
    throw new WechatApiError(-1, 'API unreachable', { cause: err });
  }
  if (!response.ok) throw new WechatApiError(-1, `API answered HTTP ${response.status}`);
  const parsed = apiReplySchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new WechatApiError(-1, 'API answered with an unexpected body');
  return parsed.data;
}

function tokenUrl(account: PushAccount): string {
  const base = account.apiBase.replace(/\/+$/, '');
  return account.kind === 'wechat'
    ? `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(account.appId)}&secret=${encodeURIComponent(account.appSecret)}`
    : `${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(account.corpId)}&corpsecret=${encodeURIComponent(account.secret)}`;
}

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
): { sendText: (user: string, content: string) => Promise<void> } {
  let cached: { token: string; refreshAtMs: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const reply = await callApi(tokenUrl(account));
    if ((reply.errcode ?? 0) !== 0 || !reply.access_token) {
      throw new WechatApiError(reply.errcode ?? -1, `token request failed: ${reply.errmsg ?? 'no access_token'}`);
    }
    const lifetimeMs = (reply.expires_in ?? 7200) * 1000;
    cached = { token: reply.access_token, refreshAtMs: now() + lifetimeMs - Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10) };
    return reply.access_token;
  }

  function accessToken(): Promise<string> {
    if (cached && now() < cached.refreshAtMs) return Promise.resolve(cached.token);
    inFlight ??= fetchToken().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function sendText(user: string, content: string): Promise<void> {
    const token = await accessToken();
    let reply = await callApi(...sendRequest(account, token, user, content));
    if (TOKEN_ERRCODES.has(reply.errcode ?? 0)) {
      if (cached?.token === token) cached = undefined;
      reply = await callApi(...sendRequest(account, await accessToken(), user, content));
    }
    if ((reply.errcode ?? 0) !== 0) {
      throw new WechatApiError(reply.errcode ?? -1, `message send failed: ${reply.errmsg ?? ''}`);
    }
  }

  return { sendText };
}
