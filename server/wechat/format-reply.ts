// Renders a pipeline answer as phone-friendly text: the answer, then numbered sources, within a byte cap.
import type { AnswerResult, Citation } from '../../answer/types.js';

/** Content cap of a passive text reply (and of WeCom's message API), in UTF-8 bytes. */
export const REPLY_MAX_BYTES = 2048;

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** UTF-8 length of `text` in bytes. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Cuts `text` to at most `maxBytes` UTF-8 bytes on a grapheme boundary (never inside a character
 * or a surrogate pair), appending `ellipsis` when something was cut. Returns `text` when it fits.
 */
export function truncateUtf8(text: string, maxBytes: number, ellipsis = '…'): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const budget = maxBytes - utf8Bytes(ellipsis);
  let used = 0;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Bytes(segment);
    if (used + size > budget) break;
    used += size;
    kept += segment;
  }
  return budget < 0 ? '' : kept.trimEnd() + ellipsis;
}

/** Cuts to at most `maxChars` graphemes, with an ellipsis when something was cut. */
function truncateChars(text: string, maxChars: number): string {
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  return parts.length <= maxChars ? text : `${parts.slice(0, maxChars).join('').trimEnd()}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sourceLine(citation: Citation, snippetMaxChars: number): string {
  const title = truncateChars(oneLine(citation.title), 40);
  if (snippetMaxChars === 0) return `[${citation.n}] 《${title}》`;
  return `[${citation.n}] 《${title}》${truncateChars(oneLine(citation.snippet), snippetMaxChars)}`;
}

function compose(answer: string, lines: string[]): string {
  return lines.length === 0 ? answer : `${answer}\n\n来源：\n${lines.join('\n')}`;
}

/**
 * Formats an answer and its citations as reply text of at most `maxBytes` UTF-8 bytes:
 * the answer, a blank line, then "来源：" and one line per citation `[n] 《title》snippet…` (titles often hold a "：")
 * (numbers match the [n] markers in the answer). When too long, sources give way first
 * (snippets dropped, then the last sources); only then is the answer itself cut.
 */
export function formatAnswerReply(
  result: Pick<AnswerResult, 'answer' | 'citations'>,
  options: { maxBytes?: number; snippetMaxChars?: number } = {},
): string {
  const maxBytes = options.maxBytes ?? REPLY_MAX_BYTES;
  const snippetMaxChars = options.snippetMaxChars ?? 60;
  const answer = result.answer.trim();
  const citations = [...result.citations].sort((a, b) => a.n - b.n);
  const withSnippets = citations.map((c) => sourceLine(c, snippetMaxChars));
  const full = compose(answer, withSnippets);
  if (utf8Bytes(full) <= maxBytes) return full;
  const titlesOnly = citations.map((c) => sourceLine(c, 0));
  for (let count = titlesOnly.length; count > 0; count--) {
    const text = compose(answer, titlesOnly.slice(0, count));
    if (utf8Bytes(text) <= maxBytes) return text;
  }
  return truncateUtf8(answer, maxBytes);
}
