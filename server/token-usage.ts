// Token counts for the OpenAI-compatible `usage` field, with OpenAI's o200k_base tokenizer (gpt-tokenizer).

/** Tokens the chat format adds per message (role and separators) and to prime the reply, as OpenAI counts them. */
export const TOKENS_PER_MESSAGE = 3;
export const REPLY_PRIMING_TOKENS = 3;

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

type Encode = (text: string) => number[];
let encoder: Promise<Encode> | null = null;

/** The o200k_base encoder, loaded on first use (its ranks are megabytes of JavaScript: kept out of start-up). */
export function loadEncoder(): Promise<Encode> {
  encoder ??= import('gpt-tokenizer/encoding/o200k_base').then((m) => (text: string) => m.encode(text));
  return encoder;
}

/**
 * Usage of one completion: the prompt is every message's role and text (plus the chat format's
 * per-message and reply-priming tokens), the completion is the text returned.
 */
export async function countUsage(messages: { role: string; content: string }[], completion: string): Promise<Usage> {
  const encode = await loadEncoder();
  const prompt = messages.reduce((n, m) => n + TOKENS_PER_MESSAGE + encode(m.role).length + encode(m.content).length, REPLY_PRIMING_TOKENS);
  const completionTokens = encode(completion).length;
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
}
