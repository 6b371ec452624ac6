// Tests for the settings checks between variables: shutdown grace over the LLM timeout, headers timeout within the request timeout.
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from './config.js';

describe('loadSettings', () => {
  it('defaults SHUTDOWN_GRACE_MS to two LLM timeouts (condense, answer) plus 5 s', () => {
    expect(loadSettings({}).SHUTDOWN_GRACE_MS).toBe(35_000);
    expect(loadSettings({ LLM_TIMEOUT_MS: '4000' }).SHUTDOWN_GRACE_MS).toBe(13_000);
    expect(loadSettings({ LLM_TIMEOUT_MS: '4000', SHUTDOWN_GRACE_MS: '4001' }).SHUTDOWN_GRACE_MS).toBe(4001);
  });

  it('rejects a SHUTDOWN_GRACE_MS that does not exceed LLM_TIMEOUT_MS, naming both', () => {
    expect(() => loadSettings({ SHUTDOWN_GRACE_MS: '10000' })).toThrow(SettingsError);
    expect(() => loadSettings({ SHUTDOWN_GRACE_MS: '10000' })).toThrow(
      'invalid configuration: SHUTDOWN_GRACE_MS: must exceed LLM_TIMEOUT_MS (15000), or SIGTERM cuts in-flight LLM answers',
    );
  });

  it('bounds the request timeouts: 30 s for a whole request, 10 s for its headers, headers within the request', () => {
    expect(loadSettings({})).toMatchObject({ REQUEST_TIMEOUT_MS: 30_000, HEADERS_TIMEOUT_MS: 10_000, INDEX_LOCK_WAIT_MS: 0 });
    expect(() => loadSettings({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' })).toThrow('HEADERS_TIMEOUT_MS: must not exceed REQUEST_TIMEOUT_MS (5000)');
  });
});
