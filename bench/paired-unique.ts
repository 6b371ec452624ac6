// `npx tsx bench/paired-unique.ts --a DIR --b DIR [--pairs 5] [--unique 1000]`: the bench's unique-answer stage in two checkouts at the same time, pair after pair, so both sides share the machine's load.
import { dirname, join, resolve } from 'node:path';
import { childRun, parseCheckoutPairArgs, type CheckoutPairArgs } from './checkout-pair.js';
import { fileURLToPath } from 'node:url';
import type { PairedRun } from './paired-child.js';
import type { Latency } from './stats.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: npx tsx bench/paired-unique.ts --a DIR --b DIR [--pairs 5] [--unique 1000]  (each DIR a checkout with node_modules and an index: npm run ingest there)';

export type PairedArgs = CheckoutPairArgs<'pairs'>;

/** The options, checked; throws with the usage line on anything else. */
export function parsePairedArgs(argv: string[]): PairedArgs {
  return parseCheckoutPairArgs(argv, USAGE, 'pairs', 5);
}

/** One child run in `root` (its own var/index unless `env` names another), answering `unique` questions. */
export function pairedChild(root: string, unique: number, env: NodeJS.ProcessEnv = {}): Promise<PairedRun> {
  return childRun<PairedRun>(join(HERE, 'paired-child.ts'), [String(unique), join(HERE, '..', 'eval/qa.jsonl')], root, env, `paired child in ${root}`);
}

/** Median of numbers (0 for none). */
function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s.length === 0 ? 0 : s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * The pairs as a Markdown table (process CPU, the main thread's own CPU, background-thread CPU over all
 * answers, ready time), with the median of b's figures over a's (below 1: b takes less CPU).
 */
export function pairedTable(pairs: { load: number; a: PairedRun; b: PairedRun }[]): string {
  const f = (x: number) => x.toFixed(3);
  const three = (l: Latency | null) => (l ? `${f(l.p50)} / ${f(l.p95)} / ${f(l.p99)}` : '–');
  const cells = (r: PairedRun) => `${three(r.answerCpu)} | ${three(r.answerMainCpu)} | ${r.backgroundMs ?? '–'} | ${Math.round(r.readyMs)} (${Math.round(r.warmUpMs)})`;
  const ratio = (of: (r: PairedRun) => number | undefined) => {
    const rs = pairs.map((p) => of(p.b)! / of(p.a)!).filter(Number.isFinite);
    return rs.length ? median(rs).toFixed(2) : '–';
  };
  return [
    '| pair (load) | a: answer CPU p50 / p95 / p99 ms | a: main thread p50 / p95 / p99 ms | a: background ms | a: ready ms (warm-up) | b: answer CPU p50 / p95 / p99 ms | b: main thread p50 / p95 / p99 ms | b: background ms | b: ready ms (warm-up) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...pairs.map((p, i) => `| ${i + 1} (${p.load.toFixed(1)}) | ${cells(p.a)} | ${cells(p.b)} |`),
    '',
    `b ÷ a, median over ${pairs.length} pairs: p50 ${ratio((r) => r.answerCpu.p50)}, p95 ${ratio((r) => r.answerCpu.p95)}, p99 ${ratio((r) => r.answerCpu.p99)}; ` +
      `main thread p50 ${ratio((r) => r.answerMainCpu?.p50)}, p99 ${ratio((r) => r.answerMainCpu?.p99)}; background ${ratio((r) => r.backgroundMs ?? undefined)}`,
  ].join('\n');
}

/** Runs the pairs: in each, both checkouts at once. */
export async function pairedUnique(args: PairedArgs, env: NodeJS.ProcessEnv = {}, log: (line: string) => void = () => {}): Promise<{ load: number; a: PairedRun; b: PairedRun }[]> {
  const out: { load: number; a: PairedRun; b: PairedRun }[] = [];
  const { loadavg } = await import('node:os');
  for (let i = 0; i < args.pairs; i++) {
    const load = loadavg()[0]!;
    const [a, b] = await Promise.all([pairedChild(args.a, args.unique, env), pairedChild(args.b, args.unique, env)]);
    log(`pair ${i + 1}/${args.pairs} (load ${load.toFixed(1)}): a p50 ${a.answerCpu.p50.toFixed(3)} ms, b p50 ${b.answerCpu.p50.toFixed(3)} ms`);
    out.push({ load, a, b });
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parsePairedArgs(process.argv.slice(2));
    console.log(`a = ${args.a}\nb = ${args.b}\n`);
    console.log(pairedTable(await pairedUnique(args, {}, (line) => console.error(line))));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
  }
}
