// Factories of the /wechat (Official Account) and /wecom (WeCom app) callback sub-apps.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AnswerResult } from '../../answer/types.js';
import type { SharedState } from '../shared-state.js';
import { createCallbackRoutes, type ChannelIdentity } from './callback-routes.js';
import { decodeAesKey } from './crypto.js';
import { WechatConfigError } from './errors.js';
import { createMessageHandler } from './handle-message.js';
import { stderrLog, type ChannelLog } from './log.js';
import { createPushClient, type PushAccount } from './push-client.js';
import { createReplyScheduler } from './reply-scheduler.js';
import { createSharedReplyStore } from './shared-reply-store.js';

/** Options shared by both channels. */
export interface ChannelOptions {
  /** Token typed into the admin console (3–32 letters/digits); unset → the channel answers 404. */
  token?: string;
  /** EncodingAESKey (43 chars); OA: unset → plaintext mode; WeCom: required. */
  aesKey?: string;
  /** Base URL of the platform API used for pushes (WECHAT_API_BASE / WECOM_API_BASE). */
  apiBase: string;
  /** Time to wait for an answer within one delivery before falling back (ms, < 5000). */
  replyBudgetMs: number;
  /** The answer pipeline; `user` is the sender's FromUserName (OpenID or UserID). */
  answer: (question: string, user: string) => Promise<AnswerResult>;
  /** Clock in ms (timestamp window, reply CreateTime, cache and token expiry). Default Date.now. */
  now?: () => number;
  /** Event sink; receives codes and counts, never content. Default: warnings/errors to stderr. */
  log?: ChannelLog;
  /** Accepted |now − timestamp| in seconds. Default 300. */
  timestampWindowSec?: number;
  /** Largest accepted POST body in bytes (larger → 413). Default 64 KiB. */
  maxBodyBytes?: number;
  /** Redis shared by all server processes (dedupe, held answers, access token); unset → this process only. */
  shared?: SharedState;
}

/** Official Account: with `appSecret`, slow answers are pushed via the customer-service API. */
export interface WechatAppOptions extends ChannelOptions {
  appId?: string;
  appSecret?: string;
}

/** WeCom self-built app: with `secret` and `agentId`, slow answers are pushed via message/send. */
export interface WecomAppOptions extends ChannelOptions {
  corpId?: string;
  secret?: string;
  agentId?: string;
}

function notConfigured(channel: string): Hono {
  const app = new Hono();
  app.all('*', (c) => c.json({ code: 'channel_not_configured', message: `${channel} channel is not configured` }, 404));
  return app;
}

function checkCommon(channel: string, options: ChannelOptions & { token: string }): void {
  if (!/^[A-Za-z0-9]{3,32}$/.test(options.token)) throw new WechatConfigError(`${channel} token must be 3–32 letters or digits`);
  if (!(options.replyBudgetMs > 0 && options.replyBudgetMs < 5000)) {
    throw new WechatConfigError(`${channel} replyBudgetMs must be between 0 and 5000 ms`);
  }
}

function buildApp(
  identity: ChannelIdentity,
  options: ChannelOptions & { token: string },
  push: PushAccount | undefined,
): Hono {
  const now = options.now ?? Date.now;
  const log = options.log ?? stderrLog;
  const client = push ? createPushClient(push, now, options.shared) : undefined;
  // Keys name the channel by a digest of its token: two accounts sharing one Redis never meet.
  const prefix = `jc:${identity.kind}:${createHash('sha256').update(options.token).digest('hex').slice(0, 12)}`;
  const store = options.shared ? createSharedReplyStore(options.shared, prefix, now) : undefined;
  const scheduler = createReplyScheduler({ replyBudgetMs: options.replyBudgetMs, push: client?.sendText, now, log, ...(store ? { store } : {}) });
  const respond = createMessageHandler({ answer: options.answer, reply: scheduler.reply });
  const common = {
    token: options.token,
    timestampWindowSec: options.timestampWindowSec ?? 300,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    now,
    log,
    respond,
  };
  return createCallbackRoutes({ ...common, ...identity });
}

/**
 * Creates the Official Account callback app (mount it at /wechat). Without `token` it answers 404
 * to everything. Plaintext mode without `aesKey`; safe/compatible mode with it (then `appId` is
 * required). Throws WechatConfigError for a malformed token or key, or `aesKey`/`appSecret` without `appId`.
 */
export function createWechatApp(options: WechatAppOptions): Hono {
  const { token, appId, aesKey, appSecret } = options;
  if (!token) {
    if (appId || aesKey || appSecret) throw new WechatConfigError('WeChat appId/aesKey/appSecret set without a token');
    return notConfigured('WeChat');
  }
  checkCommon('WeChat', { ...options, token });
  if ((aesKey || appSecret) && !appId) throw new WechatConfigError('WeChat aesKey and appSecret need the appId');
  const encryption = aesKey && appId ? { key: decodeAesKey(aesKey), receiveId: appId } : undefined;
  const push = appSecret && appId ? { kind: 'wechat' as const, apiBase: options.apiBase, appId, appSecret } : undefined;
  return buildApp({ kind: 'wechat', encryption }, { ...options, token }, push);
}

/**
 * Creates the WeCom application callback app (mount it at /wecom). Without `token`, `corpId` and
 * `aesKey` it answers 404 to everything. Throws WechatConfigError when only some of them are set,
 * for a malformed token or key, or when `secret` and a numeric `agentId` do not come together.
 */
export function createWecomApp(options: WecomAppOptions): Hono {
  const { token, corpId, aesKey, secret, agentId } = options;
  if (!token && !corpId && !aesKey) {
    if (secret || agentId) throw new WechatConfigError('WeCom secret/agentId set without token, corpId and aesKey');
    return notConfigured('WeCom');
  }
  if (!token || !corpId || !aesKey) throw new WechatConfigError('WeCom needs token, corpId and aesKey together');
  checkCommon('WeCom', { ...options, token });
  if (Boolean(secret) !== Boolean(agentId) || (agentId && !/^\d+$/.test(agentId))) {
    throw new WechatConfigError('WeCom secret and a numeric agentId must be set together');
  }
  const encryption = { key: decodeAesKey(aesKey), receiveId: corpId };
  const push =
    secret && agentId ? { kind: 'wecom' as const, apiBase: options.apiBase, corpId, secret, agentId: Number(agentId) } : undefined;
  return buildApp({ kind: 'wecom', encryption }, { ...options, token }, push);
}
