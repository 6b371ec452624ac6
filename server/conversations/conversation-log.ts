// The conversation log the server writes to: records answers off the request path, hashes user ids, keeps retention.
import { createHmac, randomBytes } from 'node:crypto';
import type { ServedAnswer } from '../../answer/index.js';
import type { Settings } from '../../config.js';
import type { Logger } from '../logger.js';
import { createPostgresStore } from './postgres-store.js';
import { createSqliteStore } from './sqlite-store.js';
import type { Channel, ConversationStore, Rating } from './types.js';

const RETENTION_SWEEP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** An answer just served, as the routes report it. `user` is a WeChat/WeCom sender id (hashed before storage). */
export type AnswerEvent = { id: string; channel: Channel; answer: ServedAnswer; latencyMs: number; user?: string };

export type ConversationLog = {
  readonly store: ConversationStore;
  /** Queues the answer for storage and returns at once; a failed write is logged, never thrown. */
  record(event: AnswerEvent): void;
  /** Stores feedback (after the answer's own write, if still queued); false for an unknown answer id. Rejects when the database fails. */
  feedback(input: { answerId: string; rating: Rating; comment: string | null }): Promise<boolean>;
  /** Resolves when every queued write has finished. */
  flush(): Promise<void>;
  /** Stops the retention sweep, finishes queued writes and closes the store. */
  close(): Promise<void>;
};

/** Salted hash of a platform user id (HMAC-SHA256, 32 hex characters); the channel is part of the input. */
export function hashUserId(salt: string, channel: Channel, userId: string): string {
  return createHmac('sha256', salt).update(`${channel}:${userId}`).digest('hex').slice(0, 32);
}

export type LogOptions = {
  store: ConversationStore;
  logger: Logger;
  /** Salt for user-id hashes; unset: the store's kept salt (one is generated on first need). */
  salt?: string;
  /** Answers older than this are deleted at start and hourly (0: never). */
  retentionDays: number;
  now?: () => Date;
};

/** Builds the log over a store; the retention sweep runs at once and then hourly (unref'd). */
export function createConversationLog({ store, logger, salt, retentionDays, now = () => new Date() }: LogOptions): ConversationLog {
  const pending = new Map<string, Promise<void>>();
  let kept: Promise<string> | null = null;
  const userSalt = () =>
    salt !== undefined
      ? Promise.resolve(salt)
      : (kept ??= store.keepSalt(randomBytes(24).toString('base64url')).catch((err: unknown) => {
          kept = null;
          throw err;
        }));

  async function write({ id, channel, answer, latencyMs, user }: AnswerEvent, at: Date): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve)); // after the response is on its way
    const userHash = user === undefined ? null : hashUserId(await userSalt(), channel, user);
    const { question, standalone, citations, refused, mode } = answer;
    const facts = [...new Set((answer.facts ?? []).map((f) => f.text))];
    await store.insert({ id, at: at.toISOString(), channel, userHash, question, standalone, answer: answer.answer, citations, facts, refused, mode, latencyMs: Math.round(latencyMs * 100) / 100 });
  }

  async function sweep(): Promise<void> {
    try {
      const deleted = await store.deleteBefore(new Date(now().getTime() - retentionDays * DAY_MS));
      if (deleted > 0) logger.info('conversation log: old answers deleted', { deleted, retentionDays });
    } catch (err) {
      logger.error('conversation log: retention sweep failed', { store: store.name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  const timer = retentionDays > 0 ? setInterval(() => void sweep(), RETENTION_SWEEP_MS).unref() : null;
  if (retentionDays > 0) void sweep();

  return {
    store,
    record(event) {
      const done = write(event, now())
        .catch((err: unknown) => logger.error('conversation log: write failed', { answerId: event.id, store: store.name, error: err instanceof Error ? err.message : String(err) }))
        .finally(() => pending.delete(event.id));
      pending.set(event.id, done);
    },
    async feedback({ answerId, rating, comment }) {
      await pending.get(answerId);
      return store.setFeedback({ answerId, rating, comment, at: now() });
    },
    async flush() {
      await Promise.all(pending.values());
    },
    async close() {
      if (timer) clearInterval(timer);
      await Promise.all(pending.values());
      await store.close();
    },
  };
}

/** The store the settings name: PostgreSQL with DATABASE_URL, else the SQLite file CONVERSATION_DB. */
export function openConversationStore(settings: Pick<Settings, 'DATABASE_URL' | 'CONVERSATION_DB'>): ConversationStore {
  return settings.DATABASE_URL ? createPostgresStore(settings.DATABASE_URL) : createSqliteStore(settings.CONVERSATION_DB);
}

/** The log the settings ask for: off (null) with LOG_CONVERSATIONS=0, else over openConversationStore. */
export function openConversationLog(settings: Settings, logger: Logger): ConversationLog | null {
  if (!settings.LOG_CONVERSATIONS) return null;
  return createConversationLog({ store: openConversationStore(settings), logger, salt: settings.USER_ID_SALT, retentionDays: settings.LOG_RETENTION_DAYS });
}
