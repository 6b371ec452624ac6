// Scores answered QA items and aggregates them into the report's summary, per type, per town and per split.
import type { AnswerResult } from '../answer/index.js';
import { answerChars, answerMatches, charF1, citationsSupport, containsAnswer, evidenceRank, firstSentence, overlapsEvidence, percentile } from './metrics.js';
import { expectsRefusal, type QaItem, type Split } from './qa-set.js';

/**
 * What eval reads from an answer: the result's core fields, plus the optional typed-answer fields
 * (operation, facts, related) when the answerer provides them; their shape is carried through as is.
 */
export type EvalAnswer = Pick<AnswerResult, 'answer' | 'refused' | 'citations' | 'retrieved'> & {
  operation?: string;
  facts?: readonly unknown[];
  related?: unknown;
};

export type ItemResult = {
  id: string;
  question: string;
  type: string;
  town: string | string[] | null;
  split: Split;
  expected: string[];
  /** Strings that all had to appear (lists, compared figures), when the item has them. */
  expected_all?: string[];
  answer: string;
  refused: boolean;
  correct: boolean;
  f1: number;
  /** Answer length in characters without citation markers. */
  answer_chars: number;
  /** Answerable items: the first sentence alone is correct; null for items expecting a refusal. */
  short_match: boolean | null;
  /** near_miss items with `related`: refused and showing a related fact; otherwise null. */
  related_shown: boolean | null;
  citations: { n: number; title: string; snippet: string }[];
  retrieved: { chunkId: string; title: string; text: string }[];
  hit_rank: number | null;
  latency_ms: number;
  /** The item expects a refusal (unanswerable, out of scope, near miss, or no acceptable answers). */
  refusal_expected: boolean;
  /** The answerer's operation, facts and related facts, when it reports them. */
  operation?: string;
  facts?: readonly unknown[];
  related?: unknown;
  /** Internal flags kept for aggregation. */
  hasEvidence: boolean;
  supported: boolean | null;
  precise: number[];
};

export type Summary = {
  n: number;
  answer_accuracy: number | null;
  answer_f1: number | null;
  hit_at_k: number | null;
  mrr: number | null;
  citation_support: number | null;
  citation_precision: number | null;
  refusal_accuracy: number | null;
  /** Refusal accuracy on the questions whose answer the page does not state: unanswerable and near_miss. */
  refusal_accuracy_unanswerable_near_miss: number | null;
  near_miss_related_shown: number | null;
  false_refusal_rate: number | null;
  /** Answerable items whose first sentence alone is correct (a refusal counts as a miss). */
  short_answer_match: number | null;
  /** Median length in characters, markers excluded, of the answers given to answerable items. */
  answer_chars_p50: number | null;
  latency_ms: { p50: number; p95: number; max: number };
};

/** An answer is correct when it contains one acceptable answer and every string of the item's `all` list. */
export function answerCorrect(answer: string, item: Pick<QaItem, 'answers' | 'all'>): boolean {
  return item.answers.some((a) => answerMatches(answer, a)) && (item.all ?? []).every((a) => containsAnswer(answer, a));
}

/** A near miss shows its related facts when one expected related string is in the answer or its `related` field. */
function relatedShown(item: QaItem, result: EvalAnswer): boolean | null {
  if (item.type !== 'near_miss' || !item.related?.length) return null;
  const shown = result.answer + (result.related === undefined ? '' : JSON.stringify(result.related));
  return result.refused && item.related.some((r) => containsAnswer(shown, r));
}

