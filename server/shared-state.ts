// State shared by all server processes through Redis (REDIS_URL), degrading to per-process state while
// Redis is away: one warning when it goes, one notice when it is back, never a crash.
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/** A Redis connection that knows whether it can be used right now. */
export interface SharedState {
  redis: Redis;
  /** True while Redis answers; false from a failure until the connection is ready again. */
  available: () => boolean;
  /**
   * Runs `op` against Redis, or `fallback` (this process's own state) while Redis is unavailable or
   * when `op` fails on the connection. The first failure of an outage logs one warning.
   */
  run: <T>(op: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

/** Commands fail fast (no offline queue, short timeout) so a request never waits on a dead Redis. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Connects to `url` and resolves once the connection is ready or has failed (then the state starts
 * degraded, with the warning logged, and keeps reconnecting in the background).
 */
export async function connectSharedState(url: string, logger: Logger): Promise<SharedState> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(100 * times, 1000),
  });
  let up = false;
  let warned = false;
  const degrade = (reason: string) => {
    up = false;
    if (warned) return;
    warned = true;
    logger.warn('shared state unavailable: using per-process state until Redis is back', { reason });
  };
  redis.on('ready', () => {
    up = true;
    if (warned) logger.info('shared state restored: Redis is back');
    warned = false;
  });
  redis.on('error', (err: Error) => degrade(err.message));
  redis.on('close', () => degrade('connection closed'));
  await new Promise<void>((resolve) => {
    redis.once('ready', () => resolve());
    redis.once('error', () => resolve());
  });
  return {
    redis,
    available: () => up && redis.status === 'ready',
    async run(op, fallback) {
      if (!(up && redis.status === 'ready')) return fallback();
      try {
        return await op(redis);
      } catch (err) {
        degrade(err instanceof Error ? err.message : String(err));
        return fallback();
      }
    },
    close: async () => {
      redis.removeAllListeners('close');
      redis.removeAllListeners('error');
      redis.on('error', () => {});
      redis.disconnect();
    },
  };
}
