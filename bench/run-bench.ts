// `npm run bench [-- --sizes real,1k,10k,100k,1m --out bench.json]`: measures ingest, retrieval, peers, HTTP and cold start; never fails on a time.
import { fork } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadSettings } from '../config.js';
import { benchQueries, parseSizes, realChunks } from './corpus.js';
import { coldStartStage } from './cold-start.js';
import { httpStage } from './http-load.js';
import { renderMarkdown, renderReadmeSummary, replaceReadmeSummary, README_BEGIN, type BenchReport, type SizeReport } from './report.js';
import type { SizeJob, SizeResult } from './size-worker.js';
import { buildServerIfStale } from './server-process.js';
import { machineInfo } from './stats.js';

const USAGE = `usage: npm run bench -- [--sizes real,1k,10k] [--out bench.json] [--md bench/RESULTS.md] [--readme README.md]
  [--rounds 3] [--duration 10] [--connections 16] [--peer-max 100000] [--http-max 1000000]
  [--cluster-max 10000] [--cold-runs 3] [--efs 50,100,200,400] [--from a.json,b.json]
The default sizes finish in a few minutes; the full run is --sizes real,1k,10k,100k,1m.
--from measures nothing: it merges saved runs (sizes in order, later files first) into --out and --md.
The summary tables also replace the marked block of --readme (--readme '' leaves it alone).`;

/** Writes bench.json, RESULTS.md and the README's marked summary block. */
function writeOutputs(r: BenchReport, out: string, md: string, readme: string): void {
  writeFileSync(out, JSON.stringify(r, null, 2));
  writeFileSync(md, renderMarkdown(r));
  if (!readme) return;
  const updated = replaceReadmeSummary(readFileSync(readme, 'utf8'), renderReadmeSummary(r));
  if (updated === null) console.error(`[bench] ${readme} has no ${README_BEGIN} … block: its summary is not updated`);
  else writeFileSync(readme, updated);
}

/** Merges saved runs: the newest file's machine and settings, every size once (later files win). */
function mergeRuns(files: string[]): BenchReport {
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as BenchReport);
  const sizes = new Map<string, SizeReport>();
  for (const run of runs) for (const size of run.sizes) sizes.set(size.size.label, { ...size, measured: size.measured ?? { at: run.generatedAt, command: run.command } });
  const last = runs[runs.length - 1]!;
  return { ...last, generatedAt: new Date().toISOString(), command: `npm run bench -- --from ${files.join(',')}`, sizes: [...sizes.values()] };
}

/** Runs one size in a child process (its own heap and peak RSS) and returns its figures. */
function runSize(job: SizeJob): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork('bench/size-worker.ts', [JSON.stringify(job)], { execArgv: ['--import', 'tsx', '--max-old-space-size=16384'] });
    let result: SizeResult | null = null;
    child.on('message', (m) => (result = m as SizeResult));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`size ${job.size.label}: worker exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const { values: v } = parseArgs({
    options: {
      sizes: { type: 'string', default: 'real,1k,10k' },
      out: { type: 'string', default: 'bench.json' },
      md: { type: 'string', default: 'bench/RESULTS.md' },
      readme: { type: 'string', default: 'README.md' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '16' },
      'peer-max': { type: 'string', default: '100000' },
      'http-max': { type: 'string', default: '1000000' },
      'cluster-max': { type: 'string', default: '10000' },
      'cold-runs': { type: 'string', default: '3' },
      efs: { type: 'string', default: '50,100,200,400' },
      from: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) return console.log(USAGE);
  if (v.from) {
    const merged = mergeRuns(v.from.split(','));
    writeOutputs(merged, v.out, v.md, v.readme);
    return console.log(renderMarkdown(merged));
  }
  const settings = loadSettings({ ...process.env, EMBEDDER: 'hash' });
  const sizes = parseSizes(v.sizes);
  const env: Record<string, string> = { EMBEDDER: 'hash', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', HNSW_M: String(settings.HNSW_M), HNSW_EF_CONSTRUCTION: String(settings.HNSW_EF_CONSTRUCTION), HNSW_EF_SEARCH: String(settings.HNSW_EF_SEARCH) };
  buildServerIfStale(); // cold start and HTTP load measure the bundle `npm start` runs
  const reports: SizeReport[] = [];
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const report = (): BenchReport => ({
    generatedAt: new Date().toISOString(),
    command,
    machine: machineInfo(),
    settings: { HASH_DIM: settings.HASH_DIM, HNSW_M: settings.HNSW_M, HNSW_EF_CONSTRUCTION: settings.HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH: settings.HNSW_EF_SEARCH, TOP_K: settings.TOP_K, CHUNK_MAX_CHARS: settings.CHUNK_MAX_CHARS },
    sizes: reports,
  });
  for (const size of sizes) {
    const started = performance.now();
    console.error(`[bench] ${size.label}: ingest, retrieval, recall, peers…`);
    const result = await runSize({ size, env, rounds: Number(v.rounds), peerMaxChunks: Number(v['peer-max']), efs: v.efs.split(',').map(Number) });
    const serverEnv = { ...env, INDEX_DIR: result.dir };
    const chunks = result.ingest.chunks;
    const queries = benchQueries('eval/qa.jsonl', await realChunks(settings));
    let coldStartMs = null;
    const http = [];
    if (chunks <= Number(v['http-max'])) {
      console.error(`[bench] ${size.label}: cold start and HTTP load…`);
      coldStartMs = await coldStartStage(serverEnv, Number(v['cold-runs']));
      http.push(...(await httpStage(serverEnv, queries, 1, Number(v.connections), Number(v.duration))));
      if (chunks <= Number(v['cluster-max'])) http.push(...(await httpStage(serverEnv, queries, 2, Number(v.connections), Number(v.duration))));
    }
    rmSync(result.dir, { recursive: true, force: true });
    const { dir: _dir, ...figures } = result;
    reports.push({ ...figures, coldStartMs, http, measured: { at: new Date().toISOString(), command } });
    writeOutputs(report(), v.out, v.md, v.readme);
    console.error(`[bench] ${size.label}: done in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  console.log(renderMarkdown(report()));
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
