// Scoring one answer against a QA item: normalisation, correctness, F1, retrieval rank, citation checks.
import { foldForMatch } from '../ingest/index.js';

/** Normalises for comparison: whitespace removed, full→half width, Traditional→Simplified, lower case. */
export function normalizeAnswer(text: string): string {
  return foldForMatch(text).replace(/\s+/g, '');
}

/** An acceptable answer is in the response; a "、"-separated list needs every item, in any order. */
export function answerMatches(response: string, acceptable: string): boolean {
  const r = normalizeAnswer(response);
  const parts = acceptable.split('、').map(normalizeAnswer).filter(Boolean);
  return parts.length > 0 && parts.every((p) => r.includes(p));
}

/** The normalised response contains the normalised string (no list splitting). */
export function containsAnswer(response: string, expected: string): boolean {
  const e = normalizeAnswer(expected);
  return e.length > 0 && normalizeAnswer(response).includes(e);
}

/** Character-level F1 of a response against one reference (after normalisation). */
export function charF1(response: string, reference: string): number {
  const a = [...normalizeAnswer(response)];
  const b = [...normalizeAnswer(reference)];
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of b) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of a) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      common++;
      counts.set(c, n - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / a.length;
  const r = common / b.length;
  return (2 * p * r) / (p + r);
}

const strip = (s: string) => s.replace(/\s+/g, '');

/** 1-based rank of the first passage containing an evidence string (whitespace ignored), or null. */
export function evidenceRank(passages: string[], evidence: string[]): number | null {
  const ev = evidence.map(strip).filter(Boolean);
  const i = passages.findIndex((p) => ev.some((e) => strip(p).includes(e)));
  return i < 0 ? null : i + 1;
}

/** Length of the longest common substring of two strings. */
export function longestCommon(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) best = Math.max(best, (row[j] = prev[j - 1]! + 1));
    }
    prev = row;
  }
  return best;
}

/** A snippet overlaps an evidence string when they share min(8, evidence length) consecutive characters. */
export function overlapsEvidence(snippet: string, evidence: string[]): boolean {
  const s = strip(snippet);
  return evidence.map(strip).some((e) => e.length > 0 && longestCommon(s, e) >= Math.min(8, e.length));
}

/** Cited snippets support the answer when one contains an acceptable answer or an evidence string. */
export function citationsSupport(snippets: string[], answers: string[], evidence: string[]): boolean {
  return snippets.some((s) => answers.some((a) => answerMatches(s, a)) || evidence.some((e) => strip(s).includes(strip(e))));
}

/** The answer without its citation markers [n], trimmed. */
export function stripMarkers(answer: string): string {
  return answer.replace(/\[\d+\]/g, '').trim();
}

/** Length of the answer in characters (code points), citation markers [n] not counted. */
export function answerChars(answer: string): number {
  return [...stripMarkers(answer)].length;
}

/**
 * The first sentence of an answer (markers removed): up to and including the first 。！？!?, line break, or a
 * full stop followed by a space or the end ("3.5亿" does not end a sentence; "；" ends a clause, not a sentence).
 */
export function firstSentence(answer: string): string {
  const text = stripMarkers(answer);
  const end = /[。！？!?\n]|\.(?=\s|$)/.exec(text);
  return end ? text.slice(0, end.index + 1).trim() : text;
}

/** The p-th percentile (0..100) of values by nearest rank; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
