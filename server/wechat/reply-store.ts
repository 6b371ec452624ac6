// Where the reply scheduler keeps its state: per-message deliveries, replies and decisions, and
// per-user held answers. This file holds the interface and the in-process store.
import { ReplyCache } from './reply-cache.js';

/** Keep per-message state this long (WeChat retries for about 15 s; replays within the timestamp window). */
export const MESSAGE_TTL_MS = 5 * 60_000;
/** Keep a held answer (and the reply it points at) this long. */
export const HELD_TTL_MS = 30 * 60_000;
const MAX_ENTRIES = 10_000;

/** What one message gets, decided once and repeated to every later delivery. */
export type Decision = { kind: 'text'; text: string } | { kind: 'pushed' };

/** The computed reply of a message: the text to send, and the answer to hold if it cannot be sent. */
export interface Computed {
  reply: string;
  holdable: string;
}

/** Per-message and per-user scheduler state: in this process, or shared by all processes (Redis). */
export interface ReplyStore {
  /** Counts one delivery of `key`; `first` is true for exactly one delivery of it (that one computes). */
  arrive(key: string): Promise<{ first: boolean; attempt: number }>;
  /** Records the computed reply of `key` and wakes its waiters. */
  publish(key: string, computed: Computed): Promise<void>;
  /** The computed reply of `key`, waiting up to `ms` for it (undefined on timeout or when `signal` aborts). */
  waitFor(key: string, ms: number, signal?: AbortSignal): Promise<Computed | undefined>;
  /** Records `decision` unless `key` has one; returns the decision that holds and whether it was this one. */
  decide(key: string, decision: Decision): Promise<{ decision: Decision; won: boolean }>;
  /** The decision of `key`, if one was made. */
  decision(key: string): Promise<Decision | undefined>;
  /** Holds the reply of message `key` for `user`'s next message. */
  hold(user: string, key: string): Promise<void>;
  /** Takes (removes and returns) the message key held for `user`. */
  takeHeld(user: string): Promise<string | undefined>;
}

interface MessageEntry {
  deliveries: number;
  computed?: Computed;
  decision?: Decision;
  waiters: Set<(computed: Computed) => void>;
}

/** Resolves with what `subscribe` delivers within `ms` (and before `signal` aborts), else undefined. */
export function waitWithin<T>(ms: number, signal: AbortSignal | undefined, subscribe: (deliver: (value: T) => void) => () => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    const finish = (value: T | undefined) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      unsubscribe();
      resolve(value);
    };
    const onAbort = () => finish(undefined);
    const timer = setTimeout(finish, ms, undefined);
    const unsubscribe = subscribe(finish);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) finish(undefined);
  });
}

/** The in-process store (one server process, or the fallback while Redis is away). `peek` reads without waiting. */
export function createMemoryReplyStore(now: () => number): ReplyStore & { peek: (key: string) => Computed | undefined } {
  const messages = new ReplyCache<MessageEntry>({ ttlMs: HELD_TTL_MS, maxEntries: MAX_ENTRIES, now });
  const held = new ReplyCache<string>({ ttlMs: HELD_TTL_MS, maxEntries: MAX_ENTRIES, now });
  const entry = (key: string): MessageEntry => {
    let e = messages.get(key);
    if (!e) {
      e = { deliveries: 0, waiters: new Set() };
      messages.set(key, e);
    }
    return e;
  };
  return {
    async arrive(key) {
      const e = entry(key);
      e.deliveries += 1;
      return { first: e.deliveries === 1, attempt: e.deliveries };
    },
    async publish(key, computed) {
      const e = entry(key);
      e.computed = computed;
      for (const wake of e.waiters) wake(computed);
    },
    peek: (key) => messages.get(key)?.computed,
    waitFor(key, ms, signal) {
      const e = entry(key);
      if (e.computed) return Promise.resolve(e.computed);
      return waitWithin<Computed>(ms, signal, (deliver) => {
        e.waiters.add(deliver);
        return () => e.waiters.delete(deliver);
      });
    },
    async decide(key, decision) {
      const e = entry(key);
      const won = e.decision === undefined;
      e.decision ??= decision;
      return { decision: e.decision, won };
    },
    async decision(key) {
      return messages.get(key)?.decision;
    },
    async hold(user, key) {
      held.set(user, key);
    },
    async takeHeld(user) {
      const key = held.get(user);
      if (key !== undefined) held.delete(user);
      return key;
    },
  };
}
