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

/**
 * Verifies an LLM answer over `passages` (source n = passages[n-1]). Pure. The answer is
 * usable when it cites at least one source and has no unsupported numbers.
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
  const evidence = foldForMatch(cited.map((n) => passages[n - 1]!).join('\n')).replace(/,/g, '');
  const numbers = foldForMatch(text.replace(MARKER, '')).replace(/(\d),(\d)/g, '$1$2').match(NUMBER) ?? [];
  const unsupportedNumbers = [...new Set(numbers)].filter((n) => !evidence.includes(n));
  return { text: text.trim(), cited, dropped, unsupportedNumbers };
}

/** True when the verified answer may be shown: it cites a source and every number is supported. */
export function isGrounded(v: Verified): boolean {
  return v.cited.length > 0 && v.unsupportedNumbers.length === 0;
}
