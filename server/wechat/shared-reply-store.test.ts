// The shared reply store over a real redis-server: two schedulers stand for two processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../test-support/redis-server.js';
import { createLogger } from '../logger.js';
import { connectSharedState, type SharedState } from '../shared-state.js';
import { createReplyScheduler, MAX_DELIVERIES, type Delivery } from './reply-scheduler.js';
import { createSharedReplyStore } from './shared-reply-store.js';
import { HOLDING_TEXT, heldAnswerText } from './texts.js';

const BUDGET_MS = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let redis: RedisServer;
const connections: SharedState[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const c of connections) await c.close();
  await redis.close();
});

/** Two schedulers of one channel, each on its own Redis connection; their log lines go to `lines`. */
async function processes(prefix: string, push?: (user: string, text: string) => Promise<void>, lines: string[] = []) {
  const make = async () => {
    const shared = await connectSharedState(redis.url, createLogger('info', (l) => lines.push(l)));
    connections.push(shared);
    const store = createSharedReplyStore(shared, prefix, Date.now);
    return createReplyScheduler({ replyBudgetMs: BUDGET_MS, now: Date.now, log: () => {}, store, ...(push ? { push } : {}) });
  };
  return [await make(), await make()] as const;
}

function counting(text: string, delayMs: number) {
  const calls: string[] = [];
  return { calls, produce: async () => (calls.push(text), await sleep(delayMs), text) };
}

const delivery = (key: string, produce: () => Promise<string>, signal = new AbortController().signal, user = 'u1'): Delivery => ({ key, user, produce, signal });
const dropped = () => AbortSignal.abort();

describe('createSharedReplyStore', () => {
  it('computes a message once when its retries land on different processes, and repeats the same reply', async () => {
    const [a, b] = await processes('t1');
    const p = counting('answer', 10);
    const replies = await Promise.all([a.reply(delivery('m1', p.produce)), b.reply(delivery('m1', p.produce))]);
    expect(replies).toEqual(['answer', 'answer']);
    expect(await b.reply(delivery('m1', p.produce))).toBe('answer');
    expect(p.calls).toEqual(['answer']);
  });

  it('holds a slow answer on the last delivery and gives it to the next message on the other process', async () => {
    const [a, b] = await processes('t2');
    const slow = counting('slow answer', 200);
    const order = [a, b, a];
    for (let i = 1; i < MAX_DELIVERIES; i++) expect(await order[i - 1]!.reply(delivery('m2', slow.produce, dropped()))).toBeUndefined();
    expect(await order[MAX_DELIVERIES - 1]!.reply(delivery('m2', slow.produce))).toBe(HOLDING_TEXT);
    const next = counting('never asked', 1);
    expect(await b.reply(delivery('m3', next.produce))).toBe(heldAnswerText('slow answer'));
    expect(next.calls).toEqual([]);
    expect(slow.calls).toEqual(['slow answer']);
  });

  it('pushes a slow answer exactly once whichever process each retry reaches', async () => {
    const pushed: string[] = [];
    const [a, b] = await processes('t3', async (user, text) => void pushed.push(`${user}:${text}`));
    const slow = counting('pushed answer', 150);
    const replies = await Promise.all([a.reply(delivery('m4', slow.produce)), b.reply(delivery('m4', slow.produce)), b.reply(delivery('m4', slow.produce))]);
    expect(replies).toEqual([undefined, undefined, undefined]);
    await sleep(300);
    expect(pushed).toEqual(['u1:pushed answer']);
    expect(slow.calls.length).toBe(1);
  });

  it('degrades to per-process state with one warning when Redis goes away, and shares again when it returns', async () => {
    const lines: string[] = [];
    const [a, b] = await processes('t4', undefined, lines);
    const pair = connections.slice(-2);
    await redis.stop();
    const p = counting('offline', 1);
    expect(await a.reply(delivery('m5', p.produce))).toBe('offline');
    expect(await a.reply(delivery('m5', p.produce))).toBe('offline');
    expect(await b.reply(delivery('m5', p.produce))).toBe('offline');
    expect(p.calls.length).toBe(2); // one per process while apart
    const warnings = lines.filter((l) => l.includes('shared state unavailable'));
    expect(warnings.length).toBe(2); // one per connection (two "processes")
    await redis.start();
    for (let i = 0; i < 100 && !pair.every((c) => c.available()); i++) await sleep(50);
    expect(lines.filter((l) => l.includes('shared state restored')).length).toBe(2);
    const q = counting('back', 1);
    expect(await Promise.all([a.reply(delivery('m6', q.produce)), b.reply(delivery('m6', q.produce))])).toEqual(['back', 'back']);
    expect(q.calls.length).toBe(1);
  });
});
