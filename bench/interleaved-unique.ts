// `npx tsx bench/interleaved-unique.ts --a DIR --b DIR [--runs 3] [--unique 1000]`: two checkouts' answer paths in one process, each unique question answered by both back to back, so both see the same load, question by question.
import { dirname, join, resolve } from 'node:path';
import { childRun, parseCheckoutPairArgs, type CheckoutPairArgs } from './checkout-pair.js';
import { fileURLToPath } from 'node:url';
import type { InterleavedRun } from './interleaved-child.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: npx tsx bench/interleaved-unique.ts --a DIR --b DIR [--runs 3] [--unique 1000]  (each DIR a checkout with node_modules; the index is a\'s var/index: npm run ingest there)';

export type InterleavedArgs = CheckoutPairArgs<'runs'>;

/** The options, checked; throws with the usage line on anything else. */
export function parseInterleavedArgs(argv: string[]): InterleavedArgs {
  return parseCheckoutPairArgs(argv, USAGE, 'runs', 3);
}

/** One fresh process answering `unique` questions with both checkouts over `env`'s index (by default `a`'s var/index). */
export function interleavedChild(a: string, b: string, unique: number, env: NodeJS.ProcessEnv = {}): Promise<InterleavedRun> {
  return childRun<InterleavedRun>(join(HERE, 'interleaved-child.ts'), [a, b, String(unique), join(HERE, '..', 'eval/qa.jsonl')], a, env, 'interleaved child');
}

/** The runs as a Markdown table: each side's process CPU per answer and the median per-question ratio b ÷ a (below 1: b takes less). */
export function interleavedTable(runs: { load: number; run: InterleavedRun }[]): string {
  const f = (x: number) => x.toFixed(3);
  return [
    '| run (load) | a: answer CPU p50 / p95 / p99 ms | b: answer CPU p50 / p95 / p99 ms | b ÷ a per question (median) |',
    '| --- | --- | --- | --- |',
    ...runs.map(({ load, run }, i) => `| ${i + 1} (${load.toFixed(1)}) | ${f(run.a.p50)} / ${f(run.a.p95)} / ${f(run.a.p99)} | ${f(run.b.p50)} / ${f(run.b.p95)} / ${f(run.b.p99)} | ${run.medianRatio.toFixed(3)} |`),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseInterleavedArgs(process.argv.slice(2));
    const { loadavg } = await import('node:os');
    const runs: { load: number; run: InterleavedRun }[] = [];
    for (let i = 0; i < args.runs; i++) {
      const load = loadavg()[0]!;
      const run = await interleavedChild(args.a, args.b, args.unique);
      console.error(`run ${i + 1}/${args.runs} (load ${load.toFixed(1)}): b ÷ a per question ${run.medianRatio}`);
      runs.push({ load, run });
    }
    console.log(`a = ${args.a}\nb = ${args.b}\n\n${interleavedTable(runs)}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
  }
}
