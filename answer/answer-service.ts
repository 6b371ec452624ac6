// The one entry point the server, WeChat bot and eval use: condense, retrieve, compose (LLM or extractive), time.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Settings } from '../config.js';
import type { HybridSearcher, Pause, SearchHit } from '../index/index.js';
import { answerMessage, answerOptions, composeExtractive, REFUSAL_EN, REFUSAL_ZH, retrievalQuery, toRetrieved } from './answer-chain.js';
import { condenseQuestion } from './condense-question.js';
import { limitInlining } from './inlining-budget.js';
import { corpusGuide } from './corpus-guide.js';
import { withoutGreeting } from './small-talk.js';
import { answerWithLlm, condenseWithLlm } from './llm-answer.js';
import { isMostlyLatin } from './question-terms.js';
import type { AnswerResult, Turn } from './types.js';
import { warmUpQuestions } from './warm-up-questions.js';

/** `signal`: fires when the asker is gone (a client hung up); the LLM call is then cancelled and ask throws AnswerAbortedError. */
export type AskInput = { question: string; history?: Turn[]; k?: number; signal?: AbortSignal };
export type Timings = { condenseMs: number; retrieveMs: number; composeMs: number; totalMs: number };
/** An answer as served: the result, the standalone question it answered, timings, and any LLM fallback reason. */
export type ServedAnswer = AnswerResult & { standalone: string; timings: Timings; fallback: string | null };

export type AnswerService = {
  ask(input: AskInput): Promise<ServedAnswer>;
  /**
   * Checks every town's follow-ups, then answers the warm-up questions made from the index (every
   * operation, Traditional, full-width, English, small talk, a follow-up; see warmUpQuestions)
   * extractively, never through the LLM, so no user question pays for first compilation or a lazily
   * built table. Starts nothing new after WARM_UP_BUDGET_MS; yields to the event loop between
   * questions, or with `pause` (a live index swap warms up while serving, see slicePause) awaits it
   * between questions and between follow-up checks.
   */
  warmUp(pause?: Pause): Promise<void>;
  search(question: string, k: number): Promise<SearchHit[]>;
  readonly searcher: HybridSearcher;
  readonly llm: boolean;
};

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Longest the warm-up starts new work, in wall ms: the bundled corpus's whole warm-up takes a few
 * tenths of a second; at 100k chunks, where one town's follow-up checks take about a second, it
 * stops after the first towns (the rest are checked on first use, as without a warm-up).
 */
export const WARM_UP_BUDGET_MS = 2000;

/** The asker went away (its AbortSignal fired): the answer was abandoned and its LLM call cancelled. */
export class AnswerAbortedError extends Error {
  readonly code = 'client_closed_request';
  constructor() {
    super('the asker went away before the answer was ready');
  }
}

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AnswerAbortedError();
}

/** Builds the answer service over a searcher; with a chat model, answers go through the LLM mode. Sets the process's inlining budget (see limitInlining). */
export function createAnswerService(
  searcher: HybridSearcher,
  settings: Pick<Settings, 'TOP_K' | 'MIN_COVERAGE' | 'MIN_FOCUS' | 'MAX_UNKNOWN' | 'LLM_TIMEOUT_MS'>,
  model: BaseChatModel | null = null,
): AnswerService {
  // Before the warm-up optimises the answer path: recompiles after deoptimisations then cost half the background CPU.
  limitInlining();
  const namedTowns = (text: string) =>
    [...searcher.namedTowns(text)].sort((a, b) => b[1] - a[1]).filter(([, s], _, all) => s === all[0]![1]).map(([t]) => t);

  async function standalone(question: string, history: Turn[], llm: BaseChatModel | null, signal?: AbortSignal): Promise<string> {
    if (history.length === 0) return question;
    if (llm && namedTowns(question).length === 0) {
      const condensed = await condenseWithLlm(llm, question, history, settings.LLM_TIMEOUT_MS, signal);
      stopIfAborted(signal);
      if (condensed) return condensed;
    }
    return condenseQuestion(question, history, namedTowns);
  }

  const guide = corpusGuide(searcher.index.chunks, async (q) => {
    const options = answerOptions(settings);
    return !composeExtractive(searcher, q, await searcher.search(retrievalQuery(searcher, q), options.k), options).refused;
  });

  /** An answer through `llm` when given, else extractive: ask's body, which the warm-up runs without the LLM. */
  async function answer(input: AskInput, llm: BaseChatModel | null): Promise<ServedAnswer> {
    const t0 = performance.now();
    const talk = guide.smallTalk(input.question);
    if (talk) return Object.assign(talk, { standalone: input.question, fallback: null, timings: { condenseMs: 0, retrieveMs: 0, composeMs: 0, totalMs: round(performance.now() - t0) } });
    const options = answerOptions(settings, input.k);
    const question = await standalone(withoutGreeting(input.question), input.history ?? [], llm, input.signal);
    const t1 = performance.now();
    const hits = await searcher.search(retrievalQuery(searcher, question), options.k);
    const t2 = performance.now();
    const extractive = await answerMessage(searcher, question, hits, options);
    let result: AnswerResult = extractive;
    let fallback: string | null = null;
    if (llm) {
      const refusal = isMostlyLatin(question) ? REFUSAL_EN : REFUSAL_ZH;
      stopIfAborted(input.signal);
      const outcome = await answerWithLlm(llm, question, hits, settings.LLM_TIMEOUT_MS, refusal, extractive, input.signal);
      stopIfAborted(input.signal);
      if (outcome.result) result = { ...outcome.result, retrieved: toRetrieved(hits) };
      fallback = outcome.reason;
    }
    const followUps = result.refused ? [] : await guide.followUps(question, result.citations);
    const t3 = performance.now();
    // Object.assign, not a spread followed by new keys (new hidden classes on every call on Node 20; see composeExtractive).
    return Object.assign({}, result, {
      citations: result.citations.map(guide.withByline),
      followUps,
      question: input.question,
      standalone: question,
      fallback,
      timings: { condenseMs: round(t1 - t0), retrieveMs: round(t2 - t1), composeMs: round(t3 - t2), totalMs: round(t3 - t0) },
    });
  }

  async function warmUp(pause?: Pause): Promise<void> {
    const until = performance.now() + WARM_UP_BUDGET_MS;
    await guide.checkFollowUps(until, pause);
    for (const turn of warmUpQuestions(searcher)) {
      if (performance.now() > until) return;
      await answer(turn, null);
      await (pause ? pause() : new Promise((resolve) => setImmediate(resolve)));
    }
  }

  return { ask: (input) => answer(input, model), warmUp, search: (q, k) => searcher.search(q, k), searcher, llm: model !== null };
}
