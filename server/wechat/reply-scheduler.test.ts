import { describe, expect, it } from 'vitest';
import { WechatApiError } from './errors.js';
import { createReplyScheduler, MAX_DELIVERIES, type Delivery } from './reply-scheduler.js';
import { FAILURE_TEXT, HOLDING_TEXT, heldAnswerText } from './texts.js';

const BUDGET_MS = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counter(text: string, delayMs: number) {
  const calls: number[] = [];
  const produce = async () => {
    calls.push(1);
    await sleep(delayMs);
    return text;
  };
  return { produce, calls };
}

function delivery(key: string, produce: () => Promise<string>, signal = new AbortController().signal, user = 'u1'): Delivery {
  return { key, user, produce, signal };
}

describe('createReplyScheduler without push', () => {
  const make = () => createReplyScheduler({ replyBudgetMs: BUDGET_MS, now: Date.now, log: () => {} });

  it('replies within budget and repeats the reply to later deliveries without recomputing', async () => {
    const s = make();
    const p = counter('answer', 5);
    expect(await s.reply(delivery('m1', p.produce))).toBe('answer');
    expect(await s.reply(delivery('m1', p.produce))).toBe('answer');
    expect(p.calls.length).toBe(1);
  });

  it('keeps an early delivery silent until its connection drops, then answers the next one', async () => {
    const s = make();
    const p = counter('late answer', 100);
    const dropped = new AbortController();
    setTimeout(() => dropped.abort(), 60);
    expect(await s.reply(delivery('m2', p.produce, dropped.signal))).toBeUndefined();
    expect(await s.reply(delivery('m2', p.produce))).toBe('late answer');
    expect(p.calls.length).toBe(1);
  });

  it(`holds the answer on delivery ${MAX_DELIVERIES} and gives it to the next message of that user only`, async () => {
    const s = make();
    const p = counter('slow answer', 200);
    for (let i = 1; i < MAX_DELIVERIES; i++) {
      const c = new AbortController();
      c.abort();
      expect(await s.reply(delivery('m3', p.produce, c.signal))).toBeUndefined();
    }
    expect(await s.reply(delivery('m3', p.produce))).toBe(HOLDING_TEXT);
    const other = counter('other user', 1);
    expect(await s.reply(delivery('m4', other.produce, undefined, 'u2'))).toBe('other user');
    const next = counter('never asked', 1);
    expect(await s.reply(delivery('m5', next.produce))).toBe(heldAnswerText('slow answer'));
    expect(next.calls.length).toBe(0);
  });

  it('falls back to the holding text when a silent connection outlives its safety bound', async () => {
    const s = make();
    const p = counter('very slow', 300);
    expect(await s.reply(delivery('m6', p.produce))).toBe(HOLDING_TEXT);
  });

  it('turns a failing pipeline into the failure notice', async () => {
    const s = make();
    expect(await s.reply(delivery('m7', () => Promise.reject(new Error('x'))))).toBe(FAILURE_TEXT);
  });
});

describe('createReplyScheduler with push', () => {
  it('acknowledges once over budget and pushes the answer a single time', async () => {
    const pushed: string[] = [];
    const s = createReplyScheduler({
      replyBudgetMs: BUDGET_MS,
      now: Date.now,
      log: () => {},
      push: async (user, text) => {
        pushed.push(`${user}:${text}`);
      },
    });
    const p = counter('pushed answer', 80);
    const replies = await Promise.all([s.reply(delivery('p1', p.produce)), s.reply(delivery('p1', p.produce))]);
    expect(replies).toEqual([undefined, undefined]);
    expect(await s.reply(delivery('p1', p.produce))).toBeUndefined();
    await sleep(100);
    expect(pushed).toEqual(['u1:pushed answer']);
    expect(p.calls.length).toBe(1);
  });

  it('holds the answer for the next message when the push fails, logging the errcode', async () => {
    const logged: string[] = [];
    const s = createReplyScheduler({
      replyBudgetMs: BUDGET_MS,
      now: Date.now,
      log: (level, event, data) => logged.push(`${level} ${event} ${JSON.stringify(data)}`),
      push: () => Promise.reject(new WechatApiError(45015, 'outside window')),
    });
    expect(await s.reply(delivery('p2', counter('answer', 50).produce))).toBeUndefined();
    await sleep(80);
    expect(logged).toContain('warn push_failed {"error":"wechat_api_error","errcode":45015}');
    expect(await s.reply(delivery('p3', counter('new', 1).produce))).toBe(heldAnswerText('answer'));
  });
});
