// Shapes of an answer and its citations: what the CLI, server, WeChat bot and eval consume.
import { z } from 'zod';

export const citationSchema = z.object({
  /** Marker number used in the answer text as [n]. */
  n: z.number().int().min(1),
  chunkId: z.string(),
  title: z.string(),
  town: z.string(),
  /** Verbatim text from the article that the answer rests on. */
  snippet: z.string(),
  source: z.string(),
  /** 1-based source line where the snippet starts. */
  line: z.number().int().min(1),
  /** The article's byline (author) and the page heading it was printed under, for readers; "" when none. */
  author: z.string().optional(),
  section: z.string().optional(),
  /** 1-based page where the snippet starts, for paged documents (PDF); absent otherwise. */
  page: z.number().int().min(1).optional(),
});
export type Citation = z.infer<typeof citationSchema>;

export const retrievedSchema = z.object({
  chunkId: z.string(),
  title: z.string(),
  town: z.string(),
  text: z.string(),
  /** Fused relevance (higher is better) and its parts. */
  score: z.number(),
  dense: z.number().nullable(),
  bm25: z.number().nullable(),
});
export type Retrieved = z.infer<typeof retrievedSchema>;

export const factUsedSchema = z.object({
  n: z.number().int().min(1),
  kind: z.string(),
  /** The fact as printed ("85万头", "2007年", "“中国蜜蜂之乡”"). */
  text: z.string(),
  /** Normalised value (base unit, or year), null for names. */
  value: z.number().nullable(),
  unit: z.string(),
  /** The attribute words before it in its clause. */
  attribute: z.string(),
  /** The chunk it was found in. */
  chunkId: z.string(),
});
export type FactUsed = z.infer<typeof factUsedSchema>;

export const answerResultSchema = z.object({
  question: z.string(),
  answer: z.string(),
  refused: z.boolean(),
  /** "extractive" (offline) or "llm". */
  mode: z.enum(['extractive', 'llm']),
  citations: z.array(citationSchema),
  retrieved: z.array(retrievedSchema),
  /** What the question asked for (lookup, list, count, compare, superlative, difference, yesno, reason, author). */
  operation: z.string().optional(),
  /** The typed facts the answer rests on, each with the number of its citation. */
  facts: z.array(factUsedSchema).optional(),
  /** For a near miss (refused: the asked detail is not stated): the related facts the articles do state. */
  related: z.array(z.string()).optional(),
  /** True for a reply to a greeting, thanks or a request for help (not a refusal, nothing retrieved). */
  smallTalk: z.boolean().optional(),
  /** Suggested next questions about the towns the answer touched. */
  followUps: z.array(z.string()).optional(),
});
export type AnswerResult = z.infer<typeof answerResultSchema>;

/** One earlier turn of a conversation. */
export type Turn = { role: 'user' | 'assistant'; content: string };
