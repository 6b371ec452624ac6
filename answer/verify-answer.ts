// Checks a generated answer against its sources: markers must point at given passages, numbers must be in them.
import { foldForMatch } from '../ingest/index.js';

export type Verified = {
  /** The answer with markers that point nowhere removed. */
  text: string;
  /** Source numbers the answer cites, in order of first use. */
  cited: number[];
  /** Markers removed because no such source was given. */
  dropped: number[];
  /** Numbers in the answer that no cited passage contains. */
  unsupportedNumbers: string[];
};

const MARKER = /\[(\d+)\]/g;
const NUMBER = /\d+(?:\.\d+)?/g;

/** "12,345" -> "12345" (thousands separators only; "85，38" stays two numbers). */
const joinThousands = (s: string) => s.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');

/**
 * Verifies an LLM answer over `passages` (source n = passages[n-1]). Pure. Numbers are compared
 * as whole numbers ("5万" is not supported by "85万"). The answer is usable when it cites at
 * least one source and has no unsupported numbers.
 */
export function verifyAnswer(answer: string, passages: string[]): Verified {
  const cited: number[] = [];
  const dropped: number[] = [];
  const text = answer.replace(MARKER, (marker, digits: string) => {
    const n = Number(digits);
    if (n >= 1 && n <= passages.length) {
      if (!cited.includes(n)) cited.push(n);
      return marker;
    }
    dropped.push(n);
    return '';
  });
  const evidence = new Set(joinThousands(foldForMatch(cited.map((n) => passages[n - 1]!).join('\n'))).match(NUMBER) ?? []);
  const numbers = joinThousands(foldForMatch(text.replace(MARKER, ''))).match(NUMBER) ?? [];
  const unsupportedNumbers = [...new Set(numbers)].filter((n) => !evidence.has(n));
  return { text: text.trim(), cited, dropped, unsupportedNumbers };
}

/** True when the verified answer may be shown: it cites a source and every number is supported. */
export function isGrounded(v: Verified): boolean {
  return v.cited.length > 0 && v.unsupportedNumbers.length === 0;
}
