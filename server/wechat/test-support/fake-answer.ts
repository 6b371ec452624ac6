// Test-only stand-in for the answer pipeline: a deterministic AnswerResult built from the question,
// after a chosen delay, with a record of every call.
import type { AnswerResult } from '../../../answer/types.js';

/** The fake pipeline and the questions it was asked, in order. */
export interface FakeAnswer {
  answer: (question: string) => Promise<AnswerResult>;
  calls: string[];
}

/** Answers after `delayMs` (or per question); a question containing "boom" rejects. */
export function createFakeAnswer(delayMs: number | ((question: string) => number)): FakeAnswer {
  const calls: string[] = [];
  const answer = async (question: string): Promise<AnswerResult> => {
    calls.push(question);
    await new Promise((r) => setTimeout(r, typeof delayMs === 'number' ? delayMs : delayMs(question)));
    if (question.includes('boom')) throw new Error(`pipeline failed on ${question}`);
    return fakeResult(question);
  };
  return { answer, calls };
}

/** The AnswerResult the fake returns for `question`. */
export function fakeResult(question: string): AnswerResult {
  return {
    question,
    answer: `关于「${question}」：据报道，当地特色产业发展良好[1]。`,
    refused: false,
    mode: 'extractive',
    citations: [
      {
        n: 1,
        chunkId: 'zezhou-1#0',
        title: '泽州山楂红酒小镇',
        town: '泽州',
        snippet: `报道原文：${question}`,
        source: 'data/articles/zezhou.md',
        line: 3,
      },
    ],
    retrieved: [],
  };
}
