// One access token per app: fetched from the stable_token endpoint (OA) or gettoken (WeCom), cached in
// this process and, with Redis, shared by all processes and refreshed by the one holder of a lock.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SharedState } from '../shared-state.js';
import { WechatApiError } from './errors.js';

/** Credentials and API base of the account that pushes (e.g. https://api.weixin.qq.com). */
export type PushAccount =
  | { kind: 'wechat'; apiBase: string; appId: string; appSecret: string }
  | { kind: 'wecom'; apiBase: string; corpId: string; secret: string; agentId: number };

export const apiReplySchema = z.object({
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
  access_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
});
type ApiReply = z.infer<typeof apiReplySchema>;

const cachedSchema = z.object({ token: z.string().min(1), refreshAtMs: z.number() });
type Cached = z.infer<typeof cachedSchema>;

const MAX_REFRESH_MARGIN_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** How long the refresh lock is held at most, and how long others wait for its holder's token. */
const LOCK_MS = 10_000;
const POLL_MS = 50;

/** Calls a platform API and validates its JSON; transport and HTTP failures become errcode -1. */
export async function callApi(url: string, init?: RequestInit): Promise<ApiReply> {
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

/** The token request: OA POST /cgi-bin/stable_token (force_refresh only when asked), WeCom GET /cgi-bin/gettoken. */
function tokenRequest(account: PushAccount, force: boolean): [string, RequestInit?] {
  const base = account.apiBase.replace(/\/+$/, '');
  if (account.kind === 'wecom') return [`${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(account.corpId)}&corpsecret=${encodeURIComponent(account.secret)}`];
  const body = { grant_type: 'client_credential', appid: account.appId, secret: account.appSecret, force_refresh: force };
  return [`${base}/cgi-bin/stable_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }];
}

/**
 * Creates the token source of one account. `get(rejected)` returns a fresh token that is not
 * `rejected` (a token the API just refused). With `shared`, the token lives in Redis: one process at a
 * time refreshes it (lock), the others wait for its result; while Redis is away each process fetches its own.
 */
export function createTokenSource(account: PushAccount, now: () => number, shared?: SharedState): { get: (rejected?: string) => Promise<string> } {
  const id = account.kind === 'wechat' ? account.appId : account.corpId;
  const key = `jc:token:${account.kind}:${id}`;
  let local: Cached | undefined;
  let inFlight: Promise<Cached> | undefined;
  const usable = (c: Cached | undefined, rejected?: string): Cached | undefined => (c !== undefined && now() < c.refreshAtMs && c.token !== rejected ? c : undefined);

  async function request(force: boolean): Promise<{ token: string; lifetimeMs: number }> {
    const reply = await callApi(...tokenRequest(account, force));
    if ((reply.errcode ?? 0) !== 0 || !reply.access_token) {
      throw new WechatApiError(reply.errcode ?? -1, `token request failed: ${reply.errmsg ?? 'no access_token'}`);
    }
    return { token: reply.access_token, lifetimeMs: (reply.expires_in ?? 7200) * 1000 };
  }

  /**
   * Fetches a token in normal mode (both platforms return the live token again until it expires), and
   * in forced mode only when normal mode hands back the `rejected` token. A new token is refreshed a
   * little early; the same token again is used until it expires (asking earlier would bring it back).
   */
  async function fetchToken(previous: string | undefined, rejected: string | undefined): Promise<Cached> {
    let got = await request(false);
    if (account.kind === 'wechat' && rejected !== undefined && got.token === rejected) got = await request(true);
    const marginMs = got.token === previous ? 0 : Math.min(MAX_REFRESH_MARGIN_MS, got.lifetimeMs / 10);
    return { token: got.token, refreshAtMs: now() + got.lifetimeMs - marginMs };
  }

  const readShared = (s: SharedState) =>
    s.run(async (redis) => {
      const raw = await redis.get(key);
      return raw === null ? undefined : cachedSchema.parse(JSON.parse(raw));
    }, () => undefined);

  /** Refreshes through the lock; false when Redis is away (the caller fetches on its own). */
  async function refreshShared(s: SharedState, rejected?: string): Promise<Cached | undefined> {
    const owner = randomUUID();
    const locked = await s.run(async (redis) => (await redis.set(`${key}:lock`, owner, 'PX', LOCK_MS, 'NX')) === 'OK', () => undefined);
    if (locked === undefined) return undefined;
    if (locked) {
      try {
        const current = await readShared(s);
        if (usable(current, rejected)) return current!;
        const fresh = await fetchToken(current?.token ?? local?.token, rejected);
        await s.run(async (redis) => void (await redis.set(key, JSON.stringify(fresh), 'PX', Math.max(1, fresh.refreshAtMs - now()))), () => undefined);
        return fresh;
      } finally {
        await s.run((redis) => redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0", 1, `${key}:lock`, owner), () => 0);
      }
    }
    for (let waited = 0; waited < LOCK_MS; waited += POLL_MS) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const current = usable(await readShared(s), rejected);
      if (current) return current;
    }
    return undefined;
  }

  async function obtain(rejected?: string): Promise<Cached> {
    if (shared) {
      const current = usable(await readShared(shared), rejected);
      if (current) return current;
      const refreshed = await refreshShared(shared, rejected);
      if (refreshed) return refreshed;
    }
    return fetchToken(local?.token, rejected);
  }

  return {
    async get(rejected) {
      const cached = usable(local, rejected);
      if (cached) return cached.token;
      inFlight ??= obtain(rejected).finally(() => {
        inFlight = undefined;
      });
      local = await inFlight;
      // A refresh already under way when the rejection came may have brought the rejected token back.
      if (local.token === rejected) local = await obtain(rejected);
      return local.token;
    },
  };
}
