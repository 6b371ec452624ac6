// V8's inlining budget for this process: smaller than V8's default, so the optimising compiler's background jobs cost about half the CPU.
import { setFlagsFromString } from 'node:v8';

/**
 * Bytecode bytes TurboFan may inline into one optimised function (V8's default is 920). Unique
 * questions keep meeting objects and strings of shapes the optimised answer path has not seen, so
 * V8 deoptimises and recompiles its large functions (pickSentences, questionTerms, attributeFit…) for
 * as long as new questions arrive, on a background thread whose CPU is charged to the answers running
 * meanwhile. At 240 each recompile is about half the work: background CPU per 1,000 unique answers
 * 340–410 → 130–190 ms, process CPU p99 8.9–10.0 → 6.4–7.7 ms, the answering thread's own CPU unchanged
 * (README, Performance).
 */
export const INLINED_BYTECODE_BUDGET = 240;

let applied = false;

/** Sets the budget for every later optimisation in this process (a V8 flag: process-wide); once. */
export function limitInlining(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_BUDGET}`);
}
