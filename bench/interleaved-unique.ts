// `npx tsx bench/interleaved-unique.ts --a DIR --b DIR [--runs 3] [--unique 1000]`: two checkouts' answer paths in one process, each unique question answered by both back to back, so both see the same load, question by question.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { InterleavedRun } from './interleaved-child.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: npx tsx bench/interleaved-unique.ts --a DIR --b DIR [--runs 3] [--unique 1000]  (each DIR a checkout with node_modules; the index is a\'s var/index: npm run ingest there)';

const argsSchema = z.object({
  a: z.string().min(1),
  b: z.string().min(1),
  runs: z.coerce.number().int().min(1).max(50),
  unique: z.coerce.number().int().min(10).max(100_000),
});
export type InterleavedArgs = z.infer<typeof argsSchema>;

/** The options, checked; throws with the usage line on anything else. */
export function parseInterleavedArgs(argv: string[]): InterleavedArgs {
  const { values } = parseArgs({ args: argv, options: { a: { type: 'string' }, b: { type: 'string' }, runs: { type: 'string', default: '3' }, unique: { type: 'string', default: '1000' } }, strict: true, allowPositionals: false });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
  for (const dir of [parsed.data.a, parsed.data.b]) if (!existsSync(join(dir, 'answer/index.ts'))) throw new Error(`${dir} is no checkout of this project (no answer/index.ts)\n${USAGE}`);
  return { ...parsed.data, a: resolve(parsed.data.a), b: resolve(parsed.data.b) };
}

/** One fresh process answering `unique` questions with both checkouts over `env`'s index (by default `a`'s var/index). */
export function interleavedChild(a: string, b: string, unique: number, env: NodeJS.ProcessEnv = {}): Promise<InterleavedRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'interleaved-child.ts'), a, b, String(unique), join(HERE, '..', 'eval/qa.jsonl')], { cwd: a, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`exited with ${code}`);
        done(JSON.parse(out.trim().split('\n').pop() ?? '') as InterleavedRun);
      } catch (e) {
        fail(new Error(`interleaved child: ${(e as Error).message}\n${err.slice(-2000)}`));
      }
    });
  });
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
