// Command-line options of `npm run bench`: parsed and checked, with the README written only on --readme.
import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run bench -- [--sizes real,1k,10k] [--out bench.json] [--md bench/RESULTS.md] [--readme]
  [--rounds 3] [--duration 10] [--connections 16] [--peer-max 100000] [--http-max 1000000]
  [--cluster-max 10000] [--cold-runs 3] [--efs 50,100,200,400] [--unique 1000] [--first-runs 3]
  [--quick] [--from a.json,b.json]
The default sizes finish in a few minutes; the full run is --sizes real,1k,10k,100k,1m.
--unique: distinct questions asked once each for retrieval and again as many for full answers;
--first-runs: fresh processes timing their first question.
--quick measures only unique and repeated questions and first questions, prints them and writes nothing.
--from measures nothing: it merges saved runs (sizes in order, later files first) into --out and --md.
--readme also replaces the marked summary block of README.md (nothing else writes the README).`;

/** The bench options; `readme` is the file whose marked block gets the summary, or null to leave it alone. */
export function parseBenchArgs(argv: string[]) {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: 'real,1k,10k' },
      out: { type: 'string', default: 'bench.json' },
      md: { type: 'string', default: 'bench/RESULTS.md' },
      readme: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '16' },
      'peer-max': { type: 'string', default: '100000' },
      'http-max': { type: 'string', default: '1000000' },
      'cluster-max': { type: 'string', default: '10000' },
      'cold-runs': { type: 'string', default: '3' },
      efs: { type: 'string', default: '50,100,200,400' },
      unique: { type: 'string', default: '1000' },
      'first-runs': { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      from: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return { ...v, readme: v.readme ? 'README.md' : null };
}
export type BenchArgs = ReturnType<typeof parseBenchArgs>;
