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
  const computed = computedNumbers([...evidence]);
  const unsupportedNumbers = [...new Set(numbers)].filter((n) => !evidence.has(n) && !computed.has(n));
  return { text: text.trim(), cited, dropped, unsupportedNumbers };
}

/** How a number reads after rounding to at most two decimals ("46.20" -> "46.2"). */
const show = (x: number) => String(Math.round(x * 100) / 100);

/**
 * Numbers that can be computed from two cited numbers: their difference, sum, and ratio (as a
 * multiple or a percentage), so "相差46.2万头" from 85万 and 38.8万 counts as supported.
 */
export function computedNumbers(cited: string[]): Set<string> {
  const values = cited.map(Number).filter((x) => Number.isFinite(x)).slice(0, 60);
  const out = new Set<string>();
  for (const a of values) {
    for (const b of values) {
      if (a === b) continue;
      out.add(show(Math.abs(a - b)));
      out.add(show(a + b));
      if (b !== 0) {
        out.add(show(a / b));
        out.add(show((100 * a) / b));
      }
    }
  }
  return out;
}

/** True when the verified answer may be shown: it cites a source and every number is supported. */
export function isGrounded(v: Verified): boolean {
  return v.cited.length > 0 && v.unsupportedNumbers.length === 0;
}
