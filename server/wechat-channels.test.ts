// Start-up checks of the WeChat/WeCom and proxy settings, and how a configuration error is printed.
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../config.js';
import { WechatConfigError } from './wechat/index.js';
import { checkAppSettings, configMessage, isConfigError } from './wechat-channels.js';

describe('checkAppSettings', () => {
  it('accepts consistent channels and refuses partners missing, naming what is wrong', () => {
    expect(() => checkAppSettings(loadSettings({ WECHAT_TOKEN: 'AAAAA', WECHAT_APP_ID: 'wx1', WECHAT_AES_KEY: 'A'.repeat(43) }))).not.toThrow();
    expect(() => checkAppSettings(loadSettings({ WECOM_TOKEN: 'AAAAA' }))).toThrow('WeCom needs token, corpId and aesKey together');
    expect(() => checkAppSettings(loadSettings({ TRUST_PROXY: '10.0.0.0/40' }))).toThrow('TRUST_PROXY: "10.0.0.0/40" is not an IP address or CIDR');
  });
});

describe('configMessage', () => {
  it('prints every configuration error as one "invalid configuration" line', () => {
    expect(configMessage(new WechatConfigError('WeChat aesKey and appSecret need the appId'))).toBe('invalid configuration: WeChat aesKey and appSecret need the appId');
    expect(configMessage(new SettingsError('invalid configuration: PORT: too big'))).toBe('invalid configuration: PORT: too big');
    expect([new WechatConfigError('x'), new SettingsError('y'), new Error('z')].map(isConfigError)).toEqual([true, true, false]);
  });
});
