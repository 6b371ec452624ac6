// Tests of the JSON-lines logger: secret masking and level filtering.
import { describe, expect, it } from 'vitest';
import { createLogger, redact, type Level } from './logger.js';

function capture(level: Level) {
  const lines: string[] = [];
  const logger = createLogger(level, (l) => lines.push(l));
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('redact', () => {
  it('masks authorization, api keys, tokens, secrets, passwords and AES keys', () => {
    const masked = redact({
      authorization: 'Bearer abc',
      Authorization: 'Bearer abc',
      api_key: 'k1',
      apiKey: 'k2',
      'api-key': 'k3',
      LLM_API_KEY: 'k4',
      token: 't',
      accessToken: 't2',
      appSecret: 's',
      password: 'p',
      WECHAT_AES_KEY: 'a',
      question: '泽州山楂',
      status: 200,
    });
    expect(masked).toEqual({
      authorization: '[redacted]',
      Authorization: '[redacted]',
      api_key: '[redacted]',
      apiKey: '[redacted]',
      'api-key': '[redacted]',
      LLM_API_KEY: '[redacted]',
      token: '[redacted]',
      accessToken: '[redacted]',
      appSecret: '[redacted]',
      password: '[redacted]',
      WECHAT_AES_KEY: '[redacted]',
      question: '泽州山楂',
      status: 200,
    });
  });

  it('does not change the fields it is given', () => {
    const fields = { token: 't', path: '/api/chat' };
    redact(fields);
    expect(fields).toEqual({ token: 't', path: '/api/chat' });
  });
});

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, message and masked fields', () => {
    const { logger, lines, parsed } = capture('debug');
    logger.info('request', { path: '/api/chat', authorization: 'Bearer abc', status: 200 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('abc');
    const [entry] = parsed();
    expect(entry).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: 'info', message: 'request', path: '/api/chat', authorization: '[redacted]', status: 200 });
  });

  it.each<[Level, string[]]>([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
    ['silent', []],
  ])('at level %s writes only %j', (level, expected) => {
    const { logger, parsed } = capture(level);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(parsed().map((e) => e.level)).toEqual(expected);
  });

  it('logs without fields', () => {
    const { logger, parsed } = capture('info');
    logger.warn('just a message');
    expect(Object.keys(parsed()[0]!).sort()).toEqual(['level', 'message', 'time']);
  });
});