/** Scores one item against the assistant's result and the time it took. */
export function scoreItem(item: QaItem, result: EvalAnswer, latencyMs: number, k: number): ItemResult {
  const refusal = expectsRefusal(item);
  const correct = refusal ? result.refused : !result.refused && answerCorrect(result.answer, item);
  const f1 = refusal || result.refused ? 0 : Math.max(0, ...item.answers.map((a) => charF1(result.answer, a)));
  const snippets = result.citations.map((c) => c.snippet);
  const answered = !refusal && !result.refused;
  return {
    id: item.id,
    question: item.question,
    type: item.type,
    town: item.town,
    split: item.split,
    expected: item.answers,
    ...(item.all ? { expected_all: item.all } : {}),
    answer: result.answer,
    refused: result.refused,
    correct,
    f1,
    answer_chars: answerChars(result.answer),
    short_match: refusal ? null : answered && answerCorrect(firstSentence(result.answer), item),
    related_shown: relatedShown(item, result),
    citations: result.citations.map((c) => ({ n: c.n, title: c.title, snippet: c.snippet })),
    retrieved: result.retrieved.map((r) => ({ chunkId: r.chunkId, title: r.title, text: r.text })),
    hit_rank: item.evidence.length ? evidenceRank(result.retrieved.slice(0, k).map((r) => r.text), item.evidence) : null,
    latency_ms: latencyMs,
    refusal_expected: refusal,
    ...(result.operation !== undefined ? { operation: result.operation } : {}),
    ...(result.facts !== undefined ? { facts: result.facts } : {}),
    ...(result.related !== undefined ? { related: result.related } : {}),
    hasEvidence: item.evidence.length > 0,
    supported: answered ? citationsSupport(snippets, item.answers, item.evidence) : null,
    precise: answered ? snippets.map((s) => (overlapsEvidence(s, item.evidence) ? 1 : 0)) : [],
  };
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 10000);
const rate = (flags: boolean[]): number | null => round(mean(flags.map((f) => (f ? 1 : 0))));

/** Aggregates item results (each result knows whether its item expects a refusal). */
export function summarize(results: ItemResult[]): Summary {
  const answerable = results.filter((r) => !r.refusal_expected);
  const refusals = results.filter((r) => r.refusal_expected);
  const notStated = refusals.filter((r) => r.type === 'unanswerable' || r.type === 'near_miss');
  const withEvidence = results.filter((r) => r.hasEvidence);
  const latencies = results.map((r) => r.latency_ms);
  const lengths = answerable.filter((r) => !r.refused).map((r) => r.answer_chars);
  return {
    n: results.length,
    answer_accuracy: rate(answerable.map((r) => r.correct)),
    answer_f1: round(mean(answerable.map((r) => r.f1))),
    hit_at_k: rate(withEvidence.map((r) => r.hit_rank !== null)),
    mrr: round(mean(withEvidence.map((r) => (r.hit_rank ? 1 / r.hit_rank : 0)))),
    citation_support: rate(answerable.filter((r) => r.supported !== null).map((r) => r.supported === true)),
    citation_precision: round(mean(answerable.flatMap((r) => r.precise))),
    refusal_accuracy: rate(refusals.map((r) => r.refused)),
    refusal_accuracy_unanswerable_near_miss: rate(notStated.map((r) => r.refused)),
    near_miss_related_shown: rate(results.filter((r) => r.related_shown !== null).map((r) => r.related_shown === true)),
    false_refusal_rate: rate(answerable.map((r) => r.refused)),
    short_answer_match: rate(answerable.map((r) => r.short_match === true)),
    answer_chars_p50: lengths.length ? percentile(lengths, 50) : null,
    latency_ms: {
      p50: round(percentile(latencies, 50))!,
      p95: round(percentile(latencies, 95))!,
      max: round(percentile(latencies, 100))!,
    },
  };
}

/** Groups results by a key (an item may fall in several groups, e.g. two towns) and summarises each. */
export function summarizeBy(results: ItemResult[], keys: (r: ItemResult) => string[]): Record<string, Summary> {
  const groups = new Map<string, ItemResult[]>();
  for (const r of results) for (const key of keys(r)) groups.set(key, [...(groups.get(key) ?? []), r]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, rs]) => [key, summarize(rs)]));
}

/** The town keys of an item: each named town, or "(none)". */
export function townKeys(r: ItemResult): string[] {
  if (r.town === null) return ['(none)'];
  return Array.isArray(r.town) ? r.town : [r.town];
}
