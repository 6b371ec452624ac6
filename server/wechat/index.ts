// Public surface of the WeChat channels: the /wechat and /wecom sub-app factories and their options.
export { createWechatApp, createWecomApp } from './channel.js';
export type { ChannelOptions, WechatAppOptions, WecomAppOptions } from './channel.js';
export { WechatConfigError } from './errors.js';
export type { ChannelLog } from './log.js';
