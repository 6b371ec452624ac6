// State shared by all server processes through Redis (REDIS_URL), degrading to per-process state while
// Redis is away: one warning when it goes, one notice when it is back, never a crash.
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/** A Redis connection that knows whether it can be used right now. */
export interface SharedState {
  redis: Redis;
  /** True while the connection to Redis is up. */
  available: () => boolean;
  /**
   * Runs `op` against Redis, or `fallback` (this process's own state) while Redis is unavailable or
   * when `op` fails on the connection. The first failure of an outage logs one warning.
   */
  run: <T>(op: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

/** Commands fail fast (no offline queue, a timeout for a Redis that hangs) so a request never waits on a dead Redis. */
const COMMAND_TIMEOUT_MS = 1000;

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
  // One warning per outage: from the first failure until a command (or the connection) works again.
  let warned = false;
  const fail = (reason: string) => {
    if (warned) return;
    warned = true;
    logger.warn('shared state unavailable: using per-process state until Redis is back', { reason });
  };
  const recover = () => {
    if (!warned) return;
    warned = false;
    logger.info('shared state restored: Redis is back');
  };
  redis.on('ready', recover);
  redis.on('error', (err: Error) => fail(err.message));
  redis.on('close', () => fail('connection closed'));
  await new Promise<void>((resolve) => {
    redis.once('ready', () => resolve());
    redis.once('error', () => resolve());
  });
  return {
    redis,
    available: () => redis.status === 'ready',
    async run(op, fallback) {
      if (redis.status !== 'ready') return fallback();
      try {
        const value = await op(redis);
        recover();
        return value;
      } catch (err) {
        fail(err instanceof Error ? err.message : String(err));
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
