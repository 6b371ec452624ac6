// Per-client rate limiting: a fixed one-minute window counted in memory.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * Allows `perMinute` requests per client key and window; past that, a 429 with Retry-After.
 * `perMinute` 0 turns the limit off. `now` is injectable for tests.
 */
export function rateLimit(perMinute: number, clientKey: (c: Parameters<MiddlewareHandler>[0]) => string, now: () => number = Date.now): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (perMinute === 0) return next();
    const t = now();
    const key = clientKey(c);
    let w = windows.get(key);
    if (!w || t - w.start >= 60_000) {
      if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= 60_000) windows.delete(k);
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    c.header('RateLimit-Limit', String(perMinute));
    c.header('RateLimit-Remaining', String(Math.max(0, perMinute - w.count)));
    if (w.count > perMinute) {
      c.header('Retry-After', String(Math.ceil((w.start + 60_000 - t) / 1000)));
      throw new ApiError(429, 'rate_limited', `too many requests: at most ${perMinute} per minute`);
    }
    return next();
  };
}
