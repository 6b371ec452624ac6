// WeChat's 5-second rule: one computation per message key shared by all retries (in this process or,
// through a shared ReplyStore, in all processes), a passive reply within budget, then either the
// retry window (passive-only accounts) or an API push.
import { WechatApiError } from './errors.js';
import type { ChannelLog } from './log.js';
import { errorKind } from './log.js';
import { createMemoryReplyStore, type Computed, type Decision, type ReplyStore } from './reply-store.js';
import { FAILURE_TEXT, HOLDING_TEXT, heldAnswerText } from './texts.js';

/** Deliveries of one message the platform makes before giving up (the reference: three in total). */
export const MAX_DELIVERIES = 3;
/** Longest wait for a reply computed elsewhere before a push (or a held answer) is given up. */
const COMPUTE_WAIT_MS = 2 * 60_000;

/** One HTTP delivery of a message (the first or a retry). */
export interface Delivery {
  /** De-duplication key: MsgId, or sender + CreateTime for messages without one. */
  key: string;
  /** Sender (OpenID or WeCom UserID): pushes and held answers go to them. */
  user: string;
  /** Computes the reply text; called at most once per key, on first sight. */
  produce: () => Promise<string>;
  /** Aborted when the platform drops this delivery's connection. */
  signal: AbortSignal;
}

const textOf = (decision: Decision): string | undefined => (decision.kind === 'text' ? decision.text : undefined);

/**
 * Creates the scheduler of one channel. `reply(delivery)` resolves with the passive reply text, or
 * undefined for "no reply" (the channel answers `success`/empty). Without `push`, a slow answer keeps
 * early deliveries open and silent (any reply would stop WeChat's retries), is answered on whichever
 * delivery is open when ready, and on the last delivery becomes a holding text, with the answer held
 * for the user's next message. With `push`, a slow answer is acknowledged and pushed (once) when ready
 * (held instead if the push fails). `store` defaults to this process's memory.
 */
export function createReplyScheduler(options: {
  replyBudgetMs: number;
  push?: (user: string, text: string) => Promise<void>;
  now: () => number;
  log: ChannelLog;
  store?: ReplyStore;
}): { reply: (delivery: Delivery) => Promise<string | undefined> } {
  const { replyBudgetMs, push, log } = options;
  const store = options.store ?? createMemoryReplyStore(options.now);
  // Safety bound for a silent delivery whose connection never reports closing.
  const silentCapMs = 3 * replyBudgetMs;

  /** Runs on the one delivery that saw the message first: the held answer of the user, else a new answer. */
  async function compute(delivery: Delivery): Promise<void> {
    let computed: Computed | undefined;
    const heldKey = await store.takeHeld(delivery.user);
    if (heldKey !== undefined) {
      const earlier = await store.waitFor(heldKey, COMPUTE_WAIT_MS);
      if (earlier) computed = { reply: heldAnswerText(earlier.holdable), holdable: earlier.holdable };
    }
    if (!computed) {
      const text = await delivery.produce().catch((err: unknown) => {
        log('error', 'answer_failed', { error: errorKind(err) });
        return FAILURE_TEXT;
      });
      computed = { reply: text, holdable: text };
    }
    await store.publish(delivery.key, computed);
  }

  async function holdText(delivery: Delivery): Promise<string | undefined> {
    const { decision, won } = await store.decide(delivery.key, { kind: 'text', text: HOLDING_TEXT });
    if (won) {
      await store.hold(delivery.user, delivery.key);
      log('info', 'answer_held');
    }
    return textOf(decision);
  }

  async function pushWhenReady(delivery: Delivery, send: (user: string, text: string) => Promise<void>): Promise<void> {
    try {
      const computed = await store.waitFor(delivery.key, COMPUTE_WAIT_MS);
      if (!computed) throw new WechatApiError(-1, 'the answer never arrived');
      await send(delivery.user, computed.reply);
      log('info', 'answer_pushed');
    } catch (err) {
      const errcode = err instanceof WechatApiError ? err.errcode : -1;
      log('warn', 'push_failed', { error: errorKind(err), errcode });
      await store.hold(delivery.user, delivery.key);
    }
  }

  async function reply(delivery: Delivery): Promise<string | undefined> {
    const { key } = delivery;
    const { first, attempt } = await store.arrive(key);
    if (first) void compute(delivery).catch((err: unknown) => log('error', 'answer_failed', { error: errorKind(err) }));
    const earlier = await store.decision(key);
    if (earlier) return textOf(earlier);
    const ready = await store.waitFor(key, replyBudgetMs);
    if (ready) return textOf((await store.decide(key, { kind: 'text', text: ready.reply })).decision);
    if (push) {
      const { decision, won } = await store.decide(key, { kind: 'pushed' });
      if (won) void pushWhenReady(delivery, push);
      return textOf(decision);
    }
    if (attempt < MAX_DELIVERIES) {
      const late = await store.waitFor(key, silentCapMs, delivery.signal);
      const decided = await store.decision(key);
      if (decided) return textOf(decided);
      if (late) return textOf((await store.decide(key, { kind: 'text', text: late.reply })).decision);
      // Connection gone: WeChat retries; nothing is decided, nobody reads this.
      if (delivery.signal.aborted) return undefined;
    }
    return holdText(delivery);
  }

  return { reply };
}
