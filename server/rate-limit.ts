// Per-client rate limiting over a fixed one-minute window: counted in this process, or in Redis for all processes.
import type { MiddlewareHandler } from 'hono';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from './errors.js';
import type { SharedState } from './shared-state.js';

/** Counts one request of a client; says whether it is within the limit, what is left and when the window ends. */
export type CountRequest = (key: string) => Promise<{ allowed: boolean; remaining: number; retryAfterSec: number }>;

/** A fixed one-minute window per key, kept in this process. `now` is injectable for tests. */
export function memoryWindow(perMinute: number, now: () => number = Date.now): CountRequest {
  const windows = new Map<string, { start: number; count: number }>();
  return async (key) => {
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= 60_000) {
      if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= 60_000) windows.delete(k);
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    return { allowed: w.count <= perMinute, remaining: Math.max(0, perMinute - w.count), retryAfterSec: Math.ceil((w.start + 60_000 - t) / 1000) };
  };
}

/**
 * A fixed one-minute window per key in Redis (rate-limiter-flexible), one count for all server
 * processes; while Redis is away each process counts on its own (the insurance limiter).
 */
export function sharedWindow(shared: SharedState, perMinute: number, keyPrefix: string): CountRequest {
  const insuranceLimiter = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix });
  const limiter = new RateLimiterRedis({ storeClient: shared.redis, points: perMinute, duration: 60, keyPrefix, rejectIfRedisNotReady: true, insuranceLimiter });
  const result = (res: RateLimiterRes, allowed: boolean) => ({ allowed, remaining: res.remainingPoints, retryAfterSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });
  return async (key) => {
    try {
      return result(await limiter.consume(key), true);
    } catch (err) {
      if (err instanceof RateLimiterRes) return result(err, false);
      throw err;
    }
  };
}

/**
 * Allows `perMinute` requests per client key and window (counted by `count`); past that, a 429 with
 * Retry-After. `perMinute` 0 turns the limit off.
 */
export function rateLimit(perMinute: number, clientKey: (c: Parameters<MiddlewareHandler>[0]) => string, count: CountRequest = memoryWindow(perMinute)): MiddlewareHandler {
  return async (c, next) => {
    if (perMinute === 0) return next();
    const { allowed, remaining, retryAfterSec } = await count(clientKey(c));
    c.header('RateLimit-Limit', String(perMinute));
    c.header('RateLimit-Remaining', String(remaining));
    if (!allowed) {
      c.header('Retry-After', String(retryAfterSec));
      throw new ApiError(429, 'rate_limited', `too many requests: at most ${perMinute} per minute`);
    }
    return next();
  };
}
