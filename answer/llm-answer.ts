// The optional LLM answer mode: an OpenAI-compatible chat model via LangChain, verified, with extractive fallback.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { StringOutputParser } from '@langchain/core/output_parsers';
import type { Settings } from '../config.js';
import type { SearchHit } from '../index/index.js';
import { answerPrompt, condensePrompt, LLM_NO_ANSWER_EN, LLM_NO_ANSWER_ZH, renderHistory, renderSources } from '../prompts/index.js';
import { toCitation } from './citations.js';
import type { AnswerResult, Turn } from './types.js';
import { isGrounded, verifyAnswer } from './verify-answer.js';

/**
 * The chat model for LLM_BASE_URL / LLM_MODEL / LLM_API_KEY, or null when no LLM is configured.
 * @langchain/openai (with the openai SDK, about half a second of module loading) is imported only then.
 */
export async function createChatModel(s: Pick<Settings, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TIMEOUT_MS'>): Promise<BaseChatModel | null> {
  if (!s.LLM_BASE_URL || !s.LLM_MODEL) return null;
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: s.LLM_MODEL,
    apiKey: s.LLM_API_KEY ?? 'not-needed',
    configuration: { baseURL: s.LLM_BASE_URL },
    temperature: 0,
    maxRetries: 0,
    timeout: s.LLM_TIMEOUT_MS,
  });
}

/** The signal of one LLM call: its timeout, and the caller's signal (a client that hung up) when given. */
export function llmSignal(timeoutMs: number, caller?: AbortSignal): AbortSignal {
  return caller ? AbortSignal.any([AbortSignal.timeout(timeoutMs), caller]) : AbortSignal.timeout(timeoutMs);
}

/** Why the LLM answer was not used (for logs and metrics); null when it was. */
export type LlmOutcome = { result: AnswerResult | null; reason: string | null };

function saysNoAnswer(text: string): boolean {
  return text.includes(LLM_NO_ANSWER_ZH.slice(0, 6)) || text.toLowerCase().includes(LLM_NO_ANSWER_EN.slice(0, 24).toLowerCase());
}

/**
 * Asks the model to answer from the numbered hits within `timeoutMs`, then verifies it. Returns
 * a result in mode 'llm' only when the answer is grounded (cites given passages, every number is
 * in them) or is the model's "no information" reply (a refusal). Otherwise returns the reason,
 * and the caller falls back to the extractive answer. Never throws for model failures.
 */
export async function answerWithLlm(
  model: BaseChatModel,
  question: string,
  hits: SearchHit[],
  timeoutMs: number,
  refusal: string,
  signal?: AbortSignal,
): Promise<LlmOutcome> {
  if (hits.length === 0) return { result: null, reason: 'no passages' };
  const sources = renderSources(hits.map((h, i) => ({ n: i + 1, title: h.chunk.meta.title || h.chunk.meta.town, text: h.chunk.text })));
  let text: string;
  try {
    text = await answerPrompt.pipe(model).pipe(new StringOutputParser()).invoke({ sources, question }, { signal: llmSignal(timeoutMs, signal) });
  } catch (err) {
    return { result: null, reason: `llm failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  const base = { question, mode: 'llm' as const, retrieved: [] };
  if (saysNoAnswer(text) && !/\[\d+\]/.test(text)) return { result: { ...base, answer: refusal, refused: true, citations: [] }, reason: null };
  const verified = verifyAnswer(text, hits.map((h) => h.chunk.text));
  if (!isGrounded(verified)) {
    const why = verified.cited.length === 0 ? 'no valid citation' : `unsupported numbers ${verified.unsupportedNumbers.join(', ')}`;
    return { result: null, reason: `llm answer rejected: ${why}` };
  }
  const renumber = new Map(verified.cited.map((n, i) => [n, i + 1]));
  const answer = verified.text.replace(/\[(\d+)\]/g, (_, d: string) => `[${renumber.get(Number(d))}]`);
  const citations = verified.cited.map((n) => toCitation(hits[n - 1]!, renumber.get(n)!));
  return { result: { ...base, answer, refused: false, citations }, reason: null };
}

/** Condenses a follow-up with the model; null on failure, timeout or `signal` (the caller uses the rules). */
export async function condenseWithLlm(model: BaseChatModel, question: string, history: Turn[], timeoutMs: number, signal?: AbortSignal): Promise<string | null> {
  try {
    const text = await condensePrompt
      .pipe(model)
      .pipe(new StringOutputParser())
      .invoke({ history: renderHistory(history), question }, { signal: llmSignal(timeoutMs, signal) });
    const line = text.trim().split('\n')[0]?.trim() ?? '';
    return line.length > 0 && line.length <= 500 ? line : null;
  } catch {
    return null;
  }
}
