import { describe, expect, it } from 'vitest';
import { ReplyCache } from './reply-cache.js';

describe('ReplyCache', () => {
  it('returns values until their TTL has passed', () => {
    let now = 1000;
    const cache = new ReplyCache<string>({ ttlMs: 100, maxEntries: 10, now: () => now });
    cache.set('a', 'x');
    now = 1099;
    expect(cache.get('a')).toBe('x');
    now = 1100;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entries beyond the bound and expired ones on write', () => {
    let now = 0;
    const cache = new ReplyCache<number>({ ttlMs: 50, maxEntries: 2, now: () => now });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
    now = 60;
    cache.set('d', 4);
    expect(cache.size).toBe(1);
  });

  it('refreshes the position and TTL of a key that is set again', () => {
    let now = 0;
    const cache = new ReplyCache<number>({ ttlMs: 50, maxEntries: 2, now: () => now });
    cache.set('a', 1);
    cache.set('b', 2);
    now = 10;
    cache.set('a', 10);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([10, undefined, 3]);
    expect(cache.delete('a')).toBe(true);
    expect(cache.get('a')).toBeUndefined();
  });
});
