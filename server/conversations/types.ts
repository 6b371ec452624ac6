// Shapes of the conversation log: one logged answer, its feedback, the list filter, and the storage interface.
import { z } from 'zod';
import { citationSchema } from '../../answer/index.js';

/** Where a question came in: the widget (a browser page), the JSON API, the OpenAI-style /v1 API, or a WeChat channel. */
export const CHANNELS = ['widget', 'api', 'v1', 'wechat', 'wecom'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RATINGS = ['up', 'down'] as const;
export type Rating = (typeof RATINGS)[number];

/** One answer as the log keeps it. `userHash` is a salted hash (WeChat/WeCom senders only), never a raw id. */
export const loggedAnswerSchema = z.object({
  id: z.string().min(1),
  at: z.string(),
  channel: z.enum(CHANNELS),
  userHash: z.string().nullable(),
  question: z.string(),
  standalone: z.string(),
  answer: z.string(),
  citations: z.array(citationSchema),
  /** The typed facts the answer rests on, as printed ("167.7万公斤"); empty when it rests on none. */
  facts: z.array(z.string()),
  refused: z.boolean(),
  mode: z.enum(['extractive', 'llm']),
  latencyMs: z.number(),
});
export type LoggedAnswer = z.infer<typeof loggedAnswerSchema>;

export type Feedback = { rating: Rating; comment: string | null; at: string };
export type FeedbackInput = { answerId: string; rating: Rating; comment: string | null; at: Date };

/** A logged answer with the feedback given on it, if any. */
export type LogEntry = LoggedAnswer & { feedback: Feedback | null };

/** Which entries to list; dates are inclusive bounds on the answer time. Newest first. */
export type LogFilter = {
  refused?: boolean;
  rating?: Rating;
  channel?: Channel;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

/**
 * Storage of the conversation log, one implementation per database (SQLite, PostgreSQL), both
 * passing the same suite (test-support/conversation-store-suite.ts). Every method may reject when
 * the database is unreachable; the tables are created on first use.
 */
export interface ConversationStore {
  /** Which database this is, for logs ("sqlite:var/conversations.db", "postgres"). */
  readonly name: string;
  /** Adds an answer; an id already logged is an error. */
  insert(entry: LoggedAnswer): Promise<void>;
  /** Sets (or replaces) the feedback on an answer; false when no answer has that id. */
  setFeedback(input: FeedbackInput): Promise<boolean>;
  /** One logged answer with its feedback, or null. */
  get(id: string): Promise<LogEntry | null>;
  /** A page of entries matching the filter (newest first) and how many match in all. */
  list(filter: LogFilter): Promise<{ total: number; entries: LogEntry[] }>;
  /** Deletes answers (and their feedback) logged before `cutoff`; resolves with how many. */
  deleteBefore(cutoff: Date): Promise<number>;
  /** The kept salt for user-id hashes: the stored one, or `candidate` stored now when there is none. */
  keepSalt(candidate: string): Promise<string>;
  close(): Promise<void>;
}
