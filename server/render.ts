// Pure renderers for responses: streamed deltas, and answers with their sources as plain text.
import type { Citation } from '../answer/index.js';

/**
 * Splits an answer into streaming deltas of about `size` characters, never inside a citation
 * marker like [12] and never inside a surrogate pair. Concatenating the deltas gives the text.
 */
export function splitDeltas(text: string, size = 16): string[] {
  const tokens = text.match(/\[\d+\]|[\s\S]/gu) ?? [];
  const out: string[] = [];
  let piece = '';
  for (const t of tokens) {
    piece += t;
    if ([...piece].length >= size || /[。！？；.!?]$/.test(piece)) {
      out.push(piece);
      piece = '';
    }
  }
  if (piece) out.push(piece);
  return out;
}

/**
 * The answer followed by a "来源" block, one "[n] 《title》snippet" line per citation, for clients that
 * show only text (the title in 《》, as titles often hold a "：" of their own).
 */
export function answerWithSources(answer: string, citations: Citation[]): string {
  if (citations.length === 0) return answer;
  return `${answer}\n\n来源：\n${citations.map((c) => `[${c.n}] 《${c.title}》${c.snippet}`).join('\n')}`;
}
