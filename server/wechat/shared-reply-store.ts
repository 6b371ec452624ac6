// The reply store shared by all server processes through Redis: SET NX for the one computation and the
// one decision per message, GETDEL for held answers; per-process memory while Redis is away.
import { z } from 'zod';
import type { SharedState } from '../shared-state.js';
import { createMemoryReplyStore, HELD_TTL_MS, MESSAGE_TTL_MS, waitWithin, type Computed, type Decision, type ReplyStore } from './reply-store.js';

/** How often a delivery waiting for a reply computed by another process looks for it. */
const POLL_MS = 25;

const computedSchema = z.object({ reply: z.string(), holdable: z.string() });
const decisionSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('text'), text: z.string() }), z.object({ kind: z.literal('pushed') })]);
const parse = <T>(schema: z.ZodType<T>, value: string | null): T | undefined => (value === null ? undefined : schema.parse(JSON.parse(value)));

/**
 * Creates the shared store of one channel; `prefix` (e.g. "jc:wechat:wx123") keeps channels and
 * accounts apart in Redis. Replies are also kept in this process, so waits continue through an outage.
 */
export function createSharedReplyStore(shared: SharedState, prefix: string, now: () => number): ReplyStore {
  const memory = createMemoryReplyStore(now);
  const k = (kind: string, id: string) => `${prefix}:${kind}:${id}`;
  const readReply = (key: string) =>
    shared.run(async (redis) => parse(computedSchema, await redis.get(k('reply', key))), () => memory.peek(key));
  return {
    arrive: (key) =>
      shared.run(
        async (redis) => {
          const results = await redis.multi().incr(k('n', key)).pexpire(k('n', key), MESSAGE_TTL_MS).exec();
          const attempt = Number(results?.[0]?.[1]);
          return { first: attempt === 1, attempt };
        },
        () => memory.arrive(key),
      ),
    async publish(key, computed) {
      await memory.publish(key, computed);
      await shared.run(async (redis) => void (await redis.set(k('reply', key), JSON.stringify(computed), 'PX', HELD_TTL_MS)), () => undefined);
    },
    async waitFor(key, ms, signal) {
      const deadline = performance.now() + ms;
      for (;;) {
        const found: Computed | undefined = await readReply(key);
        const left = deadline - performance.now();
        if (found || left <= 0 || signal?.aborted) return found;
        await waitWithin(Math.min(POLL_MS, left), signal, () => () => {});
      }
    },
    decide: (key, decision) =>
      shared.run(
        async (redis) => {
          const earlier = await redis.set(k('decision', key), JSON.stringify(decision), 'PX', MESSAGE_TTL_MS, 'NX', 'GET');
          return earlier === null ? { decision, won: true } : { decision: parse(decisionSchema, earlier) as Decision, won: false };
        },
        () => memory.decide(key, decision),
      ),
    decision: (key) =>
      shared.run(async (redis) => parse(decisionSchema, await redis.get(k('decision', key))), () => memory.decision(key)),
    hold: (user, key) =>
      shared.run(async (redis) => void (await redis.set(k('held', user), key, 'PX', HELD_TTL_MS)), () => memory.hold(user, key)),
    takeHeld: (user) =>
      shared.run(async (redis) => (await redis.getdel(k('held', user))) ?? undefined, () => memory.takeHeld(user)),
  };
}
