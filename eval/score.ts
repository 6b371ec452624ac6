// Scores answered QA items and aggregates them into the report's summary, per type and per town.
import type { AnswerResult } from '../answer/index.js';
import { answerMatches, charF1, containsAnswer, citationsSupport, evidenceRank, overlapsEvidence, percentile } from './metrics.js';
import { expectsRefusal, type QaItem } from './qa-set.js';

export type ItemResult = {
  id: string;
  question: string;
  type: string;
  town: string | string[] | null;
  expected: string[];
  answer: string;
  refused: boolean;
  correct: boolean;
  f1: number;
  citations: { n: number; title: string; snippet: string }[];
  retrieved: { chunkId: string; title: string; text: string }[];
  hit_rank: number | null;
  latency_ms: number;
  /** The item expects a refusal (unanswerable, out of scope, or no acceptable answers). */
  refusal_expected: boolean;
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
  false_refusal_rate: number | null;
  latency_ms: { p50: number; p95: number; max: number };
};

/** An answer is correct when it contains one acceptable answer and every string of the item's `all` list. */
export function answerCorrect(answer: string, item: Pick<QaItem, 'answers' | 'all'>): boolean {
  return item.answers.some((a) => answerMatches(answer, a)) && (item.all ?? []).every((a) => containsAnswer(answer, a));
}

/** Scores one item against the assistant's result and the time it took. */
export function scoreItem(item: QaItem, result: Pick<AnswerResult, 'answer' | 'refused' | 'citations' | 'retrieved'>, latencyMs: number, k: number): ItemResult {
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
    expected: item.answers,
    answer: result.answer,
    refused: result.refused,
    correct,
    f1,
    citations: result.citations.map((c) => ({ n: c.n, title: c.title, snippet: c.snippet })),
    retrieved: result.retrieved.map((r) => ({ chunkId: r.chunkId, title: r.title, text: r.text })),
    hit_rank: item.evidence.length ? evidenceRank(result.retrieved.slice(0, k).map((r) => r.text), item.evidence) : null,
    latency_ms: latencyMs,
    refusal_expected: refusal,
    hasEvidence: item.evidence.length > 0,
    supported: answered ? citationsSupport(snippets, item.answers, item.evidence) : null,
    precise: answered ? snippets.map((s) => (overlapsEvidence(s, item.evidence) ? 1 : 0)) : [],
  };
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 10000);

/** Aggregates item results (each result knows whether its item expects a refusal). */
export function summarize(results: ItemResult[]): Summary {
  const answerable = results.filter((r) => !r.refusal_expected);
  const refusals = results.filter((r) => r.refusal_expected);
  const withEvidence = results.filter((r) => r.hasEvidence);
  const latencies = results.map((r) => r.latency_ms);
  return {
    n: results.length,
    answer_accuracy: round(mean(answerable.map((r) => (r.correct ? 1 : 0)))),
    answer_f1: round(mean(answerable.map((r) => r.f1))),
    hit_at_k: round(mean(withEvidence.map((r) => (r.hit_rank ? 1 : 0)))),
    mrr: round(mean(withEvidence.map((r) => (r.hit_rank ? 1 / r.hit_rank : 0)))),
    citation_support: round(mean(answerable.filter((r) => r.supported !== null).map((r) => (r.supported ? 1 : 0)))),
    citation_precision: round(mean(answerable.flatMap((r) => r.precise))),
    refusal_accuracy: round(mean(refusals.map((r) => (r.refused ? 1 : 0)))),
    false_refusal_rate: round(mean(answerable.map((r) => (r.refused ? 1 : 0)))),
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
