// Tests of client addresses behind trusted and untrusted proxies.
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './client-address.js';

describe('clientAddress', () => {
  const proxies = trustedProxies(['127.0.0.1', '10.0.0.0/8', '::1']);

  it('uses the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', trustedProxies([]))).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, proxies)).toBe('203.0.113.9');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
  });

  it('takes the last untrusted hop behind trusted proxies (a spoofed leftmost hop does not count)', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
  });

  it('stops at a malformed hop and keeps the last good address', () => {
    expect(clientAddress('127.0.0.1', 'evil-key, 10.1.2.3', proxies)).toBe('10.1.2.3');
    expect(clientAddress('127.0.0.1', 'garbage', proxies)).toBe('127.0.0.1');
  });
});

describe('trustedProxies', () => {
  it('rejects entries that are not addresses or CIDRs, naming them', () => {
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow('invalid configuration: TRUST_PROXY: "10.0.0.0/33" is not an IP address or CIDR');
    expect(() => trustedProxies(['999.1.1.1'])).toThrow('"999.1.1.1"');
  });
});
