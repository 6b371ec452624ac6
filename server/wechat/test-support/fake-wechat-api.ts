// Test-only local HTTP server speaking the token (token, stable_token, gettoken) and message APIs of WeChat (OA) and WeCom.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the fake platform accepted. */
export interface SentMessage {
  api: 'custom' | 'wecom';
  touser: string;
  content: string;
  agentid?: number;
}

/** A running fake API; `expireToken` makes the current token answer 42001 (expired). */
export interface FakeWechatApi {
  baseUrl: string;
  sent: SentMessage[];
  /** Token requests of any kind (token, stable_token, gettoken). */
  tokenRequests: number;
  /** Tokens issued (a stable_token request in normal mode returns the current one while it lives). */
  tokensIssued: number;
  /** Path of every token request, in order. */
  tokenPaths: string[];
  rejectedSends: number;
  expireToken: () => void;
  /** Resolves once `count` messages were accepted (rejects after `timeoutMs`). */
  waitForSent: (count: number, timeoutMs?: number) => Promise<SentMessage[]>;
  close: () => Promise<void>;
}

/** Starts the fake on 127.0.0.1 with one OA app (appId/appSecret) and one WeCom app (corpId/secret). */
export async function startFakeWechatApi(accounts: {
  appId: string;
  appSecret: string;
  corpId: string;
  corpSecret: string;
  sendErrcode?: number;
  /** expires_in of issued tokens (default 7200 s; smaller to scale time down). */
  tokenLifetimeSec?: number;
}): Promise<FakeWechatApi> {
  const lifetimeSec = accounts.tokenLifetimeSec ?? 7200;
  let current = '';
  let expiresAtMs = 0;
  const api: FakeWechatApi = {
    baseUrl: '',
    sent: [],
    tokenRequests: 0,
    tokensIssued: 0,
    tokenPaths: [],
    rejectedSends: 0,
    expireToken: () => {
      current = `expired-${current}`;
    },
    waitForSent: async (count, timeoutMs = 3000) => {
      const deadline = Date.now() + timeoutMs;
      while (api.sent.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${api.sent.length} of ${count} messages arrived`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return api.sent;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  function issueToken(): object {
    api.tokenRequests += 1;
    api.tokensIssued += 1;
    current = `TOKEN_${api.tokensIssued}`;
    expiresAtMs = Date.now() + lifetimeSec * 1000;
    return { errcode: 0, errmsg: 'ok', access_token: current, expires_in: lifetimeSec };
  }

  /** stable_token: the live token again in normal mode; a new one when forced or when it has expired. */
  function stableToken(force: boolean): object {
    if (force || current === '' || current.startsWith('expired-') || Date.now() >= expiresAtMs) return issueToken();
    api.tokenRequests += 1;
    return { errcode: 0, errmsg: 'ok', access_token: current, expires_in: (expiresAtMs - Date.now()) / 1000 }; // exact, so scaled-down lifetimes stay exact
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const q = url.searchParams;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname.endsWith('token')) api.tokenPaths.push(url.pathname);
      if (url.pathname === '/cgi-bin/token' && req.method === 'GET') {
        const ok = q.get('grant_type') === 'client_credential' && q.get('appid') === accounts.appId && q.get('secret') === accounts.appSecret;
        return reply(ok ? issueToken() : { errcode: 40125, errmsg: 'invalid appsecret' });
      }
      if (url.pathname === '/cgi-bin/gettoken' && req.method === 'GET') {
        const ok = q.get('corpid') === accounts.corpId && q.get('corpsecret') === accounts.corpSecret;
        return reply(ok ? issueToken() : { errcode: 40001, errmsg: 'invalid credential' });
      }
      if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean };
        const ok = body.grant_type === 'client_credential' && body.appid === accounts.appId && body.secret === accounts.appSecret;
        return reply(ok ? stableToken(body.force_refresh === true) : { errcode: 40125, errmsg: 'invalid appsecret' });
      }
      const sendApi = { '/cgi-bin/message/custom/send': 'custom', '/cgi-bin/message/send': 'wecom' } as const;
      const kind = sendApi[url.pathname as keyof typeof sendApi];
      if (kind && req.method === 'POST') {
        if (Date.now() >= expiresAtMs) current = current.startsWith('expired-') ? current : `expired-${current}`;
        if (q.get('access_token') !== current) {
          api.rejectedSends += 1;
          return reply(current.startsWith('expired-') ? { errcode: 42001, errmsg: 'access_token expired' } : { errcode: 40014, errmsg: 'invalid access_token' });
        }
        if (accounts.sendErrcode) return reply({ errcode: accounts.sendErrcode, errmsg: 'refused' });
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          touser: string;
          msgtype: string;
          agentid?: number;
          text: { content: string };
        };
        if (body.msgtype !== 'text') return reply({ errcode: 40008, errmsg: 'invalid message type' });
        api.sent.push({ api: kind, touser: body.touser, content: body.text.content, ...(kind === 'wecom' ? { agentid: body.agentid } : {}) });
        return reply({ errcode: 0, errmsg: 'ok' });
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
