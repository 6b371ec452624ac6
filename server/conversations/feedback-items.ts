// Feedback turned into work items: 👍 answers as QA items in the eval's format, 👎 answers as review items.
import type { ConversationStore, LogEntry, LogFilter, Rating } from './types.js';

/** A QA item as eval/qa-set.ts reads it (eval validates it with its own schema before writing). */
export type FeedbackQaItem = { id: string; question: string; answers: string[]; evidence: string[]; town: string | string[] | null; type: string };

/** A 👎 answer for a person to look at: what was asked, answered and cited, and what the user said. */
export type ReviewItem = {
  id: string;
  answerId: string;
  at: string;
  channel: string;
  question: string;
  standalone: string;
  answer: string;
  refused: boolean;
  citations: { n: number; title: string; snippet: string; source: string; line: number }[];
  comment: string | null;
  ratedAt: string;
};

const MARKER = /\[\d+\]/g;
const PAGE = 500;

/**
 * The facts a 👍 vouches for: the answer's pieces between its [n] source markers, joined with "、"
 * (the eval's "every part, in any order" separator), so a re-asked answer matches with or without markers.
 */
export function answerFact(answer: string): string {
  return answer
    .split(MARKER)
    .map((part) => part.trim())
    .filter(Boolean)
    .join('、');
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/**
 * A 👍 answer as a QA item: the standalone question (it needs no history), the answer's facts (the
 * typed facts it rests on, every one required; else its cited pieces), the cited snippets as evidence,
 * their towns. A 👍 on a refusal becomes an item expecting a refusal.
 */
export function toQaItem(e: LogEntry): FeedbackQaItem {
  const towns = unique(e.citations.map((c) => c.town).filter(Boolean));
  const id = `fb-${e.id}`;
  if (e.refused) return { id, question: e.standalone, answers: [], evidence: [], town: null, type: 'unanswerable' };
  return {
    id,
    question: e.standalone,
    answers: [e.facts.length ? e.facts.join('、') : answerFact(e.answer)],
    evidence: unique(e.citations.map((c) => c.snippet)),
    town: towns.length === 0 ? null : towns.length === 1 ? towns[0]! : towns,
    type: 'feedback',
  };
}

/** A 👎 answer as a review item (the comment says what was wrong, when the user gave one). */
export function toReviewItem(e: LogEntry): ReviewItem {
  return {
    id: `review-${e.id}`,
    answerId: e.id,
    at: e.at,
    channel: e.channel,
    question: e.question,
    standalone: e.standalone,
    answer: e.answer,
    refused: e.refused,
    citations: e.citations.map(({ n, title, snippet, source, line }) => ({ n, title, snippet, source, line })),
    comment: e.feedback?.comment ?? null,
    ratedAt: e.feedback?.at ?? e.at,
  };
}

/** Every entry matching a filter, newest first, read page by page up to a fixed end time. */
export async function allEntries(store: ConversationStore, filter: Omit<LogFilter, 'limit' | 'offset'>): Promise<LogEntry[]> {
  const fixed = { ...filter, to: filter.to ?? new Date() }; // answers logged meanwhile do not shift the pages
  const out: LogEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { entries } = await store.list({ ...fixed, limit: PAGE, offset });
    out.push(...entries);
    if (entries.length < PAGE) return out;
  }
}

const sameQuestion = (q: string) => q.replace(/\s+/g, '');

/** The QA items (newest 👍 per question kept) and review items from the log, optionally only answers since a date. */
export async function feedbackItems(store: ConversationStore, since?: Date): Promise<{ qa: FeedbackQaItem[]; review: ReviewItem[] }> {
  const rated = (rating: Rating) => allEntries(store, { rating, ...(since ? { from: since } : {}) });
  const [up, down] = await Promise.all([rated('up'), rated('down')]);
  const seen = new Set<string>();
  const qa = up.filter((e) => !seen.has(sameQuestion(e.standalone)) && seen.add(sameQuestion(e.standalone))).map(toQaItem);
  return { qa, review: down.map(toReviewItem) };
}

/** JSON Lines text: one object per line, with a final newline (empty for no items). */
export function toJsonl(items: object[]): string {
  return items.map((i) => `${JSON.stringify(i)}\n`).join('');
}
