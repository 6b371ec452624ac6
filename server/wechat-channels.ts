// The /wechat and /wecom sub-apps built from the settings, and the start-up check of settings the schema cannot judge.
import type { AnswerResult } from '../answer/index.js';
import { SettingsError, type Settings } from '../config.js';
import { trustedProxies } from './client-address.js';
import type { Logger } from './logger.js';
import type { SharedState } from './shared-state.js';
import { createWechatApp, createWecomApp, WechatConfigError, type ChannelLog } from './wechat/index.js';

/** Exit status of a server process stopped by its configuration (EX_CONFIG); the cluster does not restart it. */
export const CONFIG_EXIT_CODE = 78;

/** True for the errors that mean "fix the settings" (printed as one line at start-up, never a stack trace). */
export function isConfigError(err: unknown): err is Error {
  return err instanceof SettingsError || err instanceof WechatConfigError;
}

/** The one line printed for a configuration error. */
export function configMessage(err: Error): string {
  return err.message.startsWith('invalid configuration') ? err.message : `invalid configuration: ${err.message}`;
}

/**
 * The WeChat channels, each answering 404 when its token is not configured; `answerFor(channel)` is the
 * answer pipeline of a channel. Throws WechatConfigError for settings that do not go together.
 */
export function wechatChannels(
  s: Settings,
  answerFor: (channel: 'wechat' | 'wecom') => (question: string, user: string) => Promise<AnswerResult>,
  logger: Logger,
  shared: SharedState | undefined,
) {
  const log = (channel: string): ChannelLog => (level, event, data = {}) => logger[level](event, { channel, ...data });
  const common = { replyBudgetMs: s.WECHAT_REPLY_BUDGET_MS, maxBodyBytes: s.BODY_LIMIT_BYTES, ...(shared ? { shared } : {}) };
  return {
    wechat: createWechatApp({ ...common, answer: answerFor('wechat'), log: log('wechat'), token: s.WECHAT_TOKEN, appId: s.WECHAT_APP_ID, aesKey: s.WECHAT_AES_KEY, appSecret: s.WECHAT_APP_SECRET, apiBase: s.WECHAT_API_BASE }),
    wecom: createWecomApp({ ...common, answer: answerFor('wecom'), log: log('wecom'), token: s.WECOM_TOKEN, corpId: s.WECOM_CORP_ID, aesKey: s.WECOM_AES_KEY, secret: s.WECOM_SECRET, agentId: s.WECOM_AGENT_ID, apiBase: s.WECOM_API_BASE }),
  };
}

/**
 * Checks what the settings schema cannot: TRUST_PROXY entries and how the WeChat/WeCom settings go
 * together (by building the channels once). Throws SettingsError or WechatConfigError.
 */
export function checkAppSettings(settings: Settings): void {
  trustedProxies(settings.TRUST_PROXY);
  const unused = () => () => Promise.reject(new Error('not serving'));
  wechatChannels(settings, unused, { debug() {}, info() {}, warn() {}, error() {} }, undefined);
}
