// WeChat's 5-second rule: one computation per message key shared by all retries, a passive reply
// within budget, then either the retry window (passive-only accounts) or an API push.
import { WechatApiError } from './errors.js';
import type { ChannelLog } from './log.js';
import { errorKind } from './log.js';
import { ReplyCache } from './reply-cache.js';
import { FAILURE_TEXT, HOLDING_TEXT, heldAnswerText } from './texts.js';

/** Deliveries of one message the platform makes before giving up (the reference: three in total). */
export const MAX_DELIVERIES = 3;
const MESSAGE_TTL_MS = 5 * 60_000;
const HELD_TTL_MS = 30 * 60_000;
const MAX_ENTRIES = 10_000;

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

/** What one message gets, decided once and repeated to every later delivery. */
type Decision = { kind: 'text'; text: string } | { kind: 'pushed' };

interface MessageState {
  user: string;
  /** The reply text; never rejects. */
  reply: Promise<string>;
  /** What to hold for the user's next message when the reply cannot be delivered. */
  holdable: Promise<string>;
  deliveries: number;
  decision?: Decision;
}

/** Resolves with the value of `task` if it settles within `ms` (and before `signal` aborts), else undefined. */
function settleWithin(task: Promise<string>, ms: number, signal?: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    const finish = (value: string | undefined) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(undefined);
    const timer = setTimeout(finish, ms, undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) finish(undefined);
    void task.then(finish);
  });
}

/**
 * Creates the scheduler of one channel. `reply(delivery)` resolves with the passive reply text, or
 * undefined for "no reply" (the channel answers `success`/empty). Without `push`, a slow answer keeps
 * early deliveries open and silent (any reply would stop WeChat's retries), is answered on whichever
 * delivery is open when ready, and on the last delivery becomes a holding text, with the answer held
 * for the user's next message. With `push`, a slow answer is acknowledged and pushed when ready (held
 * instead if the push fails).
 */
export function createReplyScheduler(options: {
  replyBudgetMs: number;
  push?: (user: string, text: string) => Promise<void>;
  now: () => number;
  log: ChannelLog;
}): { reply: (delivery: Delivery) => Promise<string | undefined> } {
  const { replyBudgetMs, push, now, log } = options;
  const messages = new ReplyCache<MessageState>({ ttlMs: MESSAGE_TTL_MS, maxEntries: MAX_ENTRIES, now });
  const held = new ReplyCache<Promise<string>>({ ttlMs: HELD_TTL_MS, maxEntries: MAX_ENTRIES, now });
  // Safety bound for a silent delivery whose connection never reports closing.
  const silentCapMs = 3 * replyBudgetMs;

  function start(delivery: Delivery): MessageState {
    const earlier = held.get(delivery.user);
    if (earlier) {
      held.delete(delivery.user);
      return { user: delivery.user, reply: earlier.then(heldAnswerText), holdable: earlier, deliveries: 0 };
    }
    const reply = delivery.produce().catch((err: unknown) => {
      log('error', 'answer_failed', { error: errorKind(err) });
      return FAILURE_TEXT;
    });
    return { user: delivery.user, reply, holdable: reply, deliveries: 0 };
  }

  function decide(state: MessageState, decision: Decision): string | undefined {
    state.decision ??= decision;
    return state.decision.kind === 'text' ? state.decision.text : undefined;
  }

  function holdText(state: MessageState): string | undefined {
    held.set(state.user, state.holdable);
    log('info', 'answer_held');
    return decide(state, { kind: 'text', text: HOLDING_TEXT });
  }

  function pushWhenReady(state: MessageState, send: (user: string, text: string) => Promise<void>): void {
    state.reply
      .then((text) => send(state.user, text))
      .then(
        () => log('info', 'answer_pushed'),
        (err: unknown) => {
          const errcode = err instanceof WechatApiError ? err.errcode : -1;
          log('warn', 'push_failed', { error: errorKind(err), errcode });
          held.set(state.user, state.holdable);
        },
      );
  }

  async function reply(delivery: Delivery): Promise<string | undefined> {
    let state = messages.get(delivery.key);
    if (!state) {
      state = start(delivery);
      messages.set(delivery.key, state);
    }
    const attempt = ++state.deliveries;
    if (state.decision) return decide(state, state.decision);
    const ready = await settleWithin(state.reply, replyBudgetMs);
    if (state.decision) return decide(state, state.decision);
    if (ready !== undefined) return decide(state, { kind: 'text', text: ready });
    if (push) {
      decide(state, { kind: 'pushed' });
      pushWhenReady(state, push);
      return undefined;
    }
    if (attempt < MAX_DELIVERIES) {
      const late = await settleWithin(state.reply, silentCapMs, delivery.signal);
      if (state.decision) return decide(state, state.decision);
      if (late !== undefined) return decide(state, { kind: 'text', text: late });
      // Connection gone: WeChat retries; nothing is decided, nobody reads this.
      if (delivery.signal.aborted) return undefined;
    }
    return holdText(state);
  }

  return { reply };
}
