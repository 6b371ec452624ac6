// SQL both stores share: the list query's WHERE clause from a filter, and a database row read back into a log entry.
import { loggedAnswerSchema, RATINGS, type LogEntry, type LogFilter } from './types.js';
import { z } from 'zod';

/** How a dialect writes a parameter placeholder ($1 or ?) and binds booleans and times. */
export type Dialect = {
  placeholder: (n: number) => string;
  bool: (b: boolean) => unknown;
  time: (d: Date) => unknown;
};

/** SELECT list and FROM of the entry queries (answer columns, then its feedback's). */
export const ENTRY_COLUMNS =
  'c.id, c.at, c.channel, c.user_hash, c.question, c.standalone, c.answer, c.citations, c.facts, c.refused, c.mode, c.latency_ms, f.rating, f.comment, f.at AS feedback_at';
export const ENTRY_FROM = 'conversations c LEFT JOIN feedback f ON f.answer_id = c.id';

/** The WHERE clause (empty when nothing is filtered) and its parameters, numbered from 1. */
export function filterClause(filter: Omit<LogFilter, 'limit' | 'offset'>, d: Dialect): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(d.placeholder(params.length)));
  };
  if (filter.refused !== undefined) add((p) => `c.refused = ${p}`, d.bool(filter.refused));
  if (filter.rating !== undefined) add((p) => `f.rating = ${p}`, filter.rating);
  if (filter.channel !== undefined) add((p) => `c.channel = ${p}`, filter.channel);
  if (filter.from !== undefined) add((p) => `c.at >= ${p}`, d.time(filter.from));
  if (filter.to !== undefined) add((p) => `c.at <= ${p}`, d.time(filter.to));
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const iso = z.union([z.date(), z.string()]).transform((v) => (typeof v === 'string' ? new Date(v) : v).toISOString());

/** A JSON array column: text in SQLite, already parsed (jsonb) in PostgreSQL. */
const jsonArray = z.union([z.string().transform((s) => JSON.parse(s) as unknown), z.array(z.unknown())]);

const rowSchema = z.object({
  id: z.string(),
  at: iso,
  channel: z.string(),
  user_hash: z.string().nullable(),
  question: z.string(),
  standalone: z.string(),
  answer: z.string(),
  citations: jsonArray,
  facts: jsonArray,
  refused: z.union([z.boolean(), z.number().transform((n) => n !== 0)]),
  mode: z.string(),
  latency_ms: z.number(),
  rating: z.enum(RATINGS).nullable(),
  comment: z.string().nullable(),
  feedback_at: iso.nullable(),
});

/** Reads one row of ENTRY_COLUMNS back into a validated entry; throws (zod) on a row the log never wrote. */
export function rowToEntry(row: unknown): LogEntry {
  const r = rowSchema.parse(row);
  const answer = loggedAnswerSchema.parse({
    id: r.id,
    at: r.at,
    channel: r.channel,
    userHash: r.user_hash,
    question: r.question,
    standalone: r.standalone,
    answer: r.answer,
    citations: r.citations,
    facts: r.facts,
    refused: r.refused,
    mode: r.mode,
    latencyMs: r.latency_ms,
  });
  const feedback = r.rating && r.feedback_at ? { rating: r.rating, comment: r.comment, at: r.feedback_at } : null;
  return { ...answer, feedback };
}
