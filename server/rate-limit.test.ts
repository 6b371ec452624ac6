// Tests of the fixed-window rate limiter with an injected clock.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from './errors.js';
import { createLogger } from './logger.js';
import { memoryWindow, rateLimit } from './rate-limit.js';

/** An app limited to `perMinute` per x-client header, on a clock the test moves. */
function limitedApp(perMinute: number) {
  const clock = { now: 1_000_000 };
  const app = new Hono()
    .use(rateLimit(perMinute, (c) => c.req.header('x-client') ?? 'anon', memoryWindow(perMinute, () => clock.now)))
    .get('/', (c) => c.text('ok'));
  app.onError(handleError(createLogger('silent')));
  const hit = (client = 'a') => app.request('/', { headers: { 'x-client': client } });
  return { clock, hit };
}

describe('rateLimit', () => {
  it('allows perMinute requests, then answers 429 with Retry-After counting down to the window end', async () => {
    const { clock, hit } = limitedApp(2);
    const first = await hit();
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await hit()).headers.get('ratelimit-remaining')).toBe('0');
    const limited = await hit();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: 'too many requests: at most 2 per minute' } });
    clock.now += 30_000;
    expect((await hit()).headers.get('retry-after')).toBe('30');
    clock.now += 29_500;
    const last = await hit();
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('1');
  });

  it('resets after 60 seconds', async () => {
    const { clock, hit } = limitedApp(1);
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
    clock.now += 59_999;
    expect((await hit()).status).toBe(429);
    clock.now += 1;
    const fresh = await hit();
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit-remaining')).toBe('0');
    expect((await hit()).status).toBe(429);
  });

  it('counts each client separately', async () => {
    const { hit } = limitedApp(1);
    expect((await hit('a')).status).toBe(200);
    expect((await hit('a')).status).toBe(429);
    expect((await hit('b')).status).toBe(200);
    expect((await hit('b')).status).toBe(429);
  });

  it('never limits with perMinute 0 and sets no headers', async () => {
    const { hit } = limitedApp(0);
    for (let i = 0; i < 50; i++) {
      const res = await hit();
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
    }
  });
});
