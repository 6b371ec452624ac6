// Request body size limit that keeps @hono/node-server's fast body path.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Rejects bodies larger than `maxSize` bytes through `onError`. A body with a Content-Length (what
 * browsers, SDKs and WeChat send) is judged from the header alone, without touching `c.req.raw.body`:
 * touching it makes @hono/node-server build a full web Request (undici, streams, abort signal) instead
 * of reading the socket directly, which cost about a third of a chat request's time. A streamed body
 * (Transfer-Encoding, no length) is counted while it is read, by Hono's own bodyLimit.
 */
export function limitBody(maxSize: number, onError: NonNullable<Parameters<typeof bodyLimit>[0]['onError']>): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > maxSize ? onError(c) : next();
    }
    return streamed(c, next);
  };
}
